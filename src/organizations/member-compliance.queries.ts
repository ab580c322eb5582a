import { sql } from 'kysely';
import type { Executor } from '../platform/db/database.js';

/**
 * Every member of the organization that has a user, with what 2FA and email-verification enforcement
 * needs to know of that user, in one statement. The member rows stay locked until the transaction
 * ends, so that no concurrent change of an owner can slip between this read and the detaching writes.
 */
export function lockMembersWithUsers(db: Executor, orgId: string) {
  return db
    .selectFrom('members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.id', 'm.role', 'm.user_id', 'm.user_is_active', 'm.invite_status', 'u.email', 'u.email_verified'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('user_authenticators as ua')
            .select(sql`1`.as('one'))
            .whereRef('ua.user_id', '=', 'm.user_id')
            .where('ua.confirmed', '=', true),
        )
        .as('has_two_factor'),
    )
    .where('m.organization_id', '=', orgId)
    .where('m.user_id', 'is not', null)
    .orderBy('m.id')
    // NO KEY UPDATE conflicts with every update and delete of these rows (owner changes) but not with the
    // key-share locks that inserts referencing a member take (team joins), which could deadlock otherwise.
    .forNoKeyUpdate('m')
    .execute();
}

export type ComplianceMemberRow = Awaited<ReturnType<typeof lockMembersWithUsers>>[number];

/** A pending invite for this address in this organization, which a detached membership supersedes. */
export async function deletePendingInviteByEmail(db: Executor, orgId: string, email: string): Promise<void> {
  await db.deleteFrom('members').where('organization_id', '=', orgId).where('email', '=', email).where('user_id', 'is', null).execute();
}

/**
 * Turns a membership back into a pending invite for the user's address (Sentry's `remove_user`): the
 * user is detached, a new invite token is stored (hashed); role, teams and flags stay.
 */
export async function detachMemberUser(
  db: Executor,
  orgId: string,
  member: { id: string; userId: string; email: string; tokenHash: string; tokenExpiresAt: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('members')
    .set({ user_id: null, email: member.email, token_hash: member.tokenHash, token_expires_at: member.tokenExpiresAt })
    .where('organization_id', '=', orgId)
    .where('id', '=', member.id)
    .where('user_id', '=', member.userId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

