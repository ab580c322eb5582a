import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ApiError } from '../../src/platform/http/errors.js';
import { INVALID_REPLACE_ATTRIBUTE, applyGroupPatch, type ScimGroupState } from '../../src/scim/scim-group-patch.js';
import { parsePatchBody } from '../../src/scim/scim-patch.js';
import { IGNORED_USER_ATTRIBUTES, applyUserPatch, type ScimUserState } from '../../src/scim/scim-user-patch.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';

const BASE_USER: ScimUserState = Object.freeze({
  userName: 'ada@example.com',
  active: true,
  name: { givenName: 'Ada', familyName: 'Lovelace' },
  displayName: 'Ada L',
  externalId: 'ext-1',
  emails: [{ value: 'ada@example.com', type: 'work', primary: true }],
  sentryOrgRole: null,
});

const user = (operations: unknown[], base: ScimUserState = BASE_USER) => applyUserPatch(base, parsePatchBody({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: operations }));
const group = (operations: unknown[], base: ScimGroupState = { displayName: 'Team A', externalId: null, memberIds: ['1', '2', '3'] }) =>
  applyGroupPatch(base, parsePatchBody({ Operations: operations }));

function refused(run: () => unknown, scimType: string, detail: RegExp) {
  assert.throws(run, (error: ApiError) => {
    const body = error.body as { status: string; scimType: string; detail: string };
    assert.equal(error.status, 400);
    assert.equal(body.status, '400');
    assert.equal(body.scimType, scimType);
    assert.match(body.detail, detail);
    return true;
  });
}

describe('SCIM PATCH bodies (scim-patch.ts)', () => {
  it('reads Operations with op in any case, optional schemas, URN-prefixed paths and valuePaths', () => {
    const [a, b, c] = parsePatchBody({
      Operations: [
        { op: 'Replace', path: `${CORE}:active`, value: 'False' },
        { op: 'REMOVE', path: 'members[value eq "12"]' },
        { op: 'add', path: 'emails[type eq "work"].value', value: 'x@example.com' },
      ],
    });
    assert.deepEqual(a, { op: 'replace', path: { text: `${CORE}:active`, schema: CORE.toLowerCase(), attribute: 'active', filter: null, subAttribute: null }, value: 'False' });
    assert.deepEqual(b?.path?.filter, { kind: 'compare', path: 'members.value', op: 'eq', value: '12' });
    assert.equal(b?.value, undefined);
    assert.deepEqual([c?.path?.attribute, c?.path?.subAttribute], ['emails', 'value']);
    assert.deepEqual(parsePatchBody({ Operations: [] }), []);
  });

  it('refuses malformed bodies with the scimType the spec names', () => {
    const body = (Operations: unknown, extra: object = {}) => () => parsePatchBody({ ...extra, Operations });
    refused(() => parsePatchBody(null), 'invalidSyntax', /JSON object/);
    refused(() => parsePatchBody([]), 'invalidSyntax', /JSON object/);
    refused(() => parsePatchBody({}), 'invalidSyntax', /"Operations" is required/);
    refused(body({ op: 'add' }), 'invalidSyntax', /"Operations" is required and must be a list/);
    refused(body([], { schemas: 'x' }), 'invalidSyntax', /"schemas" must be a list/);
    refused(body(Array.from({ length: 101 }, () => ({ op: 'remove', path: 'members' }))), 'invalidValue', /^Too many patch ops sent, limit is 100\.$/);
    refused(body(['replace']), 'invalidSyntax', /Operations\[0\] must be an object/);
    refused(body([{ op: 'move', path: 'a', value: 1 }]), 'invalidValue', /Operations\[0\]\.op must be "add", "remove" or "replace"/);
    refused(body([{ path: 'a', value: 1 }]), 'invalidValue', /op must be/);
    refused(body([{ op: 'remove', path: 'a' }, { op: 'remove' }]), 'noTarget', /Operations\[1\]: "remove" needs a path/);
    refused(body([{ op: 'replace', path: 'active' }]), 'invalidValue', /"replace" needs a value/);
    refused(body([{ op: 'replace', value: false }]), 'invalidValue', /without a path needs an object value/);
    refused(body([{ op: 'add', value: [{ active: false }] }]), 'invalidValue', /without a path needs an object value/);
    refused(body([{ op: 'replace', path: 7, value: 1 }]), 'invalidPath', /path must be a string/);
    for (const path of ['', 'a.b.c', 'name..givenName', '1abc', 'emails[type eq]', 'emails[type eq "w"].value.x', 'emails[type eq "w"]x', 'a b', 'members[value eq "1"] or x pr']) {
      refused(body([{ op: 'remove', path }]), 'invalidPath', /is not a valid attribute path/);
    }
  });
});

