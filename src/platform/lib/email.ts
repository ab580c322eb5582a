/** Emails are normalized once, when written: trimmed and lower-cased (decisions.md item 13). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// Django's EmailValidator, which Sentry's serializers use: a dot-atom or quoted local part, and a domain
// of labels with a 2–63 character top label, `localhost`, or a bracketed IP literal.
const DOT_ATOM = /^[-!#$%&'*+/=?^_`{}|~0-9a-z]+(\.[-!#$%&'*+/=?^_`{}|~0-9a-z]+)*$/i;
// eslint-disable-next-line no-control-regex
const QUOTED = /^"([\x01-\x08\x0b\x0c\x0e-\x1f!#-[\]-\x7f]|\\[\x01-\x09\x0b\x0c\x0d-\x7f])*"$/i;
const DOMAIN = /^((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+)(?:[a-z0-9-]{2,63})$/i;
const IPV4_LITERAL = /^\[(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}\]$/;

/** Is this a valid email address by Django's rules (what Sentry answers "Enter a valid email address." to)? */
export function isValidEmailAddress(email: string): boolean {
  if (email.length > 320) return false;
  const at = email.lastIndexOf('@');
  if (at <= 0) return false;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (!DOT_ATOM.test(local) && !QUOTED.test(local)) return false;
  if (domain.toLowerCase() === 'localhost' || IPV4_LITERAL.test(domain)) return true;
  return DOMAIN.test(domain) && !domain.endsWith('-');
}

// Sentry's INVALID_EMAIL_ADDRESS_PATTERN default: addresses at qq.com are refused as invalid.
const BLOCKED_EMAIL = /@qq\.com$/i;

/** Sentry's `AllowedEmailField`: a valid address that is not on the blocklist. */
export function isAllowedEmailAddress(email: string): boolean {
  return isValidEmailAddress(email) && !BLOCKED_EMAIL.test(email);
}
