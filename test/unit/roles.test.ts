import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SCOPE_OPTIONS, adjustedScopes, allowedOrgRoles, canAdminTeam, canManageOrgRole, canSetTeamRole, expandTokenScopes, hasTeamAccess, hasTeamScope, rolesGrantableBy } from '../../src/access/access.js';
import { canManageTeamRole, effectiveTeamRole, minimumTeamRole, redundantTeamRoles, storedTeamRole } from '../../src/access/team-roles.js';
import { ORG_ROLES, orgRole, teamRole } from '../../src/access/roles.js';
import { testAccess } from '../helpers/access.js';

const access = testAccess;

describe('§3.2 org roles', () => {
  it('orders roles by priority: billing < member < admin < manager < owner', () => {
    assert.deepEqual(ORG_ROLES.map((role) => role.id), ['billing', 'member', 'admin', 'manager', 'owner']);
  });

  it('can_manage: a role manages roles at or below its priority', () => {
    assert.equal(canManageOrgRole('owner', 'owner'), true);
    assert.equal(canManageOrgRole('manager', 'owner'), false);
    assert.equal(canManageOrgRole('manager', 'manager'), true);
    assert.equal(canManageOrgRole('manager', 'member'), true);
    assert.equal(canManageOrgRole('member', 'admin'), false);
  });

  it('only admin is retired; manager and owner are global', () => {
    assert.deepEqual(ORG_ROLES.filter((r) => r.isRetired).map((r) => r.id), ['admin']);
    assert.deepEqual(ORG_ROLES.filter((r) => r.isGlobal).map((r) => r.id), ['manager', 'owner']);
  });
});

describe('§3.4 minimum team role', () => {
  it('member → contributor; admin, manager, owner → admin; billing → contributor', () => {
    assert.equal(minimumTeamRole('member').id, 'contributor');
    assert.equal(minimumTeamRole('admin').id, 'admin');
    assert.equal(minimumTeamRole('manager').id, 'admin');
    assert.equal(minimumTeamRole('owner').id, 'admin');
    assert.equal(minimumTeamRole('billing').id, 'contributor');
  });

  it('an org role can manage team roles up to its minimum team role', () => {
    assert.equal(canManageTeamRole('member', 'contributor'), true);
    assert.equal(canManageTeamRole('member', 'admin'), false);
    assert.equal(canManageTeamRole('manager', 'admin'), true);
  });

  it('effective team role: the stored role only when team roles are on and it outranks the minimum', () => {
    assert.equal(effectiveTeamRole('admin', 'member', true).id, 'admin');
    assert.equal(effectiveTeamRole('admin', 'member', false).id, 'contributor');
    assert.equal(effectiveTeamRole(null, 'member', true).id, 'contributor');
    assert.equal(effectiveTeamRole('contributor', 'owner', true).id, 'admin');
  });

  it('a requested team role at or below the minimum is stored as null', () => {
    assert.equal(storedTeamRole('admin', 'member'), 'admin');
    assert.equal(storedTeamRole('contributor', 'member'), null);
    assert.equal(storedTeamRole('admin', 'manager'), null);
    assert.equal(storedTeamRole(null, 'member'), null);
  });

  it('an org-role change makes the team roles at or below its new minimum redundant', () => {
    assert.deepEqual(redundantTeamRoles('member'), ['contributor']);
    assert.deepEqual(redundantTeamRoles('manager'), ['contributor', 'admin']);
  });
});

describe('§3.5 org-option adjustment of scopes', () => {
  it('drops event:admin and alerts:write from roles without write scopes when the options are off', () => {
    const options = { eventsMemberAdmin: false, alertsMemberWrite: false };
    const member = adjustedScopes(orgRole('member'), options);
    assert.equal(member.has('event:admin'), false);
    assert.equal(member.has('alerts:write'), false);
    assert.equal(adjustedScopes(orgRole('member'), DEFAULT_SCOPE_OPTIONS).has('event:admin'), true);
  });

  it('keeps every scope of a role that has a write scope', () => {
    const manager = adjustedScopes(orgRole('manager'), { eventsMemberAdmin: false, alertsMemberWrite: false });
    assert.equal(manager.has('event:admin'), true);
    assert.equal(adjustedScopes(teamRole('admin'), { eventsMemberAdmin: false, alertsMemberWrite: false }).has('alerts:write'), true);
  });
});

