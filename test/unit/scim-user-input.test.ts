import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../src/platform/http/errors.js';
import { planRoleSync, profileOf, provisionableRole, readUserBody, resolveUserEmail } from '../../src/scim/scim-user-input.js';

const scimType = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof ApiError);
    return (error.body as { scimType?: string }).scimType;
  }
  assert.fail('expected a refusal');
};

describe('SCIM User input rules (spec scim.md §1.4, Roster\'s choices 12 and 13)', () => {
  it('userName must be an email; else the primary work address, else the first; none is invalidValue', () => {
    assert.equal(resolveUserEmail({ userName: ' Ann@Example.com ', emails: [] }), 'ann@example.com');
    const emails = [
      { value: 'home@example.com', type: 'home' },
      { value: 'work@example.com', type: 'work', primary: true },
    ];
    assert.equal(resolveUserEmail({ userName: 'ann_contoso#EXT#', emails }), 'work@example.com');
    assert.equal(resolveUserEmail({ userName: 'ann', emails: [{ value: 'only@example.com' }] }), 'only@example.com');
    assert.equal(scimType(() => resolveUserEmail({ userName: 'ann', emails: [] })), 'invalidValue');
    assert.equal(scimType(() => resolveUserEmail({ userName: '', emails: [] })), 'invalidValue');
  });

  it('roles: lower-cased, existing, never one with org:admin', () => {
    assert.equal(provisionableRole(' Manager '), 'manager');
    assert.equal(scimType(() => provisionableRole('owner')), 'invalidValue');
    assert.equal(scimType(() => provisionableRole('wizard')), 'invalidValue');
  });

  it("PUT's role sync: owners keep their role, a given role restricts, none hands the role back", () => {
    assert.deepEqual(planRoleSync({ role: 'owner', idp_role_restricted: true }, 'member', 'member'), { role: 'owner', roleRestricted: false });
    assert.deepEqual(planRoleSync({ role: 'member', idp_role_restricted: false }, 'Admin', 'member'), { role: 'admin', roleRestricted: true });
    assert.deepEqual(planRoleSync({ role: 'manager', idp_role_restricted: false }, null, 'member'), { role: 'manager', roleRestricted: false });
    assert.deepEqual(planRoleSync({ role: 'manager', idp_role_restricted: true }, null, 'member'), { role: 'member', roleRestricted: false });
  });

  it('bodies are read leniently: attribute names in any case, nulls, string booleans; the profile keeps what was sent', () => {
    const user = readUserBody({ UserName: 'a@example.com', Active: 'False', name: null, emails: [{ value: 'a@example.com', primary: 'True' }, null], externalId: 'x' });
    assert.equal(user.userName, 'a@example.com');
    assert.equal(user.active, false);
    assert.equal(user.name, null);
    assert.deepEqual(user.emails, [{ value: 'a@example.com', primary: true }]);
    assert.deepEqual(profileOf(user), { externalId: 'x', profile: { emails: [{ value: 'a@example.com', primary: true }] } });
    assert.equal(scimType(() => readUserBody({ userName: 'a@example.com', active: 'maybe' })), 'invalidValue');
    assert.equal(scimType(() => profileOf({ ...user, externalId: 'x'.repeat(513) })), 'invalidValue');
  });
});
