import { sql } from 'kysely';
import type { Executor, Tx } from '../platform/db/database.js';

/**
 * Reads of team memberships as the identity provider sees them (SCIM Groups): the members a team
 * shows are those the team's member list shows (approved, pending invites included, inactive users
 * left out), so that a group's members in SCIM equal the team's members in the API.
 */

/** The team's visible members with the address SCIM displays (the user's, else the invite's), by member id. */
export function listTeamsScimMembers(db: Executor, orgId: string, teamIds: readonly string[]) {
  if (teamIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('member_teams as mt')
    .innerJoin('members as m', (join) => join.onRef('m.organization_id', '=', 'mt.organization_id').onRef('m.id', '=', 'mt.member_id'))
    .leftJoin('users as u', 'u.id', 'm.user_id')
    .select(['mt.team_id', 'm.id as member_id', sql<string>`coalesce(u.email, m.email, '')`.as('email')])
    .where('mt.organization_id', '=', orgId)
    .where('mt.team_id', '=', sql<string>`any(${teamIds}::bigint[])`)
    .where('m.invite_status', '=', 0)
    .where((eb) => eb.or([eb('m.user_id', 'is', null), eb('m.user_is_active', '=', true)]))
    .orderBy('mt.team_id')
    .orderBy('m.id')
    .execute();
}

/**
 * The organization's approved members among these ids, each row locked FOR SHARE: a concurrent
 * removal of one of them waits for the caller's transaction (whose memberships its cascade then
 * removes), or, when it came first, the member is simply not found.
 */
export function lockScimMembers(tx: Tx, orgId: string, memberIds: readonly string[]) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('members as m')
    .leftJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.id', 'm.user_id', sql<string>`coalesce(u.email, m.email, '')`.as('email')])
    .where('m.organization_id', '=', orgId)
    .where('m.id', '=', sql<string>`any(${memberIds}::bigint[])`)
    .where('m.invite_status', '=', 0)
    .forShare('m')
    .execute();
}

export type ScimMemberRow = Awaited<ReturnType<typeof lockScimMembers>>[number];