describe('§3.6 roles a requester may grant', () => {
  it('owner → member, admin, manager, owner; manager → member, admin, manager; member → member', () => {
    assert.deepEqual(rolesGrantableBy('owner', DEFAULT_SCOPE_OPTIONS), ['member', 'admin', 'manager', 'owner']);
    assert.deepEqual(rolesGrantableBy('manager', DEFAULT_SCOPE_OPTIONS), ['member', 'admin', 'manager']);
    assert.deepEqual(rolesGrantableBy('admin', DEFAULT_SCOPE_OPTIONS), ['member', 'admin']);
    assert.deepEqual(rolesGrantableBy('member', DEFAULT_SCOPE_OPTIONS), ['member']);
  });

  it('without member:admin nothing may be assigned, except when inviting', () => {
    const member = access({ orgRoleId: 'member' });
    assert.deepEqual(allowedOrgRoles(member, DEFAULT_SCOPE_OPTIONS), []);
    assert.deepEqual(allowedOrgRoles(member, DEFAULT_SCOPE_OPTIONS, true), ['member']);
  });

  it('a token without member:admin caps an owner to nothing assignable', () => {
    const owner = access({ orgRoleId: 'owner', tokenScopes: ['member:read', 'member:write'] });
    assert.deepEqual(allowedOrgRoles(owner, DEFAULT_SCOPE_OPTIONS), []);
  });

  it('a superuser may assign every role but billing', () => {
    const superuser = access({ orgRoleId: null, isSuperuser: true });
    assert.deepEqual(allowedOrgRoles(superuser, DEFAULT_SCOPE_OPTIONS), ['member', 'admin', 'manager', 'owner']);
  });

  it("issue 13 item 1: a superuser's token bounds it like anyone's: no member:admin, nothing assignable; no write scope, no team role", () => {
    const narrow = access({ orgRoleId: null, isSuperuser: true, tokenScopes: ['member:read'] });
    assert.deepEqual([...narrow.scopes], ['member:read']);
    assert.deepEqual(allowedOrgRoles(narrow, DEFAULT_SCOPE_OPTIONS), []);
    assert.equal(canSetTeamRole(narrow, '1', 'admin', DEFAULT_SCOPE_OPTIONS), false);
    const teamWriter = access({ orgRoleId: null, isSuperuser: true, tokenScopes: ['team:write', 'team:read'] });
    assert.equal(canSetTeamRole(teamWriter, '1', 'admin', DEFAULT_SCOPE_OPTIONS), true);
  });

  it('a non-member may assign nothing', () => {
    assert.deepEqual(allowedOrgRoles(access({ orgRoleId: null }), DEFAULT_SCOPE_OPTIONS, true), []);
  });
});

