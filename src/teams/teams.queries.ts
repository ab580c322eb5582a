import type { KeysetBounds } from '../platform/http/pagination.js';
import type { Executor, Tx } from '../platform/db/database.js';
import { prepared } from '../platform/db/prepared.js';
import { containsPattern, selectMemberViews } from '../members/members.queries.js';
import type { TeamSearch } from './team-search.js';

export const ACTIVE = 0;
export const PENDING_DELETION = 1;

const TEAM_COLUMNS = ['t.id', 't.slug', 't.name', 't.status', 't.idp_provisioned', 't.date_added'] as const;

/** `{team_id_or_slug}`: all digits is an id, anything else a slug (slugs are never all digits). */
const byIdOrSlug = (idOrSlug: string) => (/^\d{1,18}$/.test(idOrSlug) ? ('t.id' as const) : ('t.slug' as const));

function activeTeamQuery(column: 't.id' | 't.slug') {
  return prepared((db, { orgId, idOrSlug }: { orgId: string; idOrSlug: string }) =>
    db.selectFrom('teams as t').select(TEAM_COLUMNS).where('t.organization_id', '=', orgId).where(column, '=', idOrSlug).where('t.status', '=', ACTIVE),
  );
}
// Prepared (db/prepared.ts): every team route and each add to a team looks its team up first.
const activeTeamById = activeTeamQuery('t.id');
const activeTeamBySlug = activeTeamQuery('t.slug');

/** An active team of the organization, by id or slug. */
export function findActiveTeam(db: Executor, orgId: string, idOrSlug: string) {
  return (byIdOrSlug(idOrSlug) === 't.id' ? activeTeamById : activeTeamBySlug).first(db, { orgId, idOrSlug });
}

export type TeamRow = NonNullable<Awaited<ReturnType<typeof findActiveTeam>>>;

/** The active teams among these ids (unknown ids drop out). */
export function findActiveTeamsByIds(db: Executor, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('teams as t')
    .select(['t.id', 't.name'])
    .where('t.organization_id', '=', orgId)
    .where('t.id', 'in', ids)
    .where('t.status', '=', ACTIVE)
    .execute();
}

/**
 * Active teams with what the Team object needs, as one member sees them: the approved, active members
 * counted, the viewer's own membership and whether it has asked to join. `viewerMemberId` null: no membership.
 */
export function selectTeamViews(db: Executor, orgId: string, viewerMemberId: string | null) {
  return db
    .selectFrom('teams as t')
    .leftJoin('member_teams as mine', (join) =>
      join
        .onRef('mine.organization_id', '=', 't.organization_id')
        .onRef('mine.team_id', '=', 't.id')
        .on('mine.member_id', '=', viewerMemberId ?? '0')
        .on('mine.is_active', '=', true),
    )
    .select(TEAM_COLUMNS)
    .select(['mine.id as viewer_membership_id', 'mine.role as viewer_role'])
    .select((eb) => [
      eb
        .selectFrom('member_teams as mt')
        .innerJoin('members as m', (join) => join.onRef('m.organization_id', '=', 'mt.organization_id').onRef('m.id', '=', 'mt.member_id'))
        .whereRef('mt.organization_id', '=', 't.organization_id')
        .whereRef('mt.team_id', '=', 't.id')
        .where('m.invite_status', '=', 0)
        .where('m.user_is_active', '=', true)
        .select((count) => count.fn.countAll<string>().as('n'))
        .as('member_count'),
      eb
        .exists(
          eb
            .selectFrom('team_access_requests as r')
            .select('r.id')
            .whereRef('r.organization_id', '=', 't.organization_id')
            .whereRef('r.team_id', '=', 't.id')
            .where('r.member_id', '=', viewerMemberId ?? '0'),
        )
        .as('viewer_request_pending'),
    ])
    .where('t.organization_id', '=', orgId)
    .where('t.status', '=', ACTIVE);
}

export type TeamView = Awaited<ReturnType<ReturnType<typeof selectTeamViews>['executeTakeFirstOrThrow']>>;

/** One active team as the viewer sees it. */
export function findTeamView(db: Executor, orgId: string, teamId: string, viewerMemberId: string | null): Promise<TeamView | undefined> {
  return teamViewById.first(db, { orgId, teamId, viewerMemberId: viewerMemberId ?? '0' });
}

