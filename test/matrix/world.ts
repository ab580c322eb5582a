import { sql } from 'kysely';
import { newTotpSecret } from '../../src/identity/totp.js';
import type { Executor } from '../../src/platform/db/database.js';
import { hashSecret, newSecret } from '../../src/platform/lib/secrets.js';
import { issueInviteToken } from '../../src/members/invite-token.js';
import { ALL_SCOPES, ORG_ROLE_IDS, type OrgRoleId, type TeamRoleId } from '../../src/access/roles.js';
import type { Harness } from '../helpers/harness.js';

/**
 * The organizations an authorization matrix runs against.
 *
 * `home` (rebuilt after every cell that changed it): for each org role R a requester `R1` and a
 * target `R2`; a pending invite; a member `joiner` on no team with an open access request for
 * `alpha`. Teams: `alpha` (everyone but billing; `member1` is its team admin), `beta` (the
 * requesters only), `gamma` (nobody). Open membership is off, so team access comes from membership
 * or a global role. Every user with an account has a confirmed TOTP authenticator with its own secret.
 *
 * `foreign` (built once, and must never change): another organization with an owner (the
 * `outsider` requester), a member, a pending invite, a team and an access request.
 */

export const TEAM_SLUGS = ['alpha', 'beta', 'gamma'] as const;
export type TeamSlug = (typeof TEAM_SLUGS)[number];

export interface WorldMember {
  key: string;
  id: string;
  role: OrgRoleId;
  userId: string | null;
  email: string;
  token: string | null;
  /** Stored team roles by team slug. */
  teams: Partial<Record<TeamSlug, TeamRoleId | null>>;
  inviterKey: string | null;
  authenticatorId: string | null;
}

export interface HomeOrg {
  id: string;
  slug: string;
  /** Open membership gives every member access to every team (§3.7); off unless asked for. */
  openMembership: boolean;
  teams: Record<TeamSlug, string>;
  members: Record<string, WorldMember>;
  /** The invite link of the pending member (`/accept/{id}/{token}/`). */
  inviteToken: string;
  accessRequestId: string;
}

export interface ForeignOrg {
  id: string;
  slug: string;
  teamId: string;
  teamSlug: string;
  memberId: string;
  memberUserId: string;
  memberEmail: string;
  memberAuthenticatorId: string;
  memberTokenId: string;
  inviteId: string;
  inviteToken: string;
  accessRequestId: string;
  outsider: { userId: string; email: string; token: string };
}

export interface Superuser {
  userId: string;
  email: string;
  token: string;
}

let counter = 0;
const unique = () => `${++counter}-${Math.random().toString(36).slice(2, 7)}`;

/** `R1` is on alpha and beta (member1 as alpha's team admin), `R2` on alpha; billing members on no team. */
function teamsOf(key: string, role: OrgRoleId): WorldMember['teams'] {
  if (role === 'billing') return {};
  if (key === 'member1') return { alpha: 'admin', beta: null };
  if (key.endsWith('1')) return { alpha: null, beta: null };
  return { alpha: null };
}

async function authenticatorOf(h: Harness, userId: string): Promise<string> {
  const row = await h.database.db.selectFrom('user_authenticators').select('id').where('user_id', '=', userId).executeTakeFirstOrThrow();
  return row.id;
}

