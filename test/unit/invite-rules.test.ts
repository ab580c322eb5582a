import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  inviteRoleProblem,
  isMemberLevelInviter,
  mayAssignInviteTeams,
  mayInvite,
  organizationMayInvite,
  orgRoleAllowsTeams,
} from '../../src/invites/invite-rules.js';
import { testAccess } from '../helpers/access.js';

const access = testAccess;

describe('invite rules (sentry-behavior.md §5.2)', () => {
  it('permission: member:invite alone needs member invites allowed; member:write or member:admin do not', () => {
    assert.equal(mayInvite(access({ orgRoleId: 'member' }), false), true);
    assert.equal(mayInvite(access({ orgRoleId: 'member' }), true), false);
    assert.equal(mayInvite(access({ orgRoleId: 'manager' }), true), true);
    assert.equal(mayInvite(access({ orgRoleId: 'owner', tokenScopes: ['member:write'] }), true), true);
    assert.equal(mayInvite(access({ orgRoleId: 'owner', tokenScopes: ['member:read'] }), false), false);
  });

  it('step 2: invites need invite-members, except billing invites with invite-billing', () => {
    assert.equal(organizationMayInvite('member', { inviteMembers: true, inviteBilling: false }), true);
    assert.equal(organizationMayInvite('member', { inviteMembers: false, inviteBilling: true }), false);
    assert.equal(organizationMayInvite('billing', { inviteMembers: false, inviteBilling: true }), true);
    assert.equal(organizationMayInvite('billing', { inviteMembers: false, inviteBilling: false }), false);
  });

  it('step 4: a role must be among the allowed ones; billing needs invite-billing; retired admin is refused under team roles', () => {
    const features = { inviteBilling: false, teamRoles: true };
    assert.equal(inviteRoleProblem('member', ['member'], features), null);
    assert.equal(inviteRoleProblem('manager', ['member'], features), 'You do not have permission to set that org-level role');
    assert.equal(inviteRoleProblem('billing', ['member', 'manager', 'owner'], features), 'You do not have permission to set that org-level role');
    assert.equal(inviteRoleProblem('billing', [], { ...features, inviteBilling: true }), null);
    assert.equal(inviteRoleProblem('admin', ['member', 'admin'], features), "The role 'admin' is deprecated and may no longer be assigned.");
    assert.equal(inviteRoleProblem('admin', ['member', 'admin'], { ...features, teamRoles: false }), null);
    // Not allowed comes first, even for the retired role.
    assert.equal(inviteRoleProblem('admin', ['member'], features), 'You do not have permission to set that org-level role');
  });

  it('step 6: member-level inviters (member:invite without member:admin) are limited to their own teams while membership is closed', () => {
    const member = access({ orgRoleId: 'member', memberships: [{ teamId: '1', role: null }] });
    const ownerViaInviteToken = access({ orgRoleId: 'owner', tokenScopes: ['member:invite'] });
    assert.equal(isMemberLevelInviter(member), true);
    assert.equal(isMemberLevelInviter(access({ orgRoleId: 'manager' })), false);
    assert.equal(isMemberLevelInviter(ownerViaInviteToken), true);
    const closed = { openMembership: false, memberInvitesDisabled: false };
    assert.equal(mayAssignInviteTeams(member, ['1'], closed), true);
    assert.equal(mayAssignInviteTeams(member, ['1', '2'], closed), false);
    assert.equal(mayAssignInviteTeams(member, [], closed), true);
    assert.equal(mayAssignInviteTeams(member, ['2'], { ...closed, openMembership: true }), true);
    assert.equal(mayAssignInviteTeams(ownerViaInviteToken, ['2'], closed), false);
    assert.equal(mayAssignInviteTeams(access({ orgRoleId: 'manager' }), ['2'], closed), true);
  });

  it('step 7: billing may not have teams; every other role may', () => {
    assert.equal(orgRoleAllowsTeams('billing'), false);
    for (const role of ['member', 'admin', 'manager', 'owner']) assert.equal(orgRoleAllowsTeams(role), true);
  });
});
