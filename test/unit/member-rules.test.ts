import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_SCOPE_OPTIONS,
  canManageMemberRole,
  canRemoveMember,
  isMemberLevel,
  orgRolesWithScope,
} from '../../src/access/access.js';
import { testAccess } from '../helpers/access.js';

const access = testAccess;

describe('member edit rules', () => {
  it('§5.4 step 5: member-level means member:invite without member:admin', () => {
    assert.equal(isMemberLevel(access({ orgRoleId: 'member' })), true);
    assert.equal(isMemberLevel(access({ orgRoleId: 'admin' })), true);
    assert.equal(isMemberLevel(access({ orgRoleId: 'manager' })), false);
    assert.equal(isMemberLevel(access({ orgRoleId: 'owner', tokenScopes: ['member:invite', 'member:read'] })), true);
    assert.equal(isMemberLevel(access({ orgRoleId: 'owner', tokenScopes: ['member:write', 'member:read'] })), false, '§12 item 18');
  });

  it('decisions fix 4: team edits need member:admin and a role at least the target\'s', () => {
    const manager = access({ orgRoleId: 'manager' });
    assert.equal(canManageMemberRole(manager, DEFAULT_SCOPE_OPTIONS, 'member'), true);
    assert.equal(canManageMemberRole(manager, DEFAULT_SCOPE_OPTIONS, 'manager'), true);
    assert.equal(canManageMemberRole(manager, DEFAULT_SCOPE_OPTIONS, 'owner'), false);
    assert.equal(canManageMemberRole(access({ orgRoleId: 'owner' }), DEFAULT_SCOPE_OPTIONS, 'billing'), true);
    assert.equal(canManageMemberRole(access({ orgRoleId: 'member' }), DEFAULT_SCOPE_OPTIONS, 'member'), false);
    const writeToken = access({ orgRoleId: 'owner', tokenScopes: ['member:write', 'member:read'] });
    assert.equal(canManageMemberRole(writeToken, DEFAULT_SCOPE_OPTIONS, 'member'), false);
    assert.equal(canManageMemberRole(access({ orgRoleId: null, isSuperuser: true }), DEFAULT_SCOPE_OPTIONS, 'owner'), true);
    const narrowSuperuser = access({ orgRoleId: null, isSuperuser: true, tokenScopes: ['member:read', 'member:write'] });
    assert.equal(canManageMemberRole(narrowSuperuser, DEFAULT_SCOPE_OPTIONS, 'member'), false);
  });

  it('§5.5 step 1 (and 2FA enforcement, issue 13 item 2): removing needs member:admin and a role at least the target\'s', () => {
    assert.equal(canRemoveMember(access({ orgRoleId: 'manager' }), 'owner'), false);
    assert.equal(canRemoveMember(access({ orgRoleId: 'manager' }), 'manager'), true);
    assert.equal(canRemoveMember(access({ orgRoleId: 'owner' }), 'owner'), true);
    assert.equal(canRemoveMember(access({ orgRoleId: 'owner', tokenScopes: ['org:write', 'member:write'] }), 'member'), false);
    assert.equal(canRemoveMember(access({ orgRoleId: null, isSuperuser: true }), 'owner'), true);
    assert.equal(canRemoveMember(access({ orgRoleId: null, isSuperuser: true, tokenScopes: ['org:write'] }), 'member'), false);
  });

  it('§5.5 step 2: the roles with org:write are manager and owner', () => {
    assert.deepEqual(orgRolesWithScope('org:write'), ['manager', 'owner']);
  });
});
