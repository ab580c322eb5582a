import { sql } from 'kysely';
import type { Executor } from '../platform/db/database.js';
import { prepared } from '../platform/db/prepared.js';
import type { TeamRoleId } from './roles.js';

/** The organization's columns as requests read them (everything but the avatar image). */
export const ORGANIZATION_COLUMNS = [
  'o.id', 'o.slug', 'o.name', 'o.status', 'o.default_role', 'o.allow_joinleave', 'o.enhanced_privacy',
  'o.disable_shared_issues', 'o.early_adopter', 'o.require_2fa', 'o.require_email_verification',
  'o.disable_member_project_creation', 'o.prevent_superuser_access', 'o.disable_member_invite', 'o.features',
  'o.avatar_type', 'o.avatar_uuid', 'o.date_added', 'o.deletion_scheduled_at',
] as const;

const isOrgId = (idOrSlug: string) => /^\d{1,18}$/.test(idOrSlug);

/**
 * Locks the organization row until the transaction ends; writes that can take away an owner take it
 * first, so they run one after another. FOR NO KEY UPDATE, not FOR UPDATE: rows that merely reference
 * the organization (audit entries, members) take a KEY SHARE lock on it, and FOR UPDATE would make
 * every such insert wait for the lock holder, a deadlock as soon as that holder waits for them.
 */
export async function lockOrganizationRow(db: Executor, idOrSlug: string): Promise<void> {
  await db
    .selectFrom('organizations')
    .select('id')
    .where(isOrgId(idOrSlug) ? 'id' : 'slug', '=', idOrSlug)
    .forNoKeyUpdate()
    .execute();
}

/** The organization context query before its WHERE: the organization, the requester's membership and the rest. */
function selectOrgContext(db: Executor, userId: string) {
  return db
    .selectFrom('organizations as o')
    .leftJoin('members as m', (join) =>
      join
        .onRef('m.organization_id', '=', 'o.id')
        .on('m.user_id', '=', userId)
        .on('m.user_is_active', '=', true)
        .on('m.invite_status', '=', 0),
    )
    .leftJoin('auth_providers as ap', 'ap.organization_id', 'o.id')
    .select(ORGANIZATION_COLUMNS)
    .select(['m.id as member_id', 'm.role as member_role', 'ap.provider as auth_provider', 'ap.allow_unlinked as auth_allow_unlinked'])
    .select((eb) => [
      eb
        .selectFrom('member_teams as mt')
        .innerJoin('teams as t', (join) => join.onRef('t.organization_id', '=', 'mt.organization_id').onRef('t.id', '=', 'mt.team_id'))
        .whereRef('mt.organization_id', '=', 'o.id')
        .whereRef('mt.member_id', '=', 'm.id')
        .where('t.status', '=', 0)
        .where('mt.is_active', '=', true)
        .select(sql<Array<{ teamId: string; role: TeamRoleId | null }>>`coalesce(json_agg(json_build_object('teamId', mt.team_id::text, 'role', mt.role)), '[]'::json)`.as('x'))
        .as('memberships'),
      eb
        .selectFrom('organization_options as oo')
        .whereRef('oo.organization_id', '=', 'o.id')
        .select(sql<Record<string, unknown> | null>`json_object_agg(oo.key, oo.value)`.as('x'))
        .as('options'),
      // Asked only where the organization requires 2FA (CASE evaluates lazily).
      sql<boolean>`case when o.require_2fa then exists (
        select 1 from user_authenticators ua where ua.user_id = ${userId} and ua.confirmed
      ) else false end`.as('requester_has_2fa'),
    ]);
}

/** The organization context query, addressed by id (`byId`) or by slug. */
function orgContextQuery(byId: boolean) {
  return prepared((db, { idOrSlug, userId }: { idOrSlug: string; userId: string }) =>
    selectOrgContext(db, userId).where(byId ? 'o.id' : 'o.slug', '=', idOrSlug),
  );
}

/** The same, with the role of one approved member of the organization as last committed (not locked). */
function orgContextWithMemberRoleQuery(byId: boolean) {
  return prepared((db, { idOrSlug, userId, memberId }: { idOrSlug: string; userId: string; memberId: string }) =>
    selectOrgContext(db, userId)
      .select((eb) =>
        eb
          .selectFrom('members as am')
          .select('am.role')
          .whereRef('am.organization_id', '=', 'o.id')
          .where('am.id', '=', memberId)
          .where('am.invite_status', '=', 0)
          .as('peeked_member_role'),
      )
      .where(byId ? 'o.id' : 'o.slug', '=', idOrSlug),
  );
}

const orgContextById = orgContextQuery(true);
const orgContextBySlug = orgContextQuery(false);
const orgContextWithMemberRoleById = orgContextWithMemberRoleQuery(true);
const orgContextWithMemberRoleBySlug = orgContextWithMemberRoleQuery(false);

/**
 * Everything a request needs to know about an organization and the requester's place in it, in one
 * round trip: the organization, the requester's membership and team memberships, options, SSO provider,
 * and whether the requester has a second factor (where the organization requires one).
 * `idOrSlug` is an id when it is all digits (Sentry's rule).
 */
export function findOrgContextRow(db: Executor, idOrSlug: string, userId: string | null) {
  const query = isOrgId(idOrSlug) ? orgContextById : orgContextBySlug;
  return query.first(db, { idOrSlug, userId: userId ?? '0' });
}

export type OrgContextRow = NonNullable<Awaited<ReturnType<typeof findOrgContextRow>>>;

/**
 * The organization context row with `peeked_member_role`: the role of the approved member `memberId` (a
 * member id, not `me`) as last committed, null when there is none. Read without a lock, in the same round
 * trip, so that a write can choose its locks before it takes them; it must check the role again once
 * it holds the member.
 */
export function findOrgContextRowWithMemberRole(db: Executor, idOrSlug: string, userId: string | null, memberId: string) {
  const query = isOrgId(idOrSlug) ? orgContextWithMemberRoleById : orgContextWithMemberRoleBySlug;
  return query.first(db, { idOrSlug, userId: userId ?? '0', memberId });
}
