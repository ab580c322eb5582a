import type { ScimProfile } from '../platform/db/schema.js';
import { CORE_USER_SCHEMA } from './scim-attribute-path.js';
import type { ScimUserRow } from './scim-users.queries.js';

/** Sentry's name for a member the identity provider sent none for (spec scim.md §1.4, choice 12). */
export const NO_NAME = { givenName: 'N/A', familyName: 'N/A' } as const;

export type ScimUserResource = ReturnType<typeof presentScimUser>;

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

/** A User keeps its `userName` whatever `attributes` asks for: the User schema requires it in every answer. */
export const USER_ALWAYS_RETURNED = ['userName'] as const;
