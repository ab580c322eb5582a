import type { Executor, Tx } from '../platform/db/database.js';

/**
 * The members' SSO flags (`sso:linked`, `sso:invalid`) as the SSO configuration reads and clears
 * them. Joined members only: a pending invite has no account to link.
 */

/** Joined, active members of the organization whose account is active: the members SSO speaks to. */
function joinedActiveMembers(db: Executor, orgId: string) {
  return db
    .selectFrom('members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .where('m.organization_id', '=', orgId)
    .where('m.invite_status', '=', 0)
    .where('m.user_is_active', '=', true)
    .where('u.is_active', '=', true);
}

/** Joined, active members whose account is not linked to the organization's identity provider, with their address. */
export function findUnlinkedMembers(db: Executor, orgId: string) {
  return joinedActiveMembers(db, orgId).select(['m.id', 'm.user_id', 'u.email']).where('m.sso_linked', '=', false).orderBy('m.id').execute();
}

/** How many joined members still have to link their account (Sentry's `pending_links_count`). */
export async function countUnlinkedMembers(db: Executor, orgId: string): Promise<number> {
  const row = await joinedActiveMembers(db, orgId)
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('m.sso_linked', '=', false)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Every joined, active member with an address: whom disabling SSO tells. */
export function findJoinedMembers(db: Executor, orgId: string) {
  return joinedActiveMembers(db, orgId).select(['m.id', 'm.user_id', 'u.email']).orderBy('m.id').execute();
}

/** With the provider gone no member is linked or invalid any more; returns how many rows changed. */
export async function clearMemberSsoFlags(tx: Tx, orgId: string): Promise<number> {
  const result = await tx
    .updateTable('members')
    .set({ sso_linked: false, sso_invalid: false })
    .where('organization_id', '=', orgId)
    .where((eb) => eb.or([eb('sso_linked', '=', true), eb('sso_invalid', '=', true)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The user's member row in the organization (any status), with its SSO flags; undefined when there is none. */
export function findMembershipOfUser(db: Executor, orgId: string, userId: string) {
  return db
    .selectFrom('members')
    .select(['id', 'role', 'invite_status', 'sso_linked', 'sso_invalid'])
    .where('organization_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** The pending, approved invite for an address (no account attached yet), locked until the transaction ends. */
export function lockPendingInviteByEmail(db: Executor, orgId: string, email: string) {
  return db
    .selectFrom('members')
    .select(['id', 'role'])
    .where('organization_id', '=', orgId)
    .where('email', '=', email)
    .where('user_id', 'is', null)
    .where('invite_status', '=', 0)
    .forUpdate()
    .executeTakeFirst();
}

/** The member came through the provider: `sso:linked` on, `sso:invalid` off. */
export async function markMemberSsoLinked(tx: Tx, orgId: string, memberId: string): Promise<void> {
  await tx.updateTable('members').set({ sso_linked: true, sso_invalid: false }).where('organization_id', '=', orgId).where('id', '=', memberId).execute();
}

/** The user's identity moved to another account: their membership's link is no longer good (`sso:invalid`). */
export async function markMembershipSsoInvalid(tx: Tx, orgId: string, userId: string): Promise<void> {
  await tx.updateTable('members').set({ sso_invalid: true }).where('organization_id', '=', orgId).where('user_id', '=', userId).execute();
}

/** A member made just in time by an SSO sign-in: joined, linked, with the given role. */
export function insertSsoMember(tx: Tx, member: { orgId: string; userId: string; role: string }) {
  return tx
    .insertInto('members')
    .values({ organization_id: member.orgId, user_id: member.userId, role: member.role, sso_linked: true, invite_status: 0 })
    .returning(['id', 'role'])
    .executeTakeFirstOrThrow();
}

/** SCIM turned off (or SSO with it): no member stays provisioned or role-restricted by the identity provider. */
export async function clearMemberIdpFlags(tx: Tx, orgId: string): Promise<number> {
  const result = await tx
    .updateTable('members')
    .set({ idp_provisioned: false, idp_role_restricted: false })
    .where('organization_id', '=', orgId)
    .where((eb) => eb.or([eb('idp_provisioned', '=', true), eb('idp_role_restricted', '=', true)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
