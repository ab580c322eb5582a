import { sql } from 'kysely';
import type { Executor } from '../platform/db/database.js';
import { prepared } from '../platform/db/prepared.js';
import type { TeamRoleId } from '../access/roles.js';

const activeTeamsBySlug = prepared((db, { orgId, slugs }: { orgId: string; slugs: readonly string[] }) =>
  db
    .selectFrom('teams')
    .select(['id', 'slug'])
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
}

const memberTeamRows = prepared((db, { orgId, memberId }: { orgId: string; memberId: string }) =>
  db
    .selectFrom('member_teams as mt')
    .innerJoin('teams as t', (join) => join.onRef('t.organization_id', '=', 'mt.organization_id').onRef('t.id', '=', 'mt.team_id'))
    .select(['mt.id', 'mt.team_id', 't.slug', 'mt.role'])
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

export async function deleteMemberTeamRows(db: Executor, orgId: string, memberId: string, teamIds: readonly string[]): Promise<void> {
  if (teamIds.length === 0) return;
  await memberTeamRowsDelete.all(db, { orgId, memberId, teamIds });
}

/**
 * Puts the member on these teams with these stored roles: new rows are inserted, existing ones keep
 * their id and take the new role. Returns each row's id by team.
 */
export function upsertMemberTeamRows(
  db: Executor,
  orgId: string,
  memberId: string,
  teams: ReadonlyArray<{ teamId: string; role: TeamRoleId | null }>,
): Promise<Array<{ id: string; team_id: string }>> {
  if (teams.length === 0) return Promise.resolve([]);
  return db
    .insertInto('member_teams')
    .values(teams.map((team) => ({ organization_id: orgId, member_id: memberId, team_id: team.teamId, role: team.role })))
    .onConflict((oc) =>
      oc.columns(['organization_id', 'team_id', 'member_id']).doUpdateSet((eb) => ({ role: eb.ref('excluded.role'), is_active: true })),
    )
    .returning(['id', 'team_id'])
    .execute();
}
