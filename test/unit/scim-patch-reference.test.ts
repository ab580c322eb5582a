import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { scimPatch, type ScimPatchOperation } from 'scim-patch';
import { applyGroupPatch, type ScimGroupState } from '../../src/scim/scim-group-patch.js';
import { parsePatchBody } from '../../src/scim/scim-patch.js';
import { applyUserPatch, type ScimUserState } from '../../src/scim/scim-user-patch.js';

/**
 * Roster's PATCH against scim-patch, an independent implementation of RFC 7644 §3.5.2: the same
 * operations on the same resource give the same resource, over a table and over generated operations
 * both support. The places where Roster deliberately differs are tested at the end.
 */

const META = { created: new Date(0), lastModified: new Date(0) };
const BASE_USER: ScimUserState = {
  userName: 'ada@example.com',
  active: true,
  name: { givenName: 'Ada', familyName: 'Lovelace' },
  displayName: 'Ada L',
  externalId: 'ext-1',
  emails: [{ value: 'ada@example.com', type: 'work', primary: true }],
  sentryOrgRole: 'member',
};
const BASE_GROUP: ScimGroupState = { displayName: 'Team A', externalId: 'g-1', memberIds: ['1', '2', '3'] };

type UserResource = Record<string, unknown> & { meta: typeof META; schemas: string[] };

function userResource(state: ScimUserState): UserResource {
  const resource: UserResource = { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], meta: META, userName: state.userName, active: state.active, emails: structuredClone(state.emails) };
  if (state.name !== null) resource.name = { ...state.name };
  if (state.displayName !== null) resource.displayName = state.displayName;
  if (state.externalId !== null) resource.externalId = state.externalId;
  if (state.sentryOrgRole !== null) resource.sentryOrgRole = state.sentryOrgRole;
  return resource;
}

/** A resource back as state: an attribute scim-patch deleted is null (or an empty list). */
function userState(resource: UserResource): ScimUserState {
  return {
    userName: resource.userName as string,
    active: resource.active as boolean,
    name: (resource.name as ScimUserState['name']) ?? null,
    displayName: (resource.displayName as string) ?? null,
    externalId: (resource.externalId as string) ?? null,
    emails: (resource.emails as ScimUserState['emails']) ?? [],
    sentryOrgRole: (resource.sentryOrgRole as string) ?? null,
  };
}

/** Operations as a request body delivers them (fast-check's records have no prototype). */
const asJson = (operations: unknown[]): unknown[] => JSON.parse(JSON.stringify(operations));

function referenceUser(state: ScimUserState, operations: unknown[]): ScimUserState {
  return userState(scimPatch(userResource(state), operations as ScimPatchOperation[], { mutateDocument: false }));
}
function rosterUser(state: ScimUserState, operations: unknown[]): ScimUserState {
  return applyUserPatch(state, parsePatchBody({ Operations: operations }));
}

/** Group members as a sorted list: membership is a set, and Roster's replace keeps the members it keeps in place. */
function referenceGroup(state: ScimGroupState, operations: unknown[]): ScimGroupState {
  type GroupResource = { schemas: string[]; meta: typeof META; displayName: string; externalId?: string | null; members?: Array<{ value: string }> };
  let patched: GroupResource = { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], meta: META, displayName: state.displayName, externalId: state.externalId, members: state.memberIds.map((value) => ({ value })) };
  // One operation at a time, giving back the empty members list scim-patch deletes (a remove with a
  // value list on the deleted key is an error there; a group always has a members list).
  for (const operation of operations) {
    patched = scimPatch({ ...patched, members: patched.members ?? [] }, [operation as ScimPatchOperation], { mutateDocument: false });
  }
  return { displayName: patched.displayName, externalId: patched.externalId ?? null, memberIds: (patched.members ?? []).map((member) => member.value).sort() };
}
function rosterGroup(state: ScimGroupState, operations: unknown[]): ScimGroupState {
  const { group, changes } = applyGroupPatch(state, parsePatchBody({ Operations: operations }));
  // The changes, replayed on the first state, give the last one: each add is of a non-member, each remove of a member.
  const replayed = new Set(state.memberIds);
  for (const change of changes) {
    assert.equal(replayed.has(change.memberId), change.kind === 'remove', JSON.stringify(change));
    if (change.kind === 'add') replayed.add(change.memberId);
    else replayed.delete(change.memberId);
  }
  assert.deepEqual([...replayed].sort(), [...group.memberIds].sort());
  return { ...group, memberIds: [...group.memberIds].sort() };
}

