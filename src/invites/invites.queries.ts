import type { Executor } from '../platform/db/database.js';
import type { MemberRow, NewMember } from '../platform/db/schema.js';
import { violatedUniqueConstraint } from '../platform/db/constraint-errors.js';
import { underSavepoint } from '../platform/db/savepoint.js';
import { insertMember } from '../members/members.queries.js';

/**
 * The approved member of the organization that an address already stands for: a pending invite to it,
 * or a membership of an active user with that email. Invite and join requests do not count.
 */
export function findApprovedMemberByEmail(db: Executor, orgId: string, email: string) {
  return db
    .selectFrom('members as m')
    .select(['m.id', 'm.user_id'])
    .where('m.organization_id', '=', orgId)
    .where('m.invite_status', '=', 0)
    .where((eb) =>
      eb.or([
        eb('m.email', '=', email),
        eb('m.user_id', 'in', eb.selectFrom('users as u').select('u.id').where('u.email', '=', email).where('u.is_active', '=', true)),
      ]),
    )
    .orderBy('m.id')
    .executeTakeFirst();
}

/** The organization's active teams among these slugs. */
export function findActiveTeamsBySlugs(db: Executor, orgId: string, slugs: readonly string[]) {
  if (slugs.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('teams')
    .select(['id', 'slug'])
    .where('organization_id', '=', orgId)
    .where('status', '=', 0)
    .where('slug', 'in', slugs)
    .execute();
}

/** Deletes the invite requests and join requests for this address, which a real invite replaces. */
export async function deleteInviteRequests(db: Executor, orgId: string, email: string): Promise<void> {
  await db.deleteFrom('members').where('organization_id', '=', orgId).where('email', '=', email).where('invite_status', 'in', [1, 2]).execute();
}

/**
 * Inserts a pending invite, or returns null when the organization already has a row for the address
 * (a concurrent invite of the same address committed first: `members_organization_email_key`).
 */
export async function insertInvite(db: Executor, member: NewMember & { email: string }): Promise<MemberRow | null> {
  try {
    // Why a savepoint: the unique violation aborts the statement, and without the savepoint it would
    // abort the whole transaction too; this way the caller's transaction stays usable after a null.
    return await underSavepoint(db, () => insertMember(db, member));
  } catch (error) {
    if (violatedUniqueConstraint(error) === 'members_organization_email_key') return null;
    throw error;
  }
}

/** Puts a member on teams, with no team role of its own. */
export async function insertMemberTeams(db: Executor, orgId: string, memberId: string, teamIds: readonly string[]): Promise<void> {
  if (teamIds.length === 0) return;
  await db
    .insertInto('member_teams')
    .values(teamIds.map((teamId) => ({ organization_id: orgId, member_id: memberId, team_id: teamId, role: null })))
    .execute();
}
