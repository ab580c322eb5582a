import type { ScimProfile } from '../platform/db/schema.js';
import { CORE_USER_SCHEMA } from './scim-attribute-path.js';
import type { ScimUserRow } from './scim-users.queries.js';

/** Sentry's name for a member the identity provider sent none for (spec scim.md §1.4, choice 12). */
export const NO_NAME = { givenName: 'N/A', familyName: 'N/A' } as const;

export type ScimUserResource = ReturnType<typeof presentScimUser>;

/** A User with only the attributes asked for; those `returned: always` stay. */
export type SelectedUser = Pick<ScimUserResource, 'schemas' | 'id' | 'userName' | 'meta'> & Partial<ScimUserResource>;

/**
 * A member as a SCIM User (spec scim.md §1.4 and Roster's choice 12): the stored profile when the
 * identity provider sent one, else Sentry's defaults; `active` always (Entra needs it: a listed member
 * is active, a deprovisioned one is gone).
 */
export function presentScimUser(row: ScimUserRow, baseUrl: string) {
  const profile: ScimProfile = row.scim_profile ?? {};
  return {
    schemas: [CORE_USER_SCHEMA],
    id: row.id,
    userName: row.user_name,
    name: profile.name && Object.keys(profile.name).length > 0 ? profile.name : { ...NO_NAME },
    ...(profile.displayName !== undefined ? { displayName: profile.displayName } : {}),
    ...(row.scim_external_id !== null ? { externalId: row.scim_external_id } : {}),
    emails: profile.emails && profile.emails.length > 0 ? profile.emails : [{ primary: true, value: row.user_name, type: 'work' }],
    active: row.active,
    sentryOrgRole: row.role,
    meta: { resourceType: 'User', location: `${baseUrl}/Users/${row.id}` },
  };
}

/** Attributes every answer keeps whatever `attributes`/`excludedAttributes` say (RFC 7643 `returned: always`, and the required userName). */
const ALWAYS = new Set(['schemas', 'id', 'meta', 'username']);

/** `attributes` and `excludedAttributes` (RFC 7644 §3.4.2.5), comma-separated, URN prefixes allowed. */
export interface AttributeSelection {
  attributes?: string | undefined;
  excludedAttributes?: string | undefined;
}

function parseList(text: string | undefined): string[] | null {
  if (text === undefined || text.trim() === '') return null;
  return text.split(',').map((item) => {
    const trimmed = item.trim();
    const colon = /^urn:/i.test(trimmed) ? trimmed.lastIndexOf(':') : -1;
    return trimmed.slice(colon + 1).toLowerCase();
  });
}

/**
 * Keeps what `attributes` asks for (a top-level name keeps all of it, `name.givenName` one part),
 * else drops what `excludedAttributes` names; the `ALWAYS` attributes stay either way.
 */
export function selectAttributes(resource: ScimUserResource, selection: AttributeSelection): SelectedUser {
  const wanted = parseList(selection.attributes);
  const excluded = parseList(selection.excludedAttributes);
  if (!wanted && !excluded) return resource;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resource)) {
    const lower = key.toLowerCase();
    if (ALWAYS.has(lower)) {
      result[key] = value;
      continue;
    }
    if (wanted) {
      if (wanted.includes(lower)) result[key] = value;
      else {
        const parts = wanted.filter((item) => item.startsWith(`${lower}.`)).map((item) => item.slice(lower.length + 1));
        if (parts.length > 0) {
          const picked = pickParts(value, (part) => parts.includes(part));
          if (picked !== undefined) result[key] = picked;
        }
      }
    } else if (excluded && !excluded.includes(lower)) {
      const parts = excluded.filter((item) => item.startsWith(`${lower}.`)).map((item) => item.slice(lower.length + 1));
      result[key] = parts.length > 0 ? pickParts(value, (part) => !parts.includes(part)) : value;
    }
  }
  return result as SelectedUser;
}

/** The sub-attributes of a complex value (or of each element of a multi-valued one) that `keep` accepts. */
function pickParts(value: unknown, keep: (part: string) => boolean): unknown {
  const pick = (item: unknown) =>
    typeof item === 'object' && item !== null ? Object.fromEntries(Object.entries(item).filter(([part]) => keep(part.toLowerCase()))) : item;
  return Array.isArray(value) ? value.map(pick) : pick(value);
}
