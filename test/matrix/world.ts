import { newTotpSecret } from '../../src/accounts/totp.js';
import { ORG_ROLE_IDS, type OrgRoleId, type TeamRoleId } from '../../src/roles/roles.js';
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

async function insertAccessRequest(h: Harness, orgId: string, teamId: string, memberId: string): Promise<string> {
  const row = await h.database.db
    .insertInto('team_access_requests')
    .values({ organization_id: orgId, team_id: teamId, member_id: memberId, requester_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function buildHome(h: Harness): Promise<HomeOrg> {
  const slug = `home-${unique()}`;
  const email = (key: string) => `${key}.${slug}@example.com`;
  const people: Array<{ key: string; role: OrgRoleId }> = [];
  for (const role of ORG_ROLE_IDS) people.push({ key: `${role}1`, role }, { key: `${role}2`, role });
  people.push({ key: 'joiner', role: 'member' });
  const seeded = await h.seed({
    users: people.map(({ key }) => ({ email: email(key), name: key, totpSecret: newTotpSecret() })),
    organizations: [
      {
        slug,
        name: `Home ${slug}`,
        settings: { openMembership: false },
        teams: TEAM_SLUGS.map((team) => ({ slug: team })),
        members: [
          ...people.map(({ key, role }) => ({
            email: email(key),
            role,
            teams: Object.entries(teamsOf(key, role)).map(([team, teamRole]) => ({ slug: team, role: teamRole })),
          })),
          { email: email('invitee'), role: 'member' as const, pending: true, invitedBy: email('owner1'), teams: [{ slug: 'alpha' }] },
        ],
      },
    ],
  });
  const org = seeded.organizations[slug]!;
  const members: Record<string, WorldMember> = {};
  for (const { key, role } of people) {
    const user = seeded.users[email(key)]!;
    members[key] = {
      key,
      id: org.members[email(key)]!,
      role,
      userId: user.id,
      email: email(key),
      token: user.token,
      teams: teamsOf(key, role),
      inviterKey: null,
      authenticatorId: await authenticatorOf(h, user.id),
    };
  }
  members.invitee = {
    key: 'invitee',
    id: org.members[email('invitee')]!,
    role: 'member',
    userId: null,
    email: email('invitee'),
    token: null,
    teams: { alpha: null },
    inviterKey: 'owner1',
    authenticatorId: null,
  };
  const link = org.inviteLinks[email('invitee')]!;
  const accessRequestId = await insertAccessRequest(h, org.id, org.teams.alpha!, members.joiner!.id);
  return {
    id: org.id,
    slug,
    teams: org.teams as Record<TeamSlug, string>,
    members,
    inviteToken: link.split('/').at(-2)!,
    accessRequestId,
  };
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
    accessRequestId: await insertAccessRequest(h, org.id, org.teams.fteam!, org.members[email('fjoiner')]!),
    outsider: { userId: seeded.users[email('outsider')]!.id, email: email('outsider'), token: seeded.users[email('outsider')]!.token },
  };
}

export async function buildSuperuser(h: Harness): Promise<Superuser> {
  const address = `root-${unique()}@example.com`;
  const seeded = await h.seed({ users: [{ email: address, name: 'root', superuser: true }] });
  return { userId: seeded.users[address]!.id, email: address, token: seeded.users[address]!.token };
}

/**
 * Every row that belongs to an organization, in a stable order: what "another organization's data
 * is unchanged" compares, byte for byte (as JSON text).
 */
export async function organizationRows(h: Harness, orgId: string): Promise<string> {
  const db = h.database.db;
  const [organization, options, members, memberTeams, teams, requests, audit, outbox, provider] = await Promise.all([
    db.selectFrom('organizations').selectAll().where('id', '=', orgId).execute(),
    db.selectFrom('organization_options').selectAll().where('organization_id', '=', orgId).orderBy('key').execute(),
    db.selectFrom('members').selectAll().where('organization_id', '=', orgId).orderBy('id').execute(),
    db.selectFrom('member_teams').selectAll().where('organization_id', '=', orgId).orderBy('id').execute(),
    db.selectFrom('teams').selectAll().where('organization_id', '=', orgId).orderBy('id').execute(),
    db.selectFrom('team_access_requests').selectAll().where('organization_id', '=', orgId).orderBy('id').execute(),
    db.selectFrom('audit_log_entries').selectAll().where('organization_id', '=', orgId).orderBy('id').execute(),
    db.selectFrom('email_outbox').selectAll().where('organization_id', '=', orgId).orderBy('id').execute(),
    db.selectFrom('auth_providers').selectAll().where('organization_id', '=', orgId).execute(),
  ]);
  return JSON.stringify({ organization, options, members, memberTeams, teams, requests, audit, outbox, provider });
}