describe('§3.7 effective scopes of a requester', () => {
  it('a session user gets its role scopes; a token caps them', () => {
    assert.equal(access({ orgRoleId: 'owner' }).scopes.has('org:admin'), true);
    const capped = access({ orgRoleId: 'owner', tokenScopes: ['org:read', 'member:read'] });
    assert.deepEqual([...capped.scopes].sort(), ['member:read', 'org:read']);
  });

  it('a token cannot add scopes the role lacks', () => {
    assert.equal(access({ orgRoleId: 'member', tokenScopes: ['member:admin'] }).scopes.has('member:admin'), false);
  });

  it('a non-member has no scopes; a superuser has all', () => {
    assert.equal(access({ orgRoleId: null }).scopes.size, 0);
    assert.equal(access({ orgRoleId: null, isSuperuser: true }).scopes.has('org:admin'), true);
  });

  it('global access: open membership, a global role, or superuser', () => {
    assert.equal(access({ orgRoleId: 'member' }).hasGlobalAccess, false);
    assert.equal(access({ orgRoleId: 'member', openMembership: true }).hasGlobalAccess, true);
    assert.equal(access({ orgRoleId: 'manager' }).hasGlobalAccess, true);
    assert.equal(access({ orgRoleId: null, isSuperuser: true }).hasGlobalAccess, true);
    assert.equal(access({ orgRoleId: null, openMembership: true }).hasGlobalAccess, false);
  });

  it('team access and team scopes come from membership and the effective team role', () => {
    const teamAdmin = access({ orgRoleId: 'member', memberships: [{ teamId: '1', role: 'admin' }] });
    assert.equal(hasTeamAccess(teamAdmin, '1'), true);
    assert.equal(hasTeamAccess(teamAdmin, '2'), false);
    assert.equal(hasTeamScope(teamAdmin, '1', 'team:write', DEFAULT_SCOPE_OPTIONS), true);
    assert.equal(hasTeamScope(teamAdmin, '2', 'team:write', DEFAULT_SCOPE_OPTIONS), false);
    const tokenCapped = access({ orgRoleId: 'member', tokenScopes: ['team:read'], memberships: [{ teamId: '1', role: 'admin' }] });
    assert.equal(hasTeamScope(tokenCapped, '1', 'team:write', DEFAULT_SCOPE_OPTIONS), false);
  });
});

describe('§3.6 team administration', () => {
  it('can_admin_team needs membership plus team:write on the team, or org:write, or member:write', () => {
    const teamAdmin = access({ orgRoleId: 'member', memberships: [{ teamId: '1', role: 'admin' }] });
    const contributor = access({ orgRoleId: 'member', memberships: [{ teamId: '1', role: null }] });
    const managerOffTeam = access({ orgRoleId: 'manager' });
    const managerOnTeam = access({ orgRoleId: 'manager', memberships: [{ teamId: '1', role: null }] });
    assert.equal(canAdminTeam(teamAdmin, '1', DEFAULT_SCOPE_OPTIONS), true);
    assert.equal(canAdminTeam(contributor, '1', DEFAULT_SCOPE_OPTIONS), false);
    assert.equal(canAdminTeam(managerOffTeam, '1', DEFAULT_SCOPE_OPTIONS), false);
    assert.equal(canAdminTeam(managerOnTeam, '1', DEFAULT_SCOPE_OPTIONS), true);
  });

  it('can_set_team_role: superuser, team admin, by org role, or by own team role', () => {
    const member = access({ orgRoleId: 'member' });
    assert.equal(canSetTeamRole(member, '1', 'contributor', DEFAULT_SCOPE_OPTIONS), true);
    assert.equal(canSetTeamRole(member, '1', 'admin', DEFAULT_SCOPE_OPTIONS), false);
    assert.equal(canSetTeamRole(access({ orgRoleId: 'manager' }), '1', 'admin', DEFAULT_SCOPE_OPTIONS), true);
    assert.equal(canSetTeamRole(access({ orgRoleId: null, isSuperuser: true }), '1', 'admin', DEFAULT_SCOPE_OPTIONS), true);
    const teamAdmin = access({ orgRoleId: 'member', memberships: [{ teamId: '1', role: 'admin' }] });
    assert.equal(canSetTeamRole(teamAdmin, '1', 'admin', DEFAULT_SCOPE_OPTIONS), true);
    assert.equal(canSetTeamRole(teamAdmin, '2', 'admin', DEFAULT_SCOPE_OPTIONS), false);
  });
});

describe('token scope expansion (decisions.md)', () => {
  it('admin adds write and read, write adds read, org:admin adds org:integrations, member:write adds member:invite', () => {
    assert.deepEqual(expandTokenScopes(['org:admin']).sort(), ['org:admin', 'org:integrations', 'org:read', 'org:write']);
    assert.deepEqual(expandTokenScopes(['team:write']).sort(), ['team:read', 'team:write']);
    assert.deepEqual(expandTokenScopes(['member:write']).sort(), ['member:invite', 'member:read', 'member:write']);
    assert.deepEqual(expandTokenScopes(['member:read']), ['member:read']);
  });
});