async function insertAccessRequest(db: Executor, orgId: string, teamId: string, memberId: string): Promise<string> {
  const row = await db
    .insertInto('team_access_requests')
    .values({ organization_id: orgId, team_id: teamId, member_id: memberId, requester_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Builds the home organization (and, with it, a fresh superuser: invite rate limits count per user,
 * so the matrix's superuser must not carry its invites from world to world). Direct multi-row inserts
 * in one transaction, not `roster seed` (which makes each token in a statement of its own): the
 * matrix builds a new home after every write that succeeded, hundreds of times.
 */
export async function buildHome(h: Harness, { openMembership = false } = {}): Promise<{ home: HomeOrg; superuser: Superuser }> {
  const slug = `home-${unique()}`;
  const email = (key: string) => `${key}.${slug}@example.com`;
  const people: Array<{ key: string; role: OrgRoleId }> = [];
  for (const role of ORG_ROLE_IDS) people.push({ key: `${role}1`, role }, { key: `${role}2`, role });
  people.push({ key: 'joiner', role: 'member' });
  const now = h.clock.now();
  const invite = issueInviteToken(now);
  const tokens = [...people.map(() => newSecret()), newSecret()];
  return h.database.db.transaction().execute(async (tx) => {
    const org = await tx
      .insertInto('organizations')
      .values({ slug, name: `Home ${slug}`, allow_joinleave: openMembership })
      .returning('id')
      .executeTakeFirstOrThrow();
    const teamRows = await tx
      .insertInto('teams')
      .values(TEAM_SLUGS.map((team) => ({ organization_id: org.id, slug: team, name: team })))
      .returning(['id', 'slug'])
      .execute();
    const teams = Object.fromEntries(teamRows.map((row) => [row.slug, row.id])) as Record<TeamSlug, string>;
    const users = await tx
      .insertInto('users')
      .values([
        ...people.map(({ key }) => ({ email: email(key), name: key, email_verified: true })),
        { email: email('root'), name: 'root', email_verified: true, is_superuser: true },
      ])
      .returning(['id', 'email'])
      .execute();
    await tx
      .insertInto('api_tokens')
      .values(users.map((user, index) => ({ user_id: user.id, token_hash: hashSecret(tokens[index]!), token_last_characters: tokens[index]!.slice(-4), scopes: [...ALL_SCOPES] })))
      .execute();
    const authenticators = await tx
      .insertInto('user_authenticators')
      .values(users.slice(0, people.length).map((user) => ({ user_id: user.id, type: 'totp' as const, secret: newTotpSecret(), confirmed: true })))
      .returning(['id', 'user_id'])
      .execute();
    const memberRows = await tx
      .insertInto('members')
      .values([
        ...people.map(({ role }, index) => ({ organization_id: org.id, user_id: users[index]!.id, role })),
        { organization_id: org.id, email: email('invitee'), role: 'member', inviter_id: users[0]!.id, token_hash: invite.hash, token_expires_at: invite.expiresAt },
      ])
      .returning('id')
      .execute();
    const members: Record<string, WorldMember> = {};
    people.forEach(({ key, role }, index) => {
      members[key] = {
        key,
        id: memberRows[index]!.id,
        role,
        userId: users[index]!.id,
        email: email(key),
        token: tokens[index]!,
        teams: teamsOf(key, role),
        inviterKey: null,
        authenticatorId: authenticators.find((row) => row.user_id === users[index]!.id)!.id,
      };
    });
    const inviteeId = memberRows[people.length]!.id;
    members.invitee = { key: 'invitee', id: inviteeId, role: 'member', userId: null, email: email('invitee'), token: null, teams: { alpha: null }, inviterKey: 'owner1', authenticatorId: null };
    await tx
      .insertInto('member_teams')
      .values(
        Object.values(members).flatMap((member) =>
          Object.entries(member.teams).map(([team, role]) => ({ organization_id: org.id, member_id: member.id, team_id: teams[team as TeamSlug], role: role ?? null })),
        ),
      )
      .execute();
    const accessRequestId = await insertAccessRequest(tx, org.id, teams.alpha, members.joiner!.id);
    const root = users[people.length]!;
    return {
      home: { id: org.id, slug, openMembership, teams, members, inviteToken: invite.token, accessRequestId },
      superuser: { userId: root.id, email: root.email, token: tokens[people.length]! },
    };
  });
}

export async function buildForeign(h: Harness): Promise<ForeignOrg> {
  const slug = `foreign-${unique()}`;
  const email = (key: string) => `${key}.${slug}@example.com`;
  const seeded = await h.seed({
    users: ['outsider', 'fmember'].map((key) => ({ email: email(key), name: key, totpSecret: newTotpSecret() })),
    organizations: [
      {
        slug,
        name: `Foreign ${slug}`,
        settings: { openMembership: false },
        teams: [{ slug: 'fteam' }],
        members: [
          { email: email('outsider'), role: 'owner', teams: [{ slug: 'fteam' }] },
          { email: email('fmember'), role: 'member', teams: [{ slug: 'fteam' }] },
          { email: email('fjoiner'), role: 'member' },
          { email: email('finvitee'), role: 'member', pending: true, invitedBy: email('outsider') },
        ],
      },
    ],
    tokens: [{ user: email('fmember'), scopes: ['org:read'] }],
  });
  const org = seeded.organizations[slug]!;
  const memberUserId = seeded.users[email('fmember')]!.id;
  const token = await h.database.db.selectFrom('api_tokens').select('id').where('user_id', '=', memberUserId).orderBy('id').executeTakeFirstOrThrow();
  return {
    id: org.id,
    slug,
    teamId: org.teams.fteam!,
    teamSlug: 'fteam',
    memberId: org.members[email('fmember')]!,
    memberUserId,
    memberEmail: email('fmember'),
    memberAuthenticatorId: await authenticatorOf(h, memberUserId),
    memberTokenId: token.id,
    inviteId: org.members[email('finvitee')]!,
    inviteToken: org.inviteLinks[email('finvitee')]!.split('/').at(-2)!,
    accessRequestId: await insertAccessRequest(h.database.db, org.id, org.teams.fteam!, org.members[email('fjoiner')]!),
    outsider: { userId: seeded.users[email('outsider')]!.id, email: email('outsider'), token: seeded.users[email('outsider')]!.token },
  };
}

/**
 * Every row that belongs to an organization, as PostgreSQL renders it (`json_agg` of whole rows, in
 * key order): what "another organization's data is unchanged" compares, byte for byte. One statement,
 * so that the matrix can afford it around every write.
 */
export async function organizationRows(h: Harness, orgId: string): Promise<string> {
  const tables: Array<[string, string, string]> = [
    ['organization', 'organizations', 'id'],
    ['options', 'organization_options', 'key'],
    ['provider', 'auth_providers', 'organization_id'],
    ['identities', 'auth_identities', 'id'],
    ['members', 'members', 'id'],
    ['memberTeams', 'member_teams', 'id'],
    ['teams', 'teams', 'id'],
    ['requests', 'team_access_requests', 'id'],
    ['audit', 'audit_log_entries', 'id'],
    ['outbox', 'email_outbox', 'id'],
  ];
  const parts = tables.map(
    ([label, table, order]) =>
      sql`${sql.lit(label)}, (select json_agg(t order by t.${sql.ref(order)}) from ${sql.table(table)} t where t.${sql.ref(table === 'organizations' ? 'id' : 'organization_id')} = ${orgId})`,
  );
  const { rows } = await sql<{ rows: string }>`select json_build_object(${sql.join(parts)})::text as rows`.execute(h.database.db);
  return rows[0]!.rows;
}
