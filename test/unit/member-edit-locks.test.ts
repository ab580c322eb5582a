import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SCOPE_OPTIONS, allowedOrgRoles } from '../../src/access/access.js';
import { mayChangeOwnerRole } from '../../src/members/member-edit-locks.js';
import { testAccess } from '../helpers/access.js';

const ownerMayAssign = allowedOrgRoles(testAccess({ orgRoleId: 'owner' }), DEFAULT_SCOPE_OPTIONS);
const managerMayAssign = allowedOrgRoles(testAccess({ orgRoleId: 'manager' }), DEFAULT_SCOPE_OPTIONS);

describe('which member PUTs lock the organization (issue 14)', () => {
  it("an owner's role changing, or a member becoming an owner", () => {
    assert.equal(mayChangeOwnerRole('manager', 'owner', ownerMayAssign), true);
    assert.equal(mayChangeOwnerRole('owner', 'member', ownerMayAssign), true);
    // Asking an owner to stay one changes nothing, but is rare enough to lock for.
    assert.equal(mayChangeOwnerRole('owner', 'owner', ownerMayAssign), true);
  });

  it('not a role change between other roles, nor a PUT that sets no role', () => {
    assert.equal(mayChangeOwnerRole('manager', 'member', ownerMayAssign), false);
    assert.equal(mayChangeOwnerRole('member', 'admin', ownerMayAssign), false);
    assert.equal(mayChangeOwnerRole(null, 'owner', ownerMayAssign), false);
    // No such member: the PUT ends in a 404.
    assert.equal(mayChangeOwnerRole('member', null, ownerMayAssign), false);
  });

  it('not when the requester may not assign the owner role: touching an owner is refused anyway', () => {
    assert.ok(!managerMayAssign.includes('owner'));
    assert.equal(mayChangeOwnerRole('member', 'owner', managerMayAssign), false);
    assert.equal(mayChangeOwnerRole('owner', 'member', managerMayAssign), false);
    assert.equal(mayChangeOwnerRole('owner', 'member', []), false);
  });
});