describe('SCIM Users PATCH (scim-user-patch.ts)', () => {
  it('deactivates in every provider shape: Okta pathless, Entra legacy string, Entra flag boolean, URN path', () => {
    assert.equal(user([{ op: 'replace', value: { active: false } }]).active, false);
    assert.equal(user([{ op: 'Replace', path: 'active', value: 'False' }]).active, false);
    assert.equal(user([{ op: 'replace', path: 'active', value: false }]).active, false);
    assert.equal(user([{ op: 'replace', path: `${CORE}:active`, value: false }]).active, false);
    assert.equal(user([{ op: 'replace', value: { [`${CORE}:active`]: 'false' } }]).active, false);
    const inactive = { ...BASE_USER, active: false };
    assert.equal(user([{ op: 'Replace', path: 'active', value: 'True' }], inactive).active, true);
    assert.equal(user([{ op: 'replace', path: 'displayName', value: 'x' }, { op: 'replace', value: { active: false } }]).active, false, 'at any position');
  });

  it('Entra legacy: one operation per attribute, filtered email paths, URN paths, unknown attributes ignored', () => {
    const result = user([
      { op: 'Replace', path: 'displayName', value: 'Ada King' },
      { op: 'Replace', path: 'name.givenName', value: 'Augusta' },
      { op: 'Replace', path: 'name.familyName', value: 'King' },
      { op: 'Replace', path: 'emails[type eq "work"].value', value: 'ada.king@example.com' },
      { op: 'Replace', path: `${ENTERPRISE}:department`, value: 'Analytics' },
      { op: 'Add', path: 'nickName', value: 'Babs' },
      { op: 'Replace', path: 'externalId', value: 'ext-2' },
    ]);
    assert.deepEqual(result, {
      ...BASE_USER,
      displayName: 'Ada King',
      name: { givenName: 'Augusta', familyName: 'King' },
      emails: [{ value: 'ada.king@example.com', type: 'work', primary: true }],
      externalId: 'ext-2',
    });
  });

  it('Entra with aadOptscim062020: one pathless replace with dotted and URN keys, plus the filtered email', () => {
    const result = user([
      {
        op: 'replace',
        value: {
          displayName: 'Ada King',
          'name.givenName': 'Augusta',
          'name.familyName': 'King',
          [`${CORE}:externalId`]: 'ext-3',
          [`${ENTERPRISE}:employeeNumber`]: '42',
          [`${ENTERPRISE}:manager`]: { value: '7' },
          title: 'Countess',
          active: 'False',
        },
      },
      { op: 'replace', path: 'emails[type eq "work"].value', value: 'ada.king@example.com' },
    ]);
    assert.deepEqual(result, {
      ...BASE_USER,
      active: false,
      displayName: 'Ada King',
      name: { givenName: 'Augusta', familyName: 'King' },
      externalId: 'ext-3',
      emails: [{ value: 'ada.king@example.com', type: 'work', primary: true }],
    });
  });

  it('full schema URN keys nest attributes; extension URN keys are ignored', () => {
    const result = user([{ op: 'add', value: { [CORE]: { displayName: 'Nested', 'name.formatted': 'Ada' }, [ENTERPRISE]: { manager: null, department: 'x' } } }]);
    assert.deepEqual(result, { ...BASE_USER, displayName: 'Nested', name: { ...BASE_USER.name, formatted: 'Ada' } });
    refused(() => user([{ op: 'add', value: { [CORE]: 'x' } }]), 'invalidValue', /must be an object of attributes/);
  });

  it('a replace of a filtered email that matches nothing creates it (Entra), with the filter\'s eq values', () => {
    const noEmail = { ...BASE_USER, emails: [] };
    assert.deepEqual(user([{ op: 'replace', path: 'emails[type eq "work"].value', value: 'w@example.com' }], noEmail).emails, [{ type: 'work', value: 'w@example.com' }]);
    assert.deepEqual(user([{ op: 'replace', path: 'emails[type eq "home"].value', value: 'h@example.com' }]).emails, [
      ...BASE_USER.emails,
      { type: 'home', value: 'h@example.com' },
    ]);
    assert.deepEqual(user([{ op: 'replace', path: 'emails[type eq "home" and primary eq false]', value: { value: 'h@example.com' } }], noEmail).emails, [
      { type: 'home', primary: false, value: 'h@example.com' },
    ]);
    refused(() => user([{ op: 'replace', path: 'emails[type eq "home"].type', value: 'other' }], noEmail), 'invalidValue', /without a value/);
  });

  it('emails: add appends (an identical entry is not duplicated), primary as a string boolean, replace sets, remove by filter or all', () => {
    const added = user([{ op: 'add', path: 'emails', value: [{ value: 'b@example.com', type: 'home', primary: 'False' }, { ...BASE_USER.emails[0] }] }]);
    assert.deepEqual(added.emails, [...BASE_USER.emails, { value: 'b@example.com', type: 'home', primary: false }]);
    assert.deepEqual(user([{ op: 'replace', path: 'emails', value: [{ value: 'c@example.com', primary: 'True' }] }]).emails, [{ value: 'c@example.com', primary: true }]);
    assert.deepEqual(user([{ op: 'remove', path: 'emails[type eq "WORK"]' }], added).emails, [added.emails[1]]);
    assert.deepEqual(user([{ op: 'remove', path: 'emails' }], added).emails, []);
    assert.deepEqual(user([{ op: 'remove', path: 'emails', value: [{ value: 'B@example.com' }] }], added).emails, BASE_USER.emails);
    assert.deepEqual(user([{ op: 'remove', path: 'emails[type eq "work"].primary' }]).emails, [{ value: 'ada@example.com', type: 'work' }]);
    assert.deepEqual(user([{ op: 'replace', path: 'emails[type eq "work"].display', value: 'x' }]).emails, BASE_USER.emails);
    assert.deepEqual(user([{ op: 'replace', path: 'emails.value', value: 'z@example.com' }]).emails, [{ ...BASE_USER.emails[0], value: 'z@example.com' }]);
  });

  it('removes attributes, sets and clears sentryOrgRole, and merges or replaces name as the RFC says', () => {
    assert.deepEqual(user([{ op: 'remove', path: 'displayName' }, { op: 'remove', path: 'externalId' }, { op: 'remove', path: 'name.givenName' }]), {
      ...BASE_USER,
      displayName: null,
      externalId: null,
      name: { familyName: 'Lovelace' },
    });
    assert.equal(user([{ op: 'remove', path: 'name' }]).name, null);
    assert.deepEqual(user([{ op: 'replace', path: 'name', value: { givenName: 'A' } }]).name, { givenName: 'A', familyName: 'Lovelace' });
    assert.deepEqual(user([{ op: 'replace', value: { name: { givenName: 'A', middleName: 'B' } } }]).name, { givenName: 'A' });
    assert.deepEqual(user([{ op: 'add', value: { name: { givenName: 'A' } } }]).name, { givenName: 'A', familyName: 'Lovelace' });
    assert.deepEqual(user([{ op: 'replace', path: 'name.givenName', value: 'G' }], { ...BASE_USER, name: null }).name, { givenName: 'G' });
    assert.equal(user([{ op: 'replace', path: 'userName', value: 'new@example.com' }]).userName, 'new@example.com');
    assert.equal(user([{ op: 'replace', path: 'sentryOrgRole', value: 'Admin' }]).sentryOrgRole, 'Admin');
    assert.equal(user([{ op: 'replace', value: { sentryOrgRole: '' } }], { ...BASE_USER, sentryOrgRole: 'admin' }).sentryOrgRole, null);
    assert.equal(user([{ op: 'remove', path: 'sentryOrgRole' }], { ...BASE_USER, sentryOrgRole: 'admin' }).sentryOrgRole, null);
    assert.equal(user([{ op: 'replace', value: { [`${CORE}:sentryOrgRole`]: 'manager' } }]).sentryOrgRole, 'manager');
    assert.equal(user([{ op: 'add', path: `${CORE}:sentryOrgRole`, value: 'admin' }]).sentryOrgRole, 'admin');
  });

  it('ignores the attributes Roster does not store and the read-only ones, in every shape', () => {
    const operations = [...IGNORED_USER_ATTRIBUTES].map((attribute) => ({ op: 'replace', path: attribute, value: 'x' }));
    assert.ok(operations.length >= 20);
    assert.deepEqual(user(operations), BASE_USER);
    assert.deepEqual(
      user([
        { op: 'Add', path: 'phoneNumbers[type eq "work"].value', value: '+1 555' },
        { op: 'Replace', path: 'addresses[type eq "work"].formatted', value: '1 Main St' },
        { op: 'replace', path: `${ENTERPRISE}:manager`, value: { value: '9' } },
        { op: 'remove', path: `${ENTERPRISE}:costCenter` },
        { op: 'replace', path: 'urn:example:custom:2.0:User:badge', value: 5 },
        { op: 'add', value: { id: '99', meta: { resourceType: 'User' }, schemas: [CORE], groups: [], locale: 'en-US', preferredLanguage: 'en', addresses: null } },
        { op: 'replace', path: 'name.honorificPrefix', value: 'Lady' },
      ]),
      BASE_USER,
    );
  });

  it('refuses wrong values and unknown paths, leaving the input untouched (atomic)', () => {
    refused(() => user([{ op: 'replace', path: 'active', value: 'yes' }]), 'invalidValue', /"active" must be true or false/);
    refused(() => user([{ op: 'remove', path: 'active' }]), 'invalidValue', /"active" cannot be removed/);
    refused(() => user([{ op: 'replace', path: 'userName', value: 5 }]), 'invalidValue', /"userName" must be a non-empty string/);
    refused(() => user([{ op: 'remove', path: 'userName' }]), 'invalidValue', /cannot be removed/);
    refused(() => user([{ op: 'replace', path: 'displayName', value: 5 }]), 'invalidValue', /"displayName" must be a string/);
    refused(() => user([{ op: 'replace', path: 'sentryOrgRole', value: ['admin'] }]), 'invalidValue', /"sentryOrgRole" must be a string/);
    refused(() => user([{ op: 'replace', path: 'name', value: 'Ada' }]), 'invalidValue', /"name" must be an object/);
    refused(() => user([{ op: 'replace', path: 'name.givenName', value: 1 }]), 'invalidValue', /"name.givenName" must be a string/);
    refused(() => user([{ op: 'add', path: 'emails', value: [{ type: 'work' }] }]), 'invalidValue', /needs a string "value"/);
    refused(() => user([{ op: 'add', path: 'emails', value: ['a@example.com'] }]), 'invalidValue', /needs email objects/);
    refused(() => user([{ op: 'add', path: 'emails', value: [{ value: 'a@example.com', primary: 'maybe' }] }]), 'invalidValue', /"primary" must be true or false/);
    refused(() => user([{ op: 'replace', path: 'favouriteColour', value: 'red' }]), 'invalidPath', /"favouriteColour" is not an attribute of a User/);
    refused(() => user([{ op: 'replace', value: { favouriteColour: 'red' } }]), 'invalidPath', /"favouriteColour"/);
    refused(() => user([{ op: 'replace', path: 'name.nickname', value: 'x' }]), 'invalidPath', /"name.nickname"/);
    refused(() => user([{ op: 'replace', path: 'active.value', value: true }]), 'invalidPath', /"active.value"/);
    refused(() => user([{ op: 'replace', path: 'displayName[value eq "x"]', value: 'y' }]), 'invalidPath', /only emails can be filtered/);
    refused(() => user([{ op: 'replace', path: 'emails[type eq "work"].kind', value: 'y' }]), 'invalidPath', /not an attribute of an email/);
    refused(() => user([{ op: 'replace', path: 'urn:ietf:params:scim:schemas:core:2.0:Group:displayName', value: 'y' }]), 'invalidPath', /not an attribute of a User/);
    refused(() => user([{ op: 'replace', value: { 'name[x': 1 } }]), 'invalidPath', /not a valid attribute path/);

    const before = structuredClone(BASE_USER);
    const input = structuredClone(BASE_USER);
    refused(() => user([{ op: 'replace', path: 'displayName', value: 'changed' }, { op: 'add', path: 'emails', value: [{ value: 'x@example.com' }] }, { op: 'replace', path: 'active', value: 'no' }], input), 'invalidValue', /active/);
    assert.deepEqual(input, before);
  });
});

