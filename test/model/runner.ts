import { totpCode } from '../../src/accounts/totp.js';
import { EVERY_SCOPE } from '../../src/accounts/tokens.service.js';
import { minimumTeamRole } from '../../src/roles/access.js';
import { TOP_ORG_ROLE, teamRole, type OrgRoleId, type TeamRoleId } from '../../src/roles/roles.js';
import type { Harness, Response } from '../helpers/harness.js';
import { organizationRows } from '../matrix/world.js';
import * as rules from './model.js';
import { cloneModel, INVITE_MS, memberOfPerson, memberOfUser, TEAMS, type Model, type ModelMember, type Person, type Team } from './model.js';
import { FITTING_CHOICES, type Operation } from './operations.js';

/**
 * Runs a sequence of operations against the service and the model side by side. After every step:
 * the statuses agree, the state read back from the database agrees with the model, the invariants
 * hold, and a refused request changed nothing at all. Throws with the whole story on the first
 * disagreement (fast-check then reports the seed and the shrunk sequence).
 */

const MISSING_ID = '987654321098';

interface Run {
  h: Harness;
  orgId: string;
  slug: string;
  model: Model;
  tokens: Map<string, string>;
  /** The newest invite token of each pending member id. */
  links: Map<string, string>;
  log: string[];
}

let runs = 0;

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
  ];
  const start: Array<{ key: string; role: OrgRoleId; teams: Array<{ slug: Team; role: TeamRoleId | null }> }> = [
    { key: 'u0', role: 'owner', teams: [{ slug: 'red', role: null }] },
    { key: 'u1', role: 'manager', teams: [{ slug: 'blue', role: null }] },
    { key: 'u2', role: 'member', teams: [{ slug: 'red', role: 'admin' }] },
    { key: 'u3', role: 'admin', teams: [{ slug: 'blue', role: null }] },
  ];
  const seeded = await h.seed({
    users: facts.map((fact) => ({ email: email(fact.key), name: fact.key, emailVerified: fact.verified, ...(fact.has2fa ? { totpSecret: 'JBSWY3DPEHPK3PXP' } : {}) })),
    organizations: [
      {
        slug,
        name: `Fuzz ${n}`,
        settings: { openMembership: false },
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
    });
  }
  const f0 = org.members[email('f0')]!;
  const now = h.clock.now().getTime();
  members.set(f0, { id: f0, userId: null, email: email('f0'), role: 'member', teams: new Map([['green', null]]), inviterId: persons[0]!.userId, expiresAt: now + INVITE_MS });
  return {
    h,
    orgId: org.id,
    slug,
    model: { persons, members, settings: { require2FA: false, requireEmailVerification: false, openMembership: false, allowMemberInvite: true }, now },
    tokens: new Map(facts.map((fact) => [seeded.users[email(fact.key)]!.id, seeded.users[email(fact.key)]!.token])),
    links: new Map([[f0, org.inviteLinks[email('f0')]!.split('/').at(-2)!]]),
    log: [],
  };
}

interface DbState {
  members: Array<{ id: string; user_id: string | null; email: string | null; role: string; inviter_id: string | null; expires: number | null }>;
  teams: Array<{ member_id: string; slug: string; role: TeamRoleId | null }>;
  flags: { require_2fa: boolean; require_email_verification: boolean; allow_joinleave: boolean; disable_member_invite: boolean };
  twoFactor: string[];
}

type Row = Record<string, unknown>;
const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

/**
 * Everything a request could change (the organization's rows and its people's authenticators) as
 * one text to compare, and the state the model is checked against, read from that same text.
 */
async function snapshot(run: Run): Promise<{ raw: string; state: DbState }> {
  const userIds = run.model.persons.flatMap((person) => (person.userId ? [person.userId] : []));
  const [rows, authenticators] = await Promise.all([
    organizationRows(run.h, run.orgId),
    run.h.database.db.selectFrom('user_authenticators').selectAll().where('user_id', 'in', userIds).orderBy('id').execute(),
  ]);
  const parsed = JSON.parse(rows) as Record<string, Row[] | null>;
  const slugs = new Map((parsed.teams ?? []).map((team) => [text(team.id), String(team.slug)]));
  const org = parsed.organization![0]!;
  const state: DbState = {
    members: (parsed.members ?? []).map((m) => ({
      id: text(m.id)!,
      user_id: text(m.user_id),
      email: text(m.email),
      role: String(m.role),
      inviter_id: text(m.inviter_id),
      expires: m.token_expires_at ? Date.parse(String(m.token_expires_at)) : null,
    })),
    teams: (parsed.memberTeams ?? []).map((mt) => ({ member_id: text(mt.member_id)!, slug: slugs.get(text(mt.team_id))!, role: text(mt.role) as TeamRoleId | null })),
    flags: {
      require_2fa: org.require_2fa === true,
      require_email_verification: org.require_email_verification === true,
      allow_joinleave: org.allow_joinleave === true,
      disable_member_invite: org.disable_member_invite === true,
    },
    twoFactor: authenticators.filter((row) => row.confirmed).map((row) => row.user_id),
  };
  return { raw: `${rows}\n${JSON.stringify(authenticators)}`, state };
}

