import type { Executor } from '../platform/db/database.js';

/**
 * The members' SSO flags (`sso:linked`, `sso:invalid`) as the SSO configuration reads and clears
 * them. Joined members only: a pending invite has no account to link.
 */

/** Joined, active members whose account is not linked to the organization's identity provider, with their address. */
export function findUnlinkedMembers(db: Executor, orgId: string) {
  return db
    .selectFrom('members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.id', 'm.user_id', 'u.email'])
    .where('m.organization_id', '=', orgId)
    .where('m.invite_status', '=', 0)
    .where('m.user_is_active', '=', true)
    .where('u.is_active', '=', true)
    .where('m.sso_linked', '=', false)
    .orderBy('m.id')
    .execute();
}

/** How many joined members still have to link their account (Sentry's `pending_links_count`). */
export async function countUnlinkedMembers(db: Executor, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('m.organization_id', '=', orgId)
    .where('m.invite_status', '=', 0)
    .where('m.user_is_active', '=', true)
    .where('u.is_active', '=', true)
    .where('m.sso_linked', '=', false)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Every joined, active member with an address: whom disabling SSO tells. */
export function findJoinedMembers(db: Executor, orgId: string) {
  return db
    .selectFrom('members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.id', 'm.user_id', 'u.email'])
    .where('m.organization_id', '=', orgId)
    .where('m.invite_status', '=', 0)
    .where('m.user_is_active', '=', true)
    .where('u.is_active', '=', true)
    .orderBy('m.id')
    .execute();
}

/** With the provider gone no member is linked or invalid any more; returns how many rows changed. */
export async function clearMemberSsoFlags(db: Executor, orgId: string): Promise<number> {
  const result = await db
    .updateTable('members')
    .set({ sso_linked: false, sso_invalid: false })
    .where('organization_id', '=', orgId)
    .where((eb) => eb.or([eb('sso_linked', '=', true), eb('sso_invalid', '=', true)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