describe('SCIM Groups PATCH (scim-group-patch.ts)', () => {
  it('add members: value lists with $ref null and display; an existing member is no change', () => {
    const { group: result, changes } = group([{ op: 'Add', path: 'members', value: [{ $ref: null, value: '4', display: 'x@example.com' }, { value: '2' }, { Value: '5' }] }]);
    assert.deepEqual(result.memberIds, ['1', '2', '3', '4', '5']);
    assert.deepEqual(changes, [{ kind: 'add', memberId: '4' }, { kind: 'add', memberId: '5' }]);
    assert.deepEqual(group([{ op: 'add', path: 'members', value: { value: '9' } }]).changes, [{ kind: 'add', memberId: '9' }]);
  });

  it('removes by members[value eq "id"] (a non-member is no change), every listed member (Entra legacy), or all', () => {
    assert.deepEqual(group([{ op: 'remove', path: 'members[value eq "2"]' }]).changes, [{ kind: 'remove', memberId: '2' }]);
    assert.deepEqual(group([{ op: 'remove', path: 'members[value eq "9"]' }]).changes, []);
    assert.deepEqual(group([{ op: 'remove', path: 'members[value eq "1" or value eq "3"]' }]).group.memberIds, ['2']);
    const legacy = group([{ op: 'Remove', path: 'members', value: [{ value: '1' }, { value: '3', $ref: null }, { value: '8' }] }]);
    assert.deepEqual(legacy.group.memberIds, ['2']);
    assert.deepEqual(legacy.changes, [{ kind: 'remove', memberId: '1' }, { kind: 'remove', memberId: '3' }]);
    const all = group([{ op: 'remove', path: 'members' }]);
    assert.deepEqual(all.group.memberIds, []);
    assert.deepEqual(all.changes.map((change) => change.memberId), ['1', '2', '3']);
  });

  it('replace members replaces the set, as removals and additions; Okta sends remove and add in one request', () => {
    const replaced = group([{ op: 'replace', path: 'members', value: [{ value: '3' }, { value: '4' }] }]);
    assert.deepEqual(replaced.group.memberIds, ['3', '4']);
    assert.deepEqual(replaced.changes, [{ kind: 'remove', memberId: '1' }, { kind: 'remove', memberId: '2' }, { kind: 'add', memberId: '4' }]);
    const okta = group([
      { op: 'replace', value: { id: '10', displayName: 'Team A' } },
      { op: 'remove', path: 'members[value eq "1"]' },
      { op: 'add', path: 'members', value: [{ value: '6', display: 'f@example.com' }] },
    ]);
    assert.deepEqual(okta.group, { displayName: 'Team A', externalId: null, memberIds: ['2', '3', '6'] });
    assert.deepEqual(okta.changes, [{ kind: 'remove', memberId: '1' }, { kind: 'add', memberId: '6' }]);
  });

  it('renames pathless (Okta) or by path (Entra), sets and removes externalId, URN paths too', () => {
    assert.equal(group([{ op: 'replace', value: { id: '10', displayName: 'Renamed' } }]).group.displayName, 'Renamed');
    assert.equal(group([{ op: 'Replace', path: 'displayName', value: 'Renamed' }]).group.displayName, 'Renamed');
    assert.equal(group([{ op: 'replace', path: 'urn:ietf:params:scim:schemas:core:2.0:Group:displayName', value: 'Urn' }]).group.displayName, 'Urn');
    assert.equal(group([{ op: 'replace', path: 'externalId', value: 'okta-1' }]).group.externalId, 'okta-1');
    assert.equal(group([{ op: 'remove', path: 'externalId' }], { displayName: 'x', externalId: 'e', memberIds: [] }).group.externalId, null);
    assert.deepEqual(group([{ op: 'replace', value: { displayName: 'Both', members: [{ value: '1' }] } }]).group, { displayName: 'Both', externalId: null, memberIds: ['1'] });
  });

  it('refuses other paths, ids that are not member ids and bad names; the input is never changed', () => {
    refused(() => group([{ op: 'replace', path: 'owner', value: 'x' }]), 'invalidPath', /^Invalid Replace attr\. Only displayName and members supported\.$/);
    assert.equal(INVALID_REPLACE_ATTRIBUTE, 'Invalid Replace attr. Only displayName and members supported.');
    refused(() => group([{ op: 'replace', value: { owner: 'x' } }]), 'invalidPath', /^Invalid Replace attr/);
    refused(() => group([{ op: 'add', path: 'owner', value: 'x' }]), 'invalidPath', /"owner" is not an attribute Roster's Groups support/);
    refused(() => group([{ op: 'remove', path: 'displayName[value eq "1"]' }]), 'invalidPath', /not an attribute/);
    refused(() => group([{ op: 'replace', path: 'urn:ietf:params:scim:schemas:core:2.0:User:displayName', value: 'x' }]), 'invalidPath', /^Invalid Replace attr/);
    refused(() => group([{ op: 'replace', path: 'members[value eq "1"]', value: [] }]), 'invalidPath', /only for "remove"/);
    refused(() => group([{ op: 'remove', path: 'members[display eq "x"]' }]), 'invalidPath', /only be filtered by "value"/);
    refused(() => group([{ op: 'remove', path: 'members[value eq "1"].display' }]), 'invalidPath', /^Invalid|not an attribute/);
    refused(() => group([{ op: 'add', path: 'members', value: [{ value: 'abc' }] }]), 'invalidValue', /"abc" is not a member id/);
    refused(() => group([{ op: 'add', path: 'members', value: [{ value: 12 }] }]), 'invalidValue', /12 is not a member id/);
    refused(() => group([{ op: 'add', path: 'members', value: [{ display: 'x' }] }]), 'invalidValue', /undefined is not a member id/);
    refused(() => group([{ op: 'add', path: 'members', value: ['12'] }]), 'invalidValue', /member objects/);
    refused(() => group([{ op: 'remove', path: 'members[value eq "abc"]' }]), 'invalidValue', /"abc" is not a member id/);
    refused(() => group([{ op: 'replace', path: 'displayName', value: '' }]), 'invalidValue', /"displayName" must be a non-empty string/);
    refused(() => group([{ op: 'remove', path: 'displayName' }]), 'invalidValue', /cannot be removed/);
    refused(() => group([{ op: 'replace', path: 'externalId', value: 5 }]), 'invalidValue', /"externalId" must be a string/);
    const input: ScimGroupState = { displayName: 'Team A', externalId: null, memberIds: ['1'] };
    refused(() => group([{ op: 'add', path: 'members', value: [{ value: '2' }] }, { op: 'replace', path: 'displayName', value: 'B' }, { op: 'add', path: 'members', value: [{ value: 'x' }] }], input), 'invalidValue', /"x"/);
    assert.deepEqual(input, { displayName: 'Team A', externalId: null, memberIds: ['1'] });
  });
});
