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
