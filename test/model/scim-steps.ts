import assert from 'node:assert/strict';
import type { Response } from '../helpers/harness.js';
import { memberOfPerson, TEAMS, type Model, type ModelMember, type Outcome } from './model.js';
import type { Operation } from './operations.js';
import { scimDeprovision, scimGroupPatch, scimProvision, scimRoleSync } from './scim-rules.js';
import type { Run } from './setup.js';

/**
 * The SCIM half of a fuzzed step (issue 16): what the model predicts, the request the identity
 * provider sends (with the organization's SCIM token, in the shapes Okta and Entra use), and the
 * check after every step that each Group's members in SCIM are the team's members.
 */

export type ScimOperation = Extract<Operation, { kind: `scim${string}` }>;

const MISSING_ID = '987654321098';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';

export const isScimOperation = (op: Operation): op is ScimOperation => op.kind.startsWith('scim');

/** The member ids a Group PATCH names: the chosen people's members, and an unknown id when asked. */
function groupIds(model: Model, op: Extract<Operation, { kind: 'scimGroup' }>): string[] {
  const ids = op.persons.flatMap((index) => {
    const member = memberOfPerson(model, model.persons[index]!);
    return member ? [member.id] : [];
  });
  return op.unknown ? [...ids, MISSING_ID] : ids;
}

export function predictScim(model: Model, op: ScimOperation): Outcome {
  if (op.kind === 'scimGroup') return scimGroupPatch(model, op.team, op.change, groupIds(model, op));
  const person = model.persons[op.person]!;
  switch (op.kind) {
    case 'scimProvision':
      return scimProvision(model, person, op.role);
    case 'scimDeprovision':
      return scimDeprovision(model, memberOfPerson(model, person));
    case 'scimRoleSync':
      return scimRoleSync(model, memberOfPerson(model, person), op.role);
  }
}

/** The Group PATCH body for a membership change, in the dialect the identity providers send it. */
function groupPatchBody(op: Extract<Operation, { kind: 'scimGroup' }>, ids: string[]) {
  const values = ids.map((value) => ({ value }));
  const operations = {
    // Okta's push and Entra's add (with its `$ref: null`).
    add: [{ op: 'add', path: 'members', value: ids.map((value, index) => (index % 2 === 0 ? { value } : { value, $ref: null })) }],
    // Okta's and Entra's flag dialect: one remove per member, by filter.
    remove: ids.map((value) => ({ op: 'remove', path: `members[value eq "${value}"]` })),
    // Entra's legacy remove: one operation listing every member.
    removeLegacy: [{ op: 'Remove', path: 'members', value: values }],
    replace: [{ op: 'replace', path: 'members', value: values }],
  }[op.change];
  return { schemas: [PATCH_OP], Operations: operations };
}

/** Performs a SCIM operation as the identity provider. */
export async function performScim(run: Run, before: Model, op: ScimOperation): Promise<Response[]> {
  const base = `/api/0/organizations/${run.slug}/scim/v2`;
  const send = (method: string, path: string, body?: unknown) => run.h.request(run.scimToken, method, `${base}${path}`, body);
  if (op.kind === 'scimGroup') {
    const teamId = run.teamIds.get(op.team)!;
    return [await send('PATCH', `/Groups/${teamId}`, groupPatchBody(op, groupIds(before, op)))];
  }
  const person = before.persons[op.person]!;
  const member = memberOfPerson(before, person);
  const user = `/Users/${member?.id ?? MISSING_ID}`;
  switch (op.kind) {
    case 'scimProvision':
      return [
        await send('POST', '/Users', {
          schemas: [USER_SCHEMA],
          userName: person.email,
          name: { givenName: person.key, familyName: 'Fuzz' },
          emails: [{ primary: true, value: person.email, type: 'work' }],
          active: true,
          ...(op.role === null ? {} : { sentryOrgRole: op.role }),
        }),
      ];
    case 'scimDeprovision': {
      if (op.how === 'delete') return [await send('DELETE', user)];
      if (op.how === 'put') return [await send('PUT', user, { schemas: [USER_SCHEMA], userName: person.email, active: false })];
      const operation = op.how === 'oktaPatch' ? { op: 'replace', value: { active: false } } : { op: 'Replace', path: 'active', value: 'False' };
      return [await send('PATCH', user, { schemas: [PATCH_OP], Operations: [operation] })];
    }
    case 'scimRoleSync':
      return [await send('PUT', user, { schemas: [USER_SCHEMA], userName: person.email, active: true, ...(op.role === null ? {} : { sentryOrgRole: op.role }) })];
  }
}

/** What the model learns from a provision: the new pending member's id. */
export function learnScim(next: Model, outcome: Outcome, response: Response): void {
  if (outcome.newInvite && response.status === 201) {
    const id = (response.body as { id: string }).id;
    next.members.set(id, { id, ...outcome.newInvite });
  }
}

const memberIdsOnTeam = (model: Model, team: string) =>
  [...model.members.values()]
    .filter((member: ModelMember) => member.teams.has(team as never))
    .map((member) => member.id)
    .sort();

/** SCIM's own invariant: `GET Groups/{id}` lists exactly the team's members (pending invitees too). */
export async function groupProblems(run: Run): Promise<string[]> {
  const problems: string[] = [];
  for (const team of TEAMS) {
    const answer = await run.h.request<{ members?: Array<{ value: string }> }>(run.scimToken, 'GET', `/api/0/organizations/${run.slug}/scim/v2/Groups/${run.teamIds.get(team)}`);
    assert.equal(answer.status, 200, `GET Groups of ${team}: ${JSON.stringify(answer.body)}`);
    const inScim = (answer.body.members ?? []).map((member) => member.value).sort();
    const inModel = memberIdsOnTeam(run.model, team);
    if (JSON.stringify(inScim) !== JSON.stringify(inModel)) problems.push(`Group ${team} lists ${JSON.stringify(inScim)}, the team has ${JSON.stringify(inModel)}`);
  }
  return problems;
}
