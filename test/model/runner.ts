import { totpCode } from '../../src/identity/totp.js';
import { accountRequest } from '../helpers/session.js';
import { EVERY_SCOPE } from '../../src/identity/tokens.service.js';
import type { Harness, Response } from '../helpers/harness.js';
import * as rules from './model.js';
import { cloneModel, memberOfPerson, memberOfUser, type Model, type Person } from './model.js';
import { FITTING_CHOICES, type Operation } from './operations.js';
import { startRun, type Run } from './setup.js';
import { groupProblems, isScimOperation, learnScim, performScim, predictScim } from './scim-steps.js';
import { describeDb, describeModel, invariantProblems, snapshot } from './state.js';

/**
 * Runs a sequence of operations against the service and the model side by side. After every step:
 * the statuses agree, the state read back from the database agrees with the model, the invariants
 * hold, and a refused request changed nothing at all. Throws with the whole story on the first
 * disagreement (fast-check then reports the seed and the shrunk sequence).
 */

const MISSING_ID = '987654321098';

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

/** People with an account from the start (u0…u6); f0 and f1 get one when they accept. */
const FOUNDERS = 7;

/** The people who have a member (joined or pending) in the organization. */
const withMemberOf = (model: Model) => model.persons.flatMap((person, index) => (memberOfPerson(model, person) ? [index] : []));

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
  if (resolved.kind === 'scimGroup') {
    resolved.persons = [...new Set(resolved.persons.map((choice) => pick(choice, withMemberOf(model), choice % model.persons.length)))];
  }
  if ('requester' in resolved) resolved.requester = pick(resolved.requester, members, resolved.requester % FOUNDERS);
  if ('person' in resolved) {
    const all = resolved.person % model.persons.length;
    const pending = people.filter(({ person }) => !memberOfUser(model, person.userId) && memberOfPerson(model, person)).map(({ index }) => index);
    const outside = people.filter(({ person }) => !memberOfPerson(model, person)).map(({ index }) => index);
    const withMember = withMemberOf(model);
    const holders = people.filter(({ person }) => person.userId !== null).map(({ index }) => index);
    const fitting = { invite: outside, scimProvision: outside, accept: pending, reinvite: pending, enrol2fa: holders, remove2fa: holders }[resolved.kind as 'invite'] ?? withMember;
    resolved.person = pick(resolved.person, fitting, ['enrol2fa', 'remove2fa'].includes(resolved.kind) ? resolved.person % FOUNDERS : all);
  }
  return resolved;
}

/** Performs one operation on the service; returns the statuses it answered (two for a 2FA enrolment). */
async function perform(run: Run, before: Model, op: Operation): Promise<Response[]> {
  if (isScimOperation(op)) return performScim(run, before, op);
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
      const start = await accountRequest(h, tokenOf(person!), 'GET', '/api/0/users/me/authenticators/totp/enroll/');
      if (start.status !== 200) return [start];
      const otp = totpCode(start.body.secret, h.clock.now());
      return [start, await accountRequest(h, tokenOf(person!), 'POST', '/api/0/users/me/authenticators/totp/enroll/', { secret: start.body.secret, otp })];
    }
    case 'remove2fa': {
      const row = await h.database.db.selectFrom('user_authenticators').select('id').where('user_id', '=', person!.userId!).where('confirmed', '=', true).executeTakeFirst();
      return [await accountRequest(h, tokenOf(person!), 'DELETE', `/api/0/users/me/authenticators/${row?.id ?? MISSING_ID}/`)];
    }
  }
}

/** What the model says: the status, with the model changed as the request would change it. */
function predict(model: Model, op: Operation): rules.Outcome {
  if (isScimOperation(op)) return predictScim(model, op);
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
  if (isScimOperation(op)) return learnScim(next, outcome, responses[0]!);
  if (outcome.newInvite && responses[0]!.status === 201) {
    const id = (responses[0]!.body as { id: string }).id;
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
  const problems = [...invariantProblems(state, run.model), ...(await groupProblems(run))];
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

