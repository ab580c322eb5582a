import crypto from 'node:crypto';

/** Slugs no organization may take: they collide with Roster's own paths (decisions.md). */
export const RESERVED_ORG_SLUGS: ReadonlySet<string> = new Set([
  'api', 'admin', 'accept', 'account', 'auth', 'organizations', 'organization', 'settings', 'login', 'logout',
  'signup', 'register', 'static', 'docs', 'support', 'avatar', 'demo', 'out', 'debug', 'onboarding', 'teams',
  'members', 'invite', 'join', 'assets', 'health', '_health', 'sentry', 'roster', 'new', 'help', 'signin',
  'sign-in', 'verify', 'accept-invite', 'users', 'user', 'remote', 'manage', 'security', 'privacy',
]);

export const ORG_SLUG_FORMAT_MESSAGE =
  'Enter a valid slug consisting of letters, numbers, or hyphens. It cannot be entirely numeric.';

/**
 * Sentry's organization slug rules (sentry-behavior.md §9.5), in Sentry's order, except uniqueness,
 * which the caller checks against the database. Returns the message for the first broken rule.
 */
export function orgSlugProblem(raw: string): string | null {
  const value = raw.trim();
  if (value.length > 50 || !/^(?![0-9]+$)[a-zA-Z0-9][a-zA-Z0-9-]*$/.test(value) || value.endsWith('-')) {
    return /\s/.test(raw) && value !== raw && /^(?![0-9]+$)[a-zA-Z0-9][a-zA-Z0-9-]*(?<!-)$/.test(value)
      ? `The slug "${raw}" should not contain any whitespace.`
      : ORG_SLUG_FORMAT_MESSAGE;
  }
  if (value.length < 3) return `This slug "${value}" is too short. Minimum of 3 characters.`;
  if (value !== value.toLowerCase()) return `This slug "${value}" should not contain uppercase symbols.`;
  if (RESERVED_ORG_SLUGS.has(value)) return `This slug "${value}" is reserved and not allowed.`;
  if (value !== raw) return `The slug "${raw}" should not contain any whitespace.`;
  return null;
}

/** A slug derived from a name: lower-cased, non-alphanumerics to dashes, dashes trimmed. */
export function slugifyName(name: string, maxLength = 50): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[_\s]+/g, '-')
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-{2,}/g, '-')
    .slice(0, maxLength)
    .replace(/^-+|-+$/g, '');
}

/** A short random suffix for a slug that is taken, reserved or all digits. */
export function slugSuffix(): string {
  return crypto.randomBytes(4).toString('hex').slice(0, 6);
}