const USER_TABLE: unknown[][] = [
  [{ op: 'replace', value: { active: false } }],
  [{ op: 'replace', path: 'active', value: false }],
  [{ op: 'replace', path: 'urn:ietf:params:scim:schemas:core:2.0:User:active', value: false }],
  [{ op: 'replace', path: 'name', value: { givenName: 'Z' } }],
  [{ op: 'add', path: 'name', value: { givenName: 'Z' } }],
  [{ op: 'replace', value: { name: { givenName: 'Z' } } }],
  [{ op: 'replace', value: { 'name.givenName': 'Z', displayName: 'D', externalId: 'e' } }],
  [{ op: 'add', value: { displayName: 'D', 'urn:ietf:params:scim:schemas:core:2.0:User:userName': 'q@example.com' } }],
  [{ op: 'replace', path: 'emails[type eq "work"].value', value: 'w@example.com' }],
  [{ op: 'replace', path: 'emails.value', value: 'z@example.com' }],
  [{ op: 'add', path: 'emails', value: [{ value: 'ada@example.com', type: 'work', primary: true }] }],
  [{ op: 'add', path: 'emails', value: [{ value: 'b@example.com', type: 'home' }] }],
  [{ op: 'remove', path: 'emails[type eq "work"]' }],
  [{ op: 'remove', path: 'emails' }],
  [{ op: 'remove', path: 'name.givenName' }, { op: 'remove', path: 'name' }, { op: 'replace', path: 'name.familyName', value: 'F' }],
  [{ op: 'remove', path: 'displayName' }, { op: 'remove', path: 'externalId' }],
  [{ op: 'replace', path: 'sentryOrgRole', value: 'admin' }, { op: 'replace', path: 'userName', value: 'n@example.com' }],
];

const GROUP_TABLE: unknown[][] = [
  [{ op: 'add', path: 'members', value: [{ value: '1' }, { value: '4', display: 'x', $ref: null }] }],
  [{ op: 'remove', path: 'members', value: [{ value: '1' }, { value: '2' }] }],
  [{ op: 'remove', path: 'members[value eq "2"]' }],
  [{ op: 'remove', path: 'members' }],
  [{ op: 'replace', path: 'members', value: [{ value: '3' }, { value: '5' }] }],
  [{ op: 'replace', value: { id: '5', displayName: 'H' } }],
  [{ op: 'replace', path: 'displayName', value: 'Renamed' }, { op: 'replace', path: 'externalId', value: 'g-2' }],
  [{ op: 'remove', path: 'members[value eq "1"]' }, { op: 'add', path: 'members', value: [{ value: '6' }] }, { op: 'add', path: 'members', value: [{ value: '6' }] }],
];

// Operations both implementations support on a User. The base always keeps its work email (nothing
// generated removes it), so a filtered replace always has a target, as scim-patch requires.
const text = fc.string({ unit: fc.constantFrom(...'abcXYZ.-'), minLength: 1, maxLength: 6 });
const email = fc.record({ value: text.map((local) => `${local}@example.org`), type: fc.constantFrom('home', 'other') });
const userOperation = fc.oneof(
  fc.record({ op: fc.constantFrom('replace', 'add'), path: fc.constantFrom('displayName', 'externalId', 'name.givenName', 'name.familyName', 'sentryOrgRole'), value: text }),
  fc.record({ op: fc.constantFrom('replace', 'add'), path: fc.constant('userName'), value: text.map((local) => `${local}@example.com`) }),
  fc.record({ op: fc.constantFrom('replace', 'add'), path: fc.constant('active'), value: fc.boolean() }),
  fc.record({ op: fc.constantFrom('replace', 'add'), path: fc.constant('name'), value: fc.record({ givenName: text, familyName: text }, { requiredKeys: [] }) }),
  fc.record({ op: fc.constant('replace'), path: fc.constant('emails[type eq "work"].value'), value: text.map((local) => `${local}@example.com`) }),
  fc.record({ op: fc.constant('add'), path: fc.constant('emails'), value: fc.array(email, { minLength: 1, maxLength: 2 }) }),
  fc.record({ op: fc.constant('remove'), path: fc.constantFrom('displayName', 'externalId', 'name.givenName', 'name.familyName', 'sentryOrgRole', 'emails[type eq "home"]') }),
  fc.record({ op: fc.constant('replace'), value: fc.record({ active: fc.boolean(), displayName: text, 'name.givenName': text, externalId: text }, { requiredKeys: [] }) }),
);