/** The model and the database, in one comparable shape. */
function describeModel(model: Model) {
  const members = [...model.members.values()]
    .sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)))
    .map((member) => ({
      id: member.id,
      user: member.userId,
      email: member.userId === null ? member.email : null,
      role: member.role,
      teams: Object.fromEntries([...member.teams].sort(([a], [b]) => a.localeCompare(b))),
      ...(member.userId === null ? { inviter: member.inviterId, expires: member.expiresAt } : {}),
    }));
  const twoFactor = model.persons.filter((person) => person.has2fa && person.userId).map((person) => person.userId!).sort();
  return { members, settings: model.settings, twoFactor };
}

function describeDb(state: DbState) {
  const members = state.members.map((member) => ({
    id: member.id,
    user: member.user_id,
    email: member.user_id === null ? member.email : null,
    role: member.role,
    teams: Object.fromEntries(
      state.teams
        .filter((row) => row.member_id === member.id)
        .map((row) => [row.slug, row.role] as const)
        .sort(([a], [b]) => a.localeCompare(b)),
    ),
    ...(member.user_id === null ? { inviter: member.inviter_id, expires: member.expires } : {}),
  }));
  const settings = {
    require2FA: state.flags.require_2fa,
    requireEmailVerification: state.flags.require_email_verification,
    openMembership: state.flags.allow_joinleave,
    allowMemberInvite: !state.flags.disable_member_invite,
  };
  return { members, settings, twoFactor: [...state.twoFactor].sort() };
}

/** Issue 5's invariants, on the database. */
function invariantProblems(state: DbState): string[] {
  const problems: string[] = [];
  if (!state.members.some((member) => member.role === TOP_ORG_ROLE && member.user_id !== null)) problems.push('no active owner');
  const users = state.members.flatMap((member) => (member.user_id ? [member.user_id] : []));
  if (new Set(users).size !== users.length) problems.push('a user with two memberships');
  const emails = state.members.flatMap((member) => (member.email && member.user_id === null ? [member.email] : []));
  if (new Set(emails).size !== emails.length) problems.push('an address with two invites');
  for (const row of state.teams) {
    const member = state.members.find((candidate) => candidate.id === row.member_id)!;
    if (row.role !== null && teamRole(row.role).priority <= minimumTeamRole(member.role).priority) {
      problems.push(`member ${member.id} (${member.role}) stores team role ${row.role} on ${row.slug}, at or below its minimum`);
    }
  }
  return problems;
}

function paramOf(model: Model, person: Person): string {
  return memberOfPerson(model, person)?.id ?? MISSING_ID;
}

async function newestLink(run: Run, memberId: string): Promise<string | null> {
  const rows = await run.h.database.db
    .selectFrom('email_outbox')
    .select('text_body')
    .where('organization_id', '=', run.orgId)
    .where('text_body', 'like', `%/accept/${memberId}/%`)
    .orderBy('id', 'desc')
    .limit(1)
    .execute();
  const match = rows[0] ? new RegExp(`/accept/${memberId}/([0-9a-f]{64})/`).exec(rows[0].text_body) : null;
  return match?.[1] ?? run.links.get(memberId) ?? null;
}

/** People with an account from the start (u0…u5); f0 and f1 get one when they accept. */
const FOUNDERS = 6;

/**
 * Turns an operation's choices into people (indexes into `model.persons`): the requester is mostly a
 * member (else anyone with an account); the person is mostly one the operation fits (a member or
 * invite to act on, an invite to accept, someone to invite), else anyone.
 */