// Prepared: the answer of every write to a team's membership (add, remove) is this one team.
const teamViewById = prepared((db, { orgId, teamId, viewerMemberId }: { orgId: string; teamId: string; viewerMemberId: string }) =>
  selectTeamViews(db, orgId, viewerMemberId).where('t.id', '=', teamId),
);

/** Every active team (or only the viewer's), by slug: the organization details and user-teams lists. */
export function listAllTeamViews(db: Executor, orgId: string, viewerMemberId: string | null, { memberOnly }: { memberOnly: boolean }) {
  let query = selectTeamViews(db, orgId, viewerMemberId);
  if (memberOnly) query = query.where('mine.id', 'is not', null);
  return query.orderBy('t.slug').execute();
}

export interface ListTeamsOptions {
  /** Only these team ids (the `?team=` filter); null for every team. */
  teamIds: readonly string[] | null;
  search: TeamSearch;
  /** Keyset bounds; their id names a team, and the page continues from that team's slug. */
  bounds: KeysetBounds;
}

/**
 * A keyset page of active teams in slug order. The cursor names a team id; the page continues from
 * that team's slug (slugs are unique per organization), so deep pages cost what the first one does.
 */
export async function listTeamViews(db: Executor, orgId: string, viewerMemberId: string | null, options: ListTeamsOptions) {
  const { teamIds, search, bounds } = options;
  if (search.nothing || teamIds?.length === 0) return [];
  let query = selectTeamViews(db, orgId, viewerMemberId);
  if (teamIds) query = query.where('t.id', 'in', teamIds);
  if (search.ids) query = query.where('t.id', 'in', search.ids);
  if (search.slugs) query = query.where('t.slug', 'in', search.slugs);
  if (search.text) {
    const pattern = containsPattern(search.text);
    query = query.where((eb) => eb.or([eb('t.name', 'ilike', pattern), eb('t.slug', 'ilike', pattern)]));
  }
  const slugOf = (id: string) =>
    db.selectFrom('teams as k').select('k.slug').where('k.organization_id', '=', orgId).where('k.id', '=', id);
  if (bounds.id !== null) query = query.where('t.slug', bounds.comparison, slugOf(bounds.id));
  return query.orderBy('t.slug', bounds.order).limit(bounds.fetch).execute();
}

/** Inserts a team unless its slug is taken (then returns undefined: the caller picks another or answers 409). */
export function insertTeam(tx: Tx, team: { orgId: string; slug: string; name: string }) {
  return tx
    .insertInto('teams')
    .values({ organization_id: team.orgId, slug: team.slug, name: team.name })
    .onConflict((conflict) => conflict.constraint('teams_organization_slug_key').doNothing())
    .returning(['id', 'slug', 'name', 'status'])
    .executeTakeFirst();
}

export function updateTeam(tx: Tx, orgId: string, teamId: string, changes: { name?: string; slug?: string }) {
  return tx
    .updateTable('teams')
    .set(changes)
    .where('organization_id', '=', orgId)
    .where('id', '=', teamId)
    .returning(['id', 'slug', 'name', 'status'])
    .executeTakeFirstOrThrow();
}

export async function isTeamSlugTaken(db: Executor, orgId: string, slug: string, exceptTeamId: string): Promise<boolean> {
  const row = await db
    .selectFrom('teams')
    .select('id')
    .where('organization_id', '=', orgId)
    .where('slug', '=', slug)
    .where('id', '!=', exceptTeamId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Marks an active team pending deletion under a released slug; undefined when it was no longer active. */
export function markTeamPendingDeletion(tx: Tx, orgId: string, teamId: string, releasedSlug: string) {
  return tx
    .updateTable('teams')
    .set({ status: PENDING_DELETION, slug: releasedSlug })
    .where('organization_id', '=', orgId)
    .where('id', '=', teamId)
    .where('status', '=', ACTIVE)
    .returning(['id', 'slug', 'name', 'status'])
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

/** SCIM turned off (or SSO with it): the organization's teams are no longer managed by the identity provider. */
export async function clearTeamIdpFlags(tx: Tx, orgId: string): Promise<number> {
  const result = await tx
    .updateTable('teams')
    .set({ idp_provisioned: false })
    .where('organization_id', '=', orgId)
    .where('idp_provisioned', '=', true)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
