import { sql } from 'kysely';
import type { Executor, Tx } from '../platform/db/database.js';
import { prepared, preparedWrite } from '../platform/db/prepared.js';
import type { TeamRoleId } from '../access/roles.js';

// With updateMemberRole (members.queries.ts, which clears the team roles a new org role implies), the
// only writes of member_teams (issue 14): other folders put members on teams and take them off through
// these functions, a member's edit through team-assignments.ts.

const activeTeamsBySlug = prepared((db, { orgId, slugs }: { orgId: string; slugs: readonly string[] }) =>
  db
    .selectFrom('teams')
    .select(['id', 'slug', 'idp_provisioned'])
    .where('organization_id', '=', orgId)
    .where('slug', '=', sql<string>`any(${slugs}::text[])`)
    .where('status', '=', 0)
    .orderBy('slug'),
);

/** The organization's active teams with these slugs, by slug (the order member answers list teams in). */
export function findActiveTeamsBySlug(db: Executor, orgId: string, slugs: readonly string[]) {
  if (slugs.length === 0) return Promise.resolve([]);
  return activeTeamsBySlug.all(db, { orgId, slugs });
}

export interface MemberTeamRowView {
  id: string;
  team_id: string;
  slug: string;
  role: TeamRoleId | null;
  /** The membership counts (Sentry's `get_teams`): active row on an active team. */
  counts: boolean;
  /** The team is managed by the identity provider (SCIM). */
  idp_provisioned: boolean;
}

const memberTeamRows = prepared((db, { orgId, memberId }: { orgId: string; memberId: string }) =>
  db
    .selectFrom('member_teams as mt')
    .innerJoin('teams as t', (join) => join.onRef('t.organization_id', '=', 'mt.organization_id').onRef('t.id', '=', 'mt.team_id'))
    .select(['mt.id', 'mt.team_id', 't.slug', 'mt.role', 't.idp_provisioned'])
    .select(sql<boolean>`mt.is_active and t.status = 0`.as('counts'))
    .where('mt.organization_id', '=', orgId)
    .where('mt.member_id', '=', memberId)
    .orderBy('t.slug'),
);

/** Every team membership row of a member, whatever the state of its team. */
export function findMemberTeamRows(db: Executor, orgId: string, memberId: string): Promise<MemberTeamRowView[]> {
  return memberTeamRows.all(db, { orgId, memberId });
}

const memberTeamRowsDelete = prepared((db, { orgId, memberId, teamIds }: { orgId: string; memberId: string; teamIds: readonly string[] }) =>
  db
    .deleteFrom('member_teams')
    .where('organization_id', '=', orgId)
    .where('member_id', '=', memberId)
    .where('team_id', '=', sql<string>`any(${teamIds}::bigint[])`),
);

export async function deleteMemberTeamRows(tx: Tx, orgId: string, memberId: string, teamIds: readonly string[]): Promise<void> {
  if (teamIds.length === 0) return;
  await memberTeamRowsDelete.all(tx, { orgId, memberId, teamIds });
}

/**
 * Puts the member on these teams with these stored roles: new rows are inserted, existing ones keep
 * their id and take the new role. Returns each row's id by team.
 */
export function upsertMemberTeamRows(
  tx: Tx,
  orgId: string,
  memberId: string,
  teams: ReadonlyArray<{ teamId: string; role: TeamRoleId | null }>,
): Promise<Array<{ id: string; team_id: string }>> {
  if (teams.length === 0) return Promise.resolve([]);
  return tx
    .insertInto('member_teams')
    .values(teams.map((team) => ({ organization_id: orgId, member_id: memberId, team_id: team.teamId, role: team.role })))
    .onConflict((oc) =>
      oc.columns(['organization_id', 'team_id', 'member_id']).doUpdateSet((eb) => ({ role: eb.ref('excluded.role'), is_active: true })),
    )
    .returning(['id', 'team_id'])
    .execute();
}

const MEMBERSHIP_COLUMNS = ['id', 'role', 'is_active'] as const;

// Prepared (db/prepared.ts): adding a member to a team runs these on every request.
const memberTeamQuery = prepared((db, { orgId, memberId, teamId }: { orgId: string; memberId: string; teamId: string }) =>
  db
    .selectFrom('member_teams')
    .select(MEMBERSHIP_COLUMNS)
    .where('organization_id', '=', orgId)
    .where('member_id', '=', memberId)
    .where('team_id', '=', teamId),
);

/** A member's membership of a team (any state of the team: callers resolve the team first). */
export function findMemberTeam(db: Executor, orgId: string, memberId: string, teamId: string) {
  return memberTeamQuery.first(db, { orgId, memberId, teamId });
}

const memberTeamInsert = prepared((db, { orgId, memberId, teamId, role }: { orgId: string; memberId: string; teamId: string; role: TeamRoleId | null }) =>
  db
    .insertInto('member_teams')
    .values({ organization_id: orgId, member_id: memberId, team_id: teamId, role })
    .onConflict((conflict) => conflict.constraint('member_teams_team_member_key').doNothing())
    .returning(MEMBERSHIP_COLUMNS),
);

/**
 * Puts a member on a team unless it already is: a join that loses a race to an identical one gets
 * undefined instead of a unique violation (decisions.md fix 11).
 */
export function insertMemberTeam(tx: Tx, membership: { orgId: string; memberId: string; teamId: string; role: TeamRoleId | null }) {
  return memberTeamInsert.first(tx, membership);
}

/**
 * Puts a member that is on none of these teams yet (a new invite, a seeded member) on them, with these
 * stored roles. No conflict clause: being on one already is a bug the unique key reports.
 */
export async function insertMemberTeams(
  tx: Tx,
  orgId: string,
  memberId: string,
  teams: ReadonlyArray<{ teamId: string; role: TeamRoleId | null }>,
): Promise<void> {
  if (teams.length === 0) return;
  await memberTeamsInsert.run(tx, { orgId, memberId, teamIds: teams.map((team) => team.teamId), roles: teams.map((team) => team.role) });
}

// Write-behind (db/prepared.ts): an invite's teams go out with its next statement. One shape for any
// number of teams: the arrays are unnested.
const memberTeamsInsert = preparedWrite(
  (db, { orgId, memberId, teamIds, roles }: { orgId: string; memberId: string; teamIds: readonly string[]; roles: ReadonlyArray<TeamRoleId | null> }) =>
    db
      .insertInto('member_teams')
      .columns(['organization_id', 'member_id', 'team_id', 'role'])
      .expression(
        sql`select ${orgId}::bigint, ${memberId}::bigint, t.team_id, t.role from unnest(${teamIds}::bigint[], ${roles}::text[]) as t(team_id, role)`,
      ),
);

export function updateMemberTeamRole(tx: Tx, orgId: string, membershipId: string, role: TeamRoleId | null) {
  return tx
    .updateTable('member_teams')
    .set({ role })
    .where('organization_id', '=', orgId)
    .where('id', '=', membershipId)
    .returning(MEMBERSHIP_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Takes a member off a team; returns the membership that was removed, if there was one. */
export function deleteMemberTeam(tx: Tx, orgId: string, memberId: string, teamId: string) {
  return tx
    .deleteFrom('member_teams')
    .where('organization_id', '=', orgId)
    .where('member_id', '=', memberId)
    .where('team_id', '=', teamId)
    .returning(MEMBERSHIP_COLUMNS)
    .executeTakeFirst();
}