// Each list names a member once: scim-patch adds a member listed twice in one value twice (see below).
const memberList = fc.uniqueArray(fc.constantFrom('1', '2', '3', '4', '5', '6'), { maxLength: 4 }).map((ids) => ids.map((value) => ({ value })));
const groupOperation = fc.oneof(
  fc.record({ op: fc.constant('add'), path: fc.constant('members'), value: memberList }),
  fc.record({ op: fc.constant('remove'), path: fc.constantFrom('1', '2', '3', '4').map((id) => `members[value eq "${id}"]`) }),
  fc.record({ op: fc.constant('remove'), path: fc.constant('members'), value: memberList }),
  fc.record({ op: fc.constant('remove'), path: fc.constant('members') }),
  fc.record({ op: fc.constant('replace'), path: fc.constant('members'), value: memberList }),
  fc.record({ op: fc.constant('replace'), path: fc.constantFrom('displayName', 'externalId'), value: text }),
  fc.record({ op: fc.constant('replace'), value: fc.record({ id: fc.constant('10'), displayName: text }) }),
);

describe('SCIM PATCH against an independent implementation (scim-patch)', () => {
  it('Users: the same resource over a table of provider-shaped operations', () => {
    for (const operations of USER_TABLE) assert.deepEqual(rosterUser(BASE_USER, operations), referenceUser(BASE_USER, operations), JSON.stringify(operations));
  });

  it('Groups: the same resource over a table, Entra\'s legacy multi-member remove included', () => {
    for (const operations of GROUP_TABLE) assert.deepEqual(rosterGroup(BASE_GROUP, operations), referenceGroup(BASE_GROUP, operations), JSON.stringify(operations));
  });

  it('Users: the same resource over generated operations', () => {
    fc.assert(
      fc.property(fc.array(userOperation, { minLength: 1, maxLength: 6 }), (operations) => {
        const body = asJson(operations);
        assert.deepEqual(rosterUser(BASE_USER, body), referenceUser(BASE_USER, body));
      }),
      { numRuns: 300 },
    );
  });

  it('Groups: the same members and names over generated operations, and changes that replay to them', () => {
    fc.assert(
      fc.property(fc.array(groupOperation, { minLength: 1, maxLength: 6 }), (operations) => {
        const body = asJson(operations);
        assert.deepEqual(rosterGroup(BASE_GROUP, body), referenceGroup(BASE_GROUP, body));
      }),
      { numRuns: 300 },
    );
  });

  it('differs on purpose: a filtered replace that matches nothing creates the entry (Entra), where scim-patch refuses', () => {
    const operations = [{ op: 'replace', path: 'emails[type eq "home"].value', value: 'h@example.com' }];
    assert.throws(() => referenceUser(BASE_USER, operations), /no record match was made/);
    assert.deepEqual(rosterUser(BASE_USER, operations).emails, [...BASE_USER.emails, { type: 'home', value: 'h@example.com' }]);
  });

  it('differs on purpose: email types match case-insensitively (RFC 7643 caseExact false), where scim-patch is exact', () => {
    const operations = [{ op: 'remove', path: 'emails[type eq "WORK"]' }];
    assert.deepEqual(referenceUser(BASE_USER, operations).emails, BASE_USER.emails);
    assert.deepEqual(rosterUser(BASE_USER, operations).emails, []);
  });

  it('differs on purpose: Entra\'s string booleans and op case, which scim-patch takes literally', () => {
    const operations = [{ op: 'Replace', path: 'active', value: 'False' }];
    assert.equal(rosterUser(BASE_USER, operations).active, false);
    assert.notEqual(referenceUser(BASE_USER, operations).active, false);
  });

  it('differs on purpose: attributes Roster does not store are ignored, where scim-patch adds them', () => {
    const operations = [{ op: 'add', path: 'nickName', value: 'Babs' }];
    assert.deepEqual(rosterUser(BASE_USER, operations), BASE_USER);
    const reference = scimPatch(userResource(BASE_USER), operations as ScimPatchOperation[], { mutateDocument: false });
    assert.equal(reference.nickName, 'Babs');
  });

  it('differs on purpose: a member listed twice in one add is added once (members is a set), where scim-patch adds it twice', () => {
    const operations = [{ op: 'add', path: 'members', value: [{ value: '4' }, { value: '4' }] }];
    assert.deepEqual(referenceGroup(BASE_GROUP, operations).memberIds, ['1', '2', '3', '4', '4']);
    assert.deepEqual(rosterGroup(BASE_GROUP, operations).memberIds, ['1', '2', '3', '4']);
  });
});