export function resolveOperation(model: Model, op: Operation): Operation {
  const people = model.persons.map((person, index) => ({ person, index }));
  const pick = (choice: number, fitting: number[], fallback: number) =>
    choice < FITTING_CHOICES && fitting.length > 0 ? fitting[choice % fitting.length]! : fallback;
  const members = people.filter(({ person }) => memberOfUser(model, person.userId)).map(({ index }) => index);
  const resolved = { ...op };
  if ('requester' in resolved) resolved.requester = pick(resolved.requester, members, resolved.requester % FOUNDERS);
  if ('person' in resolved) {
    const all = resolved.person % model.persons.length;
    const pending = people.filter(({ person }) => !memberOfUser(model, person.userId) && memberOfPerson(model, person)).map(({ index }) => index);
    const outside = people.filter(({ person }) => !memberOfPerson(model, person)).map(({ index }) => index);
    const withMember = people.filter(({ person }) => memberOfPerson(model, person)).map(({ index }) => index);
    const holders = people.filter(({ person }) => person.userId !== null).map(({ index }) => index);
    const fitting = { invite: outside, accept: pending, reinvite: pending, enrol2fa: holders, remove2fa: holders }[resolved.kind as 'invite'] ?? withMember;
    resolved.person = pick(resolved.person, fitting, ['enrol2fa', 'remove2fa'].includes(resolved.kind) ? resolved.person % FOUNDERS : all);
  }
  return resolved;
}

/** Performs one operation on the service; returns the statuses it answered (two for a 2FA enrolment). */
async function perform(run: Run, before: Model, op: Operation): Promise<Response[]> {
  const { h, slug } = run;
  const persons = before.persons;
  const tokenOf = (person: Person) => (person.userId ? (run.tokens.get(person.userId) ?? null) : null);
  const asRequester = 'requester' in op ? tokenOf(persons[op.requester]!) : null;
  const org = `/api/0/organizations/${slug}`;
  const person = 'person' in op ? persons[op.person]! : null;
  const memberUrl = () => `${org}/members/${paramOf(before, person!)}/`;
  switch (op.kind) {
    case 'invite':
      return [await h.request(asRequester, 'POST', `${org}/members/`, { email: person!.email, orgRole: op.role, teams: op.teams })];
    case 'accept': {
      const invite = [...before.members.values()].find((member) => member.userId === null && member.email === person!.email);
      const token = invite ? await newestLink(run, invite.id) : null;
      const url = invite && token ? `/api/0/accept-invite/${slug}/${invite.id}/${token}/` : `/api/0/accept-invite/${slug}/${MISSING_ID}/${'0'.repeat(64)}/`;
      return [await h.request(tokenOf(person!), 'POST', url)];
    }
    case 'changeRole':
      return [await h.request(asRequester, 'PUT', memberUrl(), { orgRole: op.role })];
    case 'changeTeams':
      return [await h.request(asRequester, 'PUT', memberUrl(), { teamRoles: op.teams.map((item) => ({ teamSlug: item.team, role: item.role })) })];
    case 'teamRole':
      return [await h.request(asRequester, 'PUT', `${org}/members/${paramOf(before, person!)}/teams/${op.team}/`, { teamRole: op.role })];
    case 'addTeam':
      return [await h.request(asRequester, 'POST', `${org}/members/${paramOf(before, person!)}/teams/${op.team}/`)];
    case 'removeTeam':
      return [await h.request(asRequester, 'DELETE', `${org}/members/${paramOf(before, person!)}/teams/${op.team}/`)];
    case 'remove':
      return [await h.request(asRequester, 'DELETE', memberUrl())];
    case 'leave':
      return [await h.request(asRequester, 'DELETE', `${org}/members/me/`)];
    case 'settings':
      return [await h.request(asRequester, 'PUT', `${org}/`, op.body)];
    case 'reinvite':
      return [await h.request(asRequester, 'PUT', memberUrl(), { reinvite: true, ...(op.regenerate ? { regenerate: true } : {}) })];
    case 'wait':
      h.clock.advance(op.days * 24 * 60 * 60 * 1000);
      // Any request will do: the step is about what time does to the invites (checked on later steps).
      return [await h.request(tokenOf(persons[0]!), 'GET', '/api/0/users/me/')];
    case 'enrol2fa': {
      const start = await h.request(tokenOf(person!), 'GET', '/api/0/users/me/authenticators/totp/enroll/');
      if (start.status !== 200) return [start];
      const otp = totpCode(start.body.secret, h.clock.now());
      return [start, await h.request(tokenOf(person!), 'POST', '/api/0/users/me/authenticators/totp/enroll/', { secret: start.body.secret, otp })];
    }
    case 'remove2fa': {
      const row = await h.database.db.selectFrom('user_authenticators').select('id').where('user_id', '=', person!.userId!).where('confirmed', '=', true).executeTakeFirst();
      return [await h.request(tokenOf(person!), 'DELETE', `/api/0/users/me/authenticators/${row?.id ?? MISSING_ID}/`)];
    }
  }
}

