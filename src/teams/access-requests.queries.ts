import type { Executor, Tx } from '../platform/db/database.js';
import { preparedWrite } from '../platform/db/prepared.js';
import type { OrgRoleId } from '../access/roles.js';

/**
 * Get-or-create of an access request: the row is created only if the member has none for this team;
 * the return value says whether this call created it (so only the first request sends emails, also
 * when two arrive at once).
 */
export async function insertAccessRequest(
  tx: Tx,
  request: { orgId: string; teamId: string; memberId: string; requesterId: string | null },
): Promise<boolean> {
  const row = await tx
    .insertInto('team_access_requests')
    .values({
      organization_id: request.orgId,
      team_id: request.teamId,
      member_id: request.memberId,
      requester_id: request.requesterId,
    })
    .onConflict((conflict) => conflict.constraint('team_access_requests_team_member_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Removes a member's request for a team (it is answered once the member is on the team). */
// Write-behind (db/prepared.ts): every add to a team clears a request that is almost never there, so
// the delete rides with the transaction's next statement instead of costing a round trip.
const accessRequestDelete = preparedWrite((db, { orgId, teamId, memberId }: { orgId: string; teamId: string; memberId: string }) =>
  db.deleteFrom('team_access_requests').where('organization_id', '=', orgId).where('team_id', '=', teamId).where('member_id', '=', memberId),
);

export function deleteAccessRequest(tx: Tx, orgId: string, teamId: string, memberId: string): Promise<void> {
  return accessRequestDelete.run(tx, { orgId, teamId, memberId });
}

export async function deleteAccessRequestsOfTeam(tx: Tx, orgId: string, teamId: string): Promise<void> {
  await tx.deleteFrom('team_access_requests').where('organization_id', '=', orgId).where('team_id', '=', teamId).execute();
}

/** One access request of the organization for an active team, locked until the transaction ends. */
export function findAccessRequestForUpdate(db: Executor, orgId: string, requestId: string) {
  return db
    .selectFrom('team_access_requests as r')
    .innerJoin('teams as t', (join) => join.onRef('t.organization_id', '=', 'r.organization_id').onRef('t.id', '=', 'r.team_id'))
    .select(['r.id', 'r.team_id', 'r.member_id', 'r.requester_id', 't.slug as team_slug', 't.name as team_name'])
    .where('r.organization_id', '=', orgId)
    .where('r.id', '=', requestId)
    .where('t.status', '=', 0)
    .forUpdate('r')
    .executeTakeFirst();
}

export async function deleteAccessRequestById(tx: Tx, orgId: string, requestId: string): Promise<void> {
  await tx.deleteFrom('team_access_requests').where('organization_id', '=', orgId).where('id', '=', requestId).execute();
}

/**
 * Open access requests, oldest first, of members with an active user, for active teams (only the
 * given teams unless null), leaving out those already answered by the member being on the team.
 */
export function listAccessRequests(db: Executor, orgId: string, teamIds: readonly string[] | null) {
  let query = db
    .selectFrom('team_access_requests as r')
    .innerJoin('members as m', (join) => join.onRef('m.organization_id', '=', 'r.organization_id').onRef('m.id', '=', 'r.member_id'))
    .innerJoin('teams as t', (join) => join.onRef('t.organization_id', '=', 'r.organization_id').onRef('t.id', '=', 'r.team_id'))
    .select(['r.id', 'r.team_id', 'r.member_id', 'r.requester_id'])
    .where('r.organization_id', '=', orgId)
    .where('t.status', '=', 0)
    .where('m.user_id', 'is not', null)
    .where('m.user_is_active', '=', true)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('member_teams as mt')
            .select('mt.id')
            .whereRef('mt.organization_id', '=', 'r.organization_id')
            .whereRef('mt.team_id', '=', 'r.team_id')
            .whereRef('mt.member_id', '=', 'r.member_id'),
        ),
      ),
    );
  if (teamIds) {
    if (teamIds.length === 0) return Promise.resolve([]);
    query = query.where('r.team_id', 'in', teamIds);
  }
  return query.orderBy('r.id').execute();
}

/**
 * The people who might approve a request to join a team: active members with an active user whose
 * org role is one of `orgWideRoles`, or who are on the team (with their stored team role). The
 * caller applies the rule (`receivesTeamAccessRequests`).
 */
export function findAccessRequestApproverCandidates(db: Executor, orgId: string, teamId: string, orgWideRoles: readonly OrgRoleId[]) {
  return db
    .selectFrom('members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('member_teams as mt', (join) =>
      join
        .onRef('mt.organization_id', '=', 'm.organization_id')
        .onRef('mt.member_id', '=', 'm.id')
        .on('mt.team_id', '=', teamId)
        .on('mt.is_active', '=', true),
    )
    .select(['m.id', 'm.role', 'u.email', 'u.name', 'mt.id as team_membership_id', 'mt.role as team_role'])
    .where('m.organization_id', '=', orgId)
    .where('m.invite_status', '=', 0)
    .where('m.user_is_active', '=', true)
    .where('u.is_active', '=', true)
    .where((eb) => eb.or([eb('m.role', 'in', [...orgWideRoles]), eb('mt.id', 'is not', null)]))
    .orderBy('m.id')
    .execute();
}

/** Users who asked for someone else, with what the user object needs. */
export function findRequesterUsers(db: Executor, userIds: readonly string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users as u')
    .selectAll('u')
    .select((eb) =>
      eb
        .exists(eb.selectFrom('user_authenticators as a').select('a.id').whereRef('a.user_id', '=', 'u.id').where('a.confirmed', '=', true))
        .as('has2fa'),
    )
    .where('u.id', 'in', userIds)
    .execute();
}
