import { elementMatches } from './scim-filter-match.js';
import type { ScimFilter } from './scim-filter.js';
import { invalidPath, invalidValue, type PatchOpName, type PatchPath } from './scim-patch.js';
import { isObject, readBoolean } from './scim-values.js';

export interface ScimEmail {
  value: string;
  type?: string;
  primary?: boolean;
}

const EMAIL_KEYS = new Set(['value', 'type', 'primary']);

/**
 * One operation on `emails`, `emails.value`, `emails[filter]` or `emails[filter].sub` (RFC 7644
 * §3.5.2), returning the new list. `add` to a valuePath is a `replace`; a `replace` whose filter
 * matches no email creates one from the filter's `eq` conditions (Entra's `emails[type eq
 * "work"].value`, spec §2.3, where the RFC would say noTarget). Sub-attributes other than value, type
 * and primary (`display`) are ignored; an email left without a value → 400 `invalidValue`.
 */
export function patchEmails(emails: ScimEmail[], op: PatchOpName, path: PatchPath, value: unknown): ScimEmail[] {
  const sub = path.subAttribute ?? (path.attribute.startsWith('emails.') ? path.attribute.slice('emails.'.length) : null);
  if (sub !== null && !EMAIL_KEYS.has(sub)) {
    if (sub === 'display') return emails;
    throw invalidPath(`"${path.text}" is not an attribute of an email.`);
  }
  const matches = (email: ScimEmail) => path.filter === null || elementMatches(path.filter, { ...email }, 'emails');
  let next: ScimEmail[];
  if (op === 'remove') {
    next = sub === null || sub === 'value' ? removeEmails(emails, matches, path, value) : emails.map((email) => (matches(email) ? withoutKey(email, sub) : email));
  } else if (path.filter === null && sub === null) {
    const items = emailList(value, path.text);
    next = op === 'add' ? [...emails, ...items.filter((item) => !emails.some((email) => sameEmail(email, item)))] : items;
  } else {
    const change = sub === null ? emailFields(value, path.text, false) : emailFields({ [sub]: value }, path.text, false);
    const edited = emails.some(matches) ? emails.map((email) => (matches(email) ? { ...email, ...change } : email)) : [...emails, { ...fromFilter(path.filter), ...change }];
    next = edited.map((email) => withValue(email, path.text));
  }
  return next;
}

function removeEmails(emails: ScimEmail[], matches: (email: ScimEmail) => boolean, path: PatchPath, value: unknown): ScimEmail[] {
  // `remove` of `emails` with a value list removes the listed addresses (as Entra removes members).
  if (path.filter === null && value !== undefined) {
    const listed = emailList(value, path.text);
    return emails.filter((email) => !listed.some((item) => item.value.toLowerCase() === email.value.toLowerCase()));
  }
  return emails.filter((email) => !matches(email));
}

function emailList(value: unknown, text: string): ScimEmail[] {
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => {
    const email = emailFields(item, text, true);
    if (typeof email.value !== 'string') throw invalidValue(`"${text}": each email needs a string "value".`);
    return email as ScimEmail;
  });
}

/** The value, type and primary of an email object (keys in any case, primary as a string boolean too). */
function emailFields(item: unknown, text: string, whole: boolean): Partial<ScimEmail> {
  if (!isObject(item)) throw invalidValue(`"${text}" needs ${whole ? 'email objects' : 'an email object'}.`);
  const email: Partial<ScimEmail> = {};
  for (const [key, field] of Object.entries(item)) {
    const name = key.toLowerCase();
    if (name === 'value' || name === 'type') {
      if (typeof field !== 'string' || (name === 'value' && field === '')) throw invalidValue(`"${text}": email "${key}" must be a non-empty string.`);
      email[name] = field;
    } else if (name === 'primary') {
      const primary = readBoolean(field);
      if (primary === undefined) throw invalidValue(`"${text}": email "primary" must be true or false.`);
      email.primary = primary;
    }
  }
  return email;
}

/** An email built from a filter's `eq` conditions: `type eq "work"` gives `{type: "work"}`. */
function fromFilter(filter: ScimFilter | null): Partial<ScimEmail> {
  if (filter === null) return {};
  const conditions = filter.kind === 'and' ? filter.filters : [filter];
  const fields: Record<string, unknown> = {};
  for (const condition of conditions) {
    if (condition.kind === 'compare' && condition.op === 'eq') fields[condition.path.slice('emails.'.length)] = condition.value;
  }
  return emailFields(fields, 'emails', false);
}

function withValue(email: Partial<ScimEmail>, text: string): ScimEmail {
  if (typeof email.value !== 'string') throw invalidValue(`"${text}" would leave an email without a value.`);
  return email as ScimEmail;
}

function sameEmail(a: ScimEmail, b: ScimEmail): boolean {
  return a.value === b.value && a.type === b.type && a.primary === b.primary;
}

function withoutKey(email: ScimEmail, key: string): ScimEmail {
  const copy: Record<string, unknown> = { ...email };
  delete copy[key];
  return copy as unknown as ScimEmail;
}
