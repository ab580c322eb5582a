import type { Harness } from '../helpers/harness.js';
import type { OrgRoleId, TeamRoleId } from '../../src/access/roles.js';
import { INVITE_MS, TEAMS, type Model, type ModelMember, type Person, type Team } from './model.js';

export interface Run {
  h: Harness;
  orgId: string;
  slug: string;
  model: Model;
  tokens: Map<string, string>;
  /** The newest invite token of each pending member id. */
  links: Map<string, string>;
  /** The organization's SCIM token (issue 16): SCIM is on for its SAML provider. */
  scimToken: string;
  /** Each team's id (the Groups' ids). */
  teamIds: Map<Team, string>;
  log: string[];
}

let runs = 0;

/**
 * A new organization for one fuzzed sequence: u0 (owner), u1 (manager), u2 (member, team admin of
 * red), u3 (the retired admin role), u6 (billing: no scope but org:billing, no teams), u4 and u5
 * (accounts without a membership), and a pending invite to f0 (who, like f1, has no account yet).
 * Some have 2FA, some an unverified address. Rate limits are off: the sequences invite the same few
 * addresses again and again. The organization has a SAML provider with SCIM on (issue 16); the run keeps its token.
 */
export async function startRun(h: Harness): Promise<Run> {
  const n = ++runs;
  const slug = `fuzz-${n}-${Math.random().toString(36).slice(2, 7)}`;
  const email = (key: string) => `${key}.${slug}@example.com`;
  const facts = [
    { key: 'u0', has2fa: true, verified: true },
    { key: 'u1', has2fa: true, verified: true },
    { key: 'u2', has2fa: false, verified: true },
    { key: 'u3', has2fa: false, verified: false },
    { key: 'u4', has2fa: true, verified: true },
    { key: 'u5', has2fa: false, verified: false },
    { key: 'u6', has2fa: true, verified: true },
  ];
  const start: Array<{ key: string; role: OrgRoleId; teams: Array<{ slug: Team; role: TeamRoleId | null }> }> = [
    { key: 'u0', role: 'owner', teams: [{ slug: 'red', role: null }] },
    { key: 'u1', role: 'manager', teams: [{ slug: 'blue', role: null }] },
    { key: 'u2', role: 'member', teams: [{ slug: 'red', role: 'admin' }] },
    { key: 'u3', role: 'admin', teams: [{ slug: 'blue', role: null }] },
    { key: 'u6', role: 'billing', teams: [] },
  ];
  const seeded = await h.seed({
    users: facts.map((fact) => ({ email: email(fact.key), name: fact.key, emailVerified: fact.verified, ...(fact.has2fa ? { totpSecret: 'JBSWY3DPEHPK3PXP' } : {}) })),
    organizations: [
      {
        slug,
        name: `Fuzz ${n}`,
        settings: { openMembership: false },
        // Unlinked members may sign in without SSO, so Require-SSO gates nothing the model knows of.
        authProvider: { provider: 'saml2', allowUnlinked: true },
        features: { 'invite-members-rate-limits': false },
        teams: TEAMS.map((team) => ({ slug: team })),
        members: [
          ...start.map((member) => ({ email: email(member.key), role: member.role, teams: member.teams })),
          { email: email('f0'), role: 'member' as const, pending: true, invitedBy: email('u0'), teams: [{ slug: 'green' }] },
        ],
      },
    ],
  });
  const org = seeded.organizations[slug]!;
  const persons: Person[] = [
    ...facts.map((fact) => ({ key: fact.key, email: email(fact.key), userId: seeded.users[email(fact.key)]!.id, has2fa: fact.has2fa, verified: fact.verified })),
    ...['f0', 'f1'].map((key) => ({ key, email: email(key), userId: null, has2fa: false, verified: true })),
  ];
  const members = new Map<string, ModelMember>();
  for (const member of start) {
    const id = org.members[email(member.key)]!;
    members.set(id, {
      id,
      userId: seeded.users[email(member.key)]!.id,
      email: null,
      role: member.role,
      teams: new Map(member.teams.map((team) => [team.slug, team.role])),
      inviterId: null,
      expiresAt: null,
      idp: false,
      roleRestricted: false,
      linked: false,
    });
  }
  const f0 = org.members[email('f0')]!;
  const now = h.clock.now().getTime();
  members.set(f0, { id: f0, userId: null, email: email('f0'), role: 'member', teams: new Map([['green', null]]), inviterId: persons[0]!.userId, expiresAt: now + INVITE_MS, idp: false, roleRestricted: false, linked: true });
  const owner = seeded.users[email('u0')]!.token;
  const enabled = await h.request<{ scim_api_token?: string }>(owner, 'PUT', `/api/0/organizations/${slug}/auth-provider/`, { scim_enabled: true });
  if (enabled.status !== 200 || !enabled.body.scim_api_token) throw new Error(`SCIM could not be enabled: ${enabled.status} ${JSON.stringify(enabled.body)}`);
  return {
    h,
    orgId: org.id,
    slug,
    model: {
      persons,
      members,
      settings: { require2FA: false, requireEmailVerification: false, openMembership: false, allowMemberInvite: true },
      now,
      idpTeams: new Set(),
      deprovisioned: new Set(),
    },
    tokens: new Map(facts.map((fact) => [seeded.users[email(fact.key)]!.id, seeded.users[email(fact.key)]!.token])),
    links: new Map([[f0, org.inviteLinks[email('f0')]!.split('/').at(-2)!]]),
    scimToken: enabled.body.scim_api_token,
    teamIds: new Map(TEAMS.map((team) => [team, org.teams[team]!])),
    log: [],
  };
}
