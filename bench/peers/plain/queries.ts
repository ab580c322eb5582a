/**
 * The hand-written peer's SQL: each request's work in the fewest statements we would write by hand,
 * against Roster's own tables (the bench's seeded schema). Parameters are positional. Statements whose
 * plan does not depend on their values are named, so `pg` prepares them once per connection; the page
 * is not: a generic plan for it can walk the wrong organization's rows (README, "Benchmarks"), so it
 * is planned with its values every time, as Roster plans its own.
 */
import type pg from 'pg';

export type Client = pg.Pool | pg.PoolClient;

export interface Requester {
  userId: string;
  label: string;
  scopes: string[];
}

/** Bearer token → active user, as Roster looks it up: by the SHA-256 of the token. */
export async function findRequester(db: Client, tokenHash: string): Promise<Requester | null> {
  const { rows } = await db.query<{ user_id: string; name: string; scopes: string[] }>({
    name: 'plain_requester',
    text: `select u.id as user_id, u.name, t.scopes
             from api_tokens t join users u on u.id = t.user_id
            where t.token_hash = $1 and u.is_active and (t.expires_at is null or t.expires_at > now())`,
    values: [tokenHash],
  });
  const row = rows[0];
  return row ? { userId: row.user_id, label: row.name, scopes: row.scopes } : null;
}

export interface RoleChangeTarget {
  orgId: string;
  requesterRole: string;
  targetRole: string;
  targetUserId: string | null;
  targetEmail: string | null;
}

/** The organization, the requester's role in it, and the target member, locked until commit. */
export async function lockRoleChangeTarget(tx: pg.PoolClient, slug: string, userId: string, memberId: string): Promise<RoleChangeTarget | null> {
  const { rows } = await tx.query<{ org_id: string; requester_role: string; target_role: string; user_id: string | null; email: string | null }>({
    name: 'plain_lock_target',
    text: `select o.id as org_id, r.role as requester_role, m.role as target_role, m.user_id, coalesce(u.email, m.email) as email
             from organizations o
             join members r on r.organization_id = o.id and r.user_id = $2 and r.invite_status = 0
             join members m on m.organization_id = o.id and m.id = $3 and m.invite_status = 0
             left join users u on u.id = m.user_id
            where o.slug = $1
              for update of m`,
    values: [slug, userId, memberId],
  });
  const row = rows[0];
  return row ? { orgId: row.org_id, requesterRole: row.requester_role, targetRole: row.target_role, targetUserId: row.user_id, targetEmail: row.email } : null;
}

export async function countOwners(tx: pg.PoolClient, orgId: string): Promise<number> {
  const { rows } = await tx.query<{ owners: number }>({
    name: 'plain_count_owners',
    text: `select count(*)::int as owners from members where organization_id = $1 and role = 'owner' and invite_status = 0`,
    values: [orgId],
  });
  return rows[0]!.owners;
}

/** One statement: the new role, the team roles it makes redundant cleared, and the MEMBER_EDIT (4) audit row. */
export async function changeRole(
  tx: pg.PoolClient,
  change: { orgId: string; memberId: string; role: string; redundantTeamRoles: string[]; actor: Requester; target: RoleChangeTarget },
): Promise<void> {
  await tx.query({
    name: 'plain_change_role',
    text: `with cleared as (
             update member_teams set role = null
              where organization_id = $1 and member_id = $2 and role = any($4::text[])
           ), changed as (
             update members set role = $3 where organization_id = $1 and id = $2
           )
           insert into audit_log_entries (organization_id, event, actor_id, actor_label, ip_address, target_object, target_user_id, data)
           values ($1, 4, $5, $6, $7, $2, $8, jsonb_build_object('email', $9::text, 'role', $3::text))`,
    values: [
      change.orgId, change.memberId, change.role, change.redundantTeamRoles, change.actor.userId, change.actor.label, '127.0.0.1',
      change.target.targetUserId, change.target.targetEmail,
    ],
  });
}

export interface ListAccess {
  orgId: string;
}