/** What the model says: the status, with the model changed as the request would change it. */
function predict(model: Model, op: Operation): rules.Outcome {
  const p = model.persons;
  const requester = 'requester' in op ? p[op.requester]! : null;
  const person = 'person' in op ? p[op.person]! : null;
  switch (op.kind) {
    case 'invite':
      return rules.invite(model, requester!, person!, op.role, op.teams);
    case 'accept':
      return rules.accept(model, person!);
    case 'changeRole':
      return rules.changeRole(model, requester!, person!, op.role);
    case 'changeTeams':
      return rules.changeTeams(model, requester!, person!, op.teams);
    case 'teamRole':
      return rules.setTeamRole(model, requester!, person!, op.team, op.role);
    case 'addTeam':
      return rules.addToTeam(model, requester!, person!, op.team);
    case 'removeTeam':
      return rules.removeFromTeam(model, requester!, person!, op.team);
    case 'remove':
      return rules.remove(model, requester!, person!);
    case 'leave':
      return rules.remove(model, requester!, null);
    case 'settings':
      return rules.changeSettings(model, requester!, op.body);
    case 'reinvite':
      return rules.reinvite(model, requester!, person!, op.regenerate);
    case 'wait':
      model.now += op.days * 24 * 60 * 60 * 1000;
      return { status: 200 };
    case 'enrol2fa':
      return rules.enrolTwoFactor(person!);
    case 'remove2fa':
      return rules.removeTwoFactor(model, person!);
  }
}

/** The model learns what only the service can tell it: new ids and accounts. */
async function learn(run: Run, next: Model, op: Operation, outcome: rules.Outcome, responses: Response[]) {
  if (outcome.newInvite && responses[0]!.status === 201) {
    const id: string = responses[0]!.body.id;
    next.members.set(id, { id, ...outcome.newInvite });
  }
  const person = op.kind === 'accept' ? next.persons[op.person]! : null;
  if (person && person.userId === null && responses[0]!.status === 204) {
    // Accepted without an account: the service made one for the address (decisions.md item 9).
    const invite = [...next.members.values()].find((member) => member.userId === null && member.email === person.email)!;
    const user = await run.h.database.db.selectFrom('users').select('id').where('email', '=', person.email).executeTakeFirstOrThrow();
    person.userId = user.id;
    run.tokens.set(user.id, (await run.h.services.tokens.create(user.id, EVERY_SCOPE)).token);
    invite.userId = user.id;
    invite.email = null;
  }
}

const render = (value: unknown) => JSON.stringify(value);

/** How often each operation got each status, over every run: what the fuzzing actually exercised. */
export const coverage = new Map<string, number>();

/** One step: predict, perform, compare. Throws on any disagreement. */
export async function step(run: Run, choices: Operation, before: string): Promise<string> {
  const op = resolveOperation(run.model, choices);
  const next = cloneModel(run.model);
  const outcome = predict(next, op);
  const responses = await perform(run, run.model, op);
  const answered = responses.at(-1)!;
  run.log.push(`${render(op)} → model ${outcome.status}, service ${responses.map((r) => r.status).join('/')}`);
  const fail = (what: string) => {
    throw new Error(`${what}\nafter ${run.log.length} steps:\n  ${run.log.join('\n  ')}\nlast answer: ${render(answered.body)}`);
  };
  if (responses.some((response) => response.status >= 500)) fail('the service answered with a 5xx');
  const key = `${op.kind} ${answered.status}`;
  coverage.set(key, (coverage.get(key) ?? 0) + 1);
  if (answered.status !== outcome.status) fail(`the model expected ${outcome.status}, the service answered ${answered.status}`);
  if (answered.status < 400) {
    await learn(run, next, op, outcome, responses);
    run.model = next;
  }
  const { raw: after, state } = await snapshot(run);
  if (answered.status >= 400 && after !== before) fail(`refused with ${answered.status}, yet something changed`);
  const problems = invariantProblems(state);
  if (problems.length > 0) fail(`invariants broken: ${problems.join('; ')}`);
  const expected = describeModel(run.model);
  const actual = describeDb(state);
  if (render(expected) !== render(actual)) fail(`state differs\nmodel:    ${render(expected)}\ndatabase: ${render(actual)}`);
  return after;
}

export async function runSequence(h: Harness, ops: readonly Operation[]): Promise<void> {
  const run = await startRun(h);
  let before = (await snapshot(run)).raw;
  for (const op of ops) before = await step(run, op, before);
}

export { memberOfUser };
