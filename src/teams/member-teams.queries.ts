import type { KeysetBounds } from '../platform/http/pagination.js';
import type { Executor } from '../platform/db/database.js';
import type { TeamRoleId } from '../access/roles.js';
import { selectMemberViews } from '../members/members.queries.js';

const MEMBERSHIP_COLUMNS = ['id', 'role', 'is_active'] as const;

/** A member's membership of a team (any state of the team: callers resolve the team first). */
export function findMemberTeam(db: Executor, orgId: string, memberId: string, teamId: string) {
  return db
    .selectFrom('member_teams')
    .select(MEMBERSHIP_COLUMNS)
    .where('organization_id', '=', orgId)
    .where('member_id', '=', memberId)
    .where('team_id', '=', teamId)
    .executeTakeFirst();
}

/**
 * Puts a member on a team unless it already is: a join that loses a race to an identical one gets
 * undefined instead of a unique violation (decisions.md fix 11).
 */
export function insertMemberTeam(db: Executor, membership: { orgId: string; memberId: string; teamId: string; role: TeamRoleId | null }) {
  return db
    .insertInto('member_teams')
    .values({
      organization_id: membership.orgId,
      member_id: membership.memberId,
      team_id: membership.teamId,
      role: membership.role,
    })
    .onConflict((conflict) => conflict.constraint('member_teams_team_member_key').doNothing())
    .returning(MEMBERSHIP_COLUMNS)
    .executeTakeFirst();
}

export function updateMemberTeamRole(db: Executor, orgId: string, membershipId: string, role: TeamRoleId | null) {
  return db
    .updateTable('member_teams')
    .set({ role })
    .where('organization_id', '=', orgId)
    .where('id', '=', membershipId)
    .returning(MEMBERSHIP_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Takes a member off a team; returns the membership that was removed, if there was one. */
export function deleteMemberTeam(db: Executor, orgId: string, memberId: string, teamId: string) {
  return db
    .deleteFrom('member_teams')
    .where('organization_id', '=', orgId)
    .where('member_id', '=', memberId)
    .where('team_id', '=', teamId)
    .returning(MEMBERSHIP_COLUMNS)
    .executeTakeFirst();
}

/**
 * A keyset page of a team's members by member id: approved members, pending invites included, members
 * whose user is inactive left out (as Sentry's team member list), each with its raw team role.
 */
export function listTeamMemberViews(
  db: Executor,
  orgId: string,
  teamId: string,
  bounds: KeysetBounds,
) {
  let query = selectMemberViews(db, orgId)
    .innerJoin('member_teams as mt', (join) => join.onRef('mt.organization_id', '=', 'm.organization_id').onRef('mt.member_id', '=', 'm.id'))
    .select('mt.role as team_role')
    .where('mt.team_id', '=', teamId)
    .where('m.invite_status', '=', 0)
    .where((eb) => eb.or([eb('m.user_id', 'is', null), eb('m.user_is_active', '=', true)]));
  if (bounds.id !== null) query = query.where('m.id', bounds.comparison, bounds.id);
  return query.orderBy('m.id', bounds.order).limit(bounds.fetch).execute();
}