/** The organization, if the requester is one of its members. */
export async function findMembership(db: Client, slug: string, userId: string): Promise<ListAccess | null> {
  const { rows } = await db.query<{ org_id: string }>({
    name: 'plain_membership',
    text: `select o.id as org_id from organizations o
             join members r on r.organization_id = o.id and r.user_id = $2 and r.invite_status = 0 and r.user_is_active
            where o.slug = $1`,
    values: [slug, userId],
  });
  return rows[0] ? { orgId: rows[0].org_id } : null;
}

export interface MemberRow {
  id: string;
  email: string | null;
  role: string;
  date_added: string;
  user_id: string | null;
  user_name: string | null;
  user_email: string | null;
  teams: string[];
}

/**
 * A keyset page of approved members (one more than asked, to know whether another page follows) with
 * their users and the slugs of their active teams; timestamps stay text, as they go out.
 */
export async function listMembers(db: Client, page: { orgId: string; afterId: string; limit: number; pattern: string | null }): Promise<MemberRow[]> {
  const { rows } = await db.query<MemberRow>({
    text: `select m.id, m.email, m.role, m.date_added::text as date_added, u.id as user_id, u.name as user_name, u.email as user_email,
                  array(select t.slug from member_teams mt join teams t on t.organization_id = mt.organization_id and t.id = mt.team_id
                         where mt.organization_id = m.organization_id and mt.member_id = m.id and mt.is_active and t.status = 0
                         order by t.slug) as teams
             from members m left join users u on u.id = m.user_id
            where m.organization_id = $1 and m.id > $2 and m.invite_status = 0 and (m.user_id is null or m.user_is_active)
              ${page.pattern === null ? '' : 'and (m.email ilike $4 or u.email ilike $4 or u.name ilike $4)'}
            order by m.id limit $3`,
    values: page.pattern === null ? [page.orgId, page.afterId, page.limit + 1] : [page.orgId, page.afterId, page.limit + 1, page.pattern],
  });
  return rows;
}

export interface TeamAddition {
  orgId: string;
  requesterRole: string;
  memberId: string | null;
  memberUserId: string | null;
  memberEmail: string | null;
  teamId: string | null;
}

/** The organization, the requester's role, the member (approved) and the team (active) by slug, in one read. */
export async function findTeamAddition(db: Client, slug: string, userId: string, memberId: string, teamSlug: string): Promise<TeamAddition | null> {
  const { rows } = await db.query<{ org_id: string; requester_role: string; member_id: string | null; user_id: string | null; email: string | null; team_id: string | null }>({
    name: 'plain_team_addition',
    text: `select o.id as org_id, r.role as requester_role, m.id as member_id, m.user_id, coalesce(u.email, m.email) as email, t.id as team_id
             from organizations o
             join members r on r.organization_id = o.id and r.user_id = $2 and r.invite_status = 0
             left join members m on m.organization_id = o.id and m.id = $3 and m.invite_status = 0
             left join users u on u.id = m.user_id
             left join teams t on t.organization_id = o.id and t.slug = $4 and t.status = 0
            where o.slug = $1`,
    values: [slug, userId, memberId, teamSlug],
  });
  const row = rows[0];
  return row
    ? { orgId: row.org_id, requesterRole: row.requester_role, memberId: row.member_id, memberUserId: row.user_id, memberEmail: row.email, teamId: row.team_id }
    : null;
}

/**
 * One statement, so one transaction: the membership (nothing when it exists) and, only when it was
 * added, its MEMBER_JOIN_TEAM (6) audit row. True when it was added.
 */
export async function addToTeam(db: Client, addition: { orgId: string; memberId: string; teamId: string; teamSlug: string; actor: Requester; memberUserId: string | null; memberEmail: string | null }): Promise<boolean> {
  const { rowCount } = await db.query({
    name: 'plain_add_to_team',
    text: `with added as (
             insert into member_teams (organization_id, member_id, team_id) values ($1, $2, $3)
             on conflict (organization_id, team_id, member_id) do nothing returning id
           )
           insert into audit_log_entries (organization_id, event, actor_id, actor_label, ip_address, target_object, target_user_id, data)
           select $1, 6, $4, $5, $6, added.id, $7, jsonb_build_object('email', $8::text, 'team_slug', $9::text) from added`,
    values: [addition.orgId, addition.memberId, addition.teamId, addition.actor.userId, addition.actor.label, '127.0.0.1', addition.memberUserId, addition.memberEmail, addition.teamSlug],
  });
  return rowCount === 1;
}
