import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AUDIT_EVENTS } from '../../src/audit/audit-events.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { assertMatchesOpenApi } from '../helpers/openapi.js';
import { auditEntries, buildOrg, orgState, teamRolesOf } from '../helpers/org-factory.js';

const DETAIL = '/api/0/organizations/{organization_id_or_slug}/members/{member_id}/';
const allowedIds = (body: { orgRoleList: Array<{ id: string; isAllowed: boolean }> }) =>
  body.orgRoleList.filter((role) => role.isAllowed).map((role) => role.id);

describe('PUT member: org role (§5.4)', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
  });
  after(() => h.close());

  const roleOf = async (orgId: string, memberId: string) =>
    (await h.database.db.selectFrom('members').select('role').where('organization_id', '=', orgId).where('id', '=', memberId).executeTakeFirstOrThrow()).role;

  it('§5.4 an owner changes a member\'s role: 200 MemberWithRoles for the requester, valid against the OpenAPI file', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, alice: { role: 'member' } } });
    const response = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('alice'), { orgRole: 'manager' });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    assertMatchesOpenApi('put', DETAIL, 200, response.body);
    assert.equal(response.body.orgRole, 'manager');
    assert.equal(response.body.role, 'manager');
    assert.deepEqual(allowedIds(response.body), ['member', 'admin', 'manager', 'owner']);
    assert.equal(await roleOf(org.id, org.ids.alice!), 'manager');
  });

  it('§5.4 step 7: the deprecated `role` field changes the role too', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, alice: { role: 'member' } } });
    const response = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('alice'), { role: 'owner' });
    assert.equal(response.status, 200);
    assert.equal(await roleOf(org.id, org.ids.alice!), 'owner');
  });

  it('§5.4 step 3: a role above what the requester may grant is a 400 field error under the field sent', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, manny: { role: 'manager' }, alice: { role: 'member' } } });
    const before = await orgState(h, org.id);
    const viaOrgRole = await h.request(org.tokens.manny!, 'PUT', org.memberUrl('alice'), { orgRole: 'owner' });
    assert.equal(viaOrgRole.status, 400);
    assert.deepEqual(viaOrgRole.body, { orgRole: ['You do not have permission to set that org-level role'] });
    const viaRole = await h.request(org.tokens.manny!, 'PUT', org.memberUrl('alice'), { role: 'owner' });
    assert.deepEqual(viaRole.body, { role: ['You do not have permission to set that org-level role'] });
    assert.deepEqual(await orgState(h, org.id), before);
  });

  it('§5.4 step 3: a requester without member:admin may set no role at all (400, before the member-level 403)', async () => {
    const org = await buildOrg(h, {
      members: { owner: { role: 'owner' }, mel: { role: 'member' }, invitee: { role: 'member', pending: true, invitedBy: 'mel' } },
    });
    const response = await h.request(org.tokens.mel!, 'PUT', org.memberUrl('invitee'), { orgRole: 'member' });
    assert.equal(response.status, 400);
    assert.deepEqual(response.body, { orgRole: ['You do not have permission to set that org-level role'] });
  });

  it('§5.4 step 3: an unknown role is not a valid choice', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, alice: { role: 'member' } } });
    const response = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('alice'), { orgRole: 'superuser' });
    assert.equal(response.status, 400);
    assert.deepEqual(response.body, { orgRole: ['"superuser" is not a valid choice.'] });
  });

  it('§3.2 billing is an unknown role unless invite-billing is on', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, alice: { role: 'member' } } });
    const response = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('alice'), { orgRole: 'billing' });
    assert.equal(response.status, 400);
    assert.deepEqual(response.body, { orgRole: ['"billing" is not a valid choice.'] });
  });

  it('§5.4 step 11a / §12 item 19: billing passes the serializer with invite-billing, then is refused as a role the requester may not assign (403)', async () => {
    const org = await buildOrg(h, { features: { 'invite-billing': true }, members: { owner: { role: 'owner' }, alice: { role: 'member' } } });
    const before = await orgState(h, org.id);
    const response = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('alice'), { orgRole: 'billing' });
    assert.equal(response.status, 403);
    assert.deepEqual(response.body, { role: 'You do not have permission to assign the given role.' });
    assert.deepEqual(await orgState(h, org.id), before);
  });

  it('§5.4 step 3: an email that an approved member already has is refused (validated, otherwise ignored)', async () => {
    const org = await buildOrg(h, {
      members: { owner: { role: 'owner' }, alice: { role: 'member' }, bob: { role: 'member' }, invitee: { role: 'member', pending: true } },
    });
    const member = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('alice'), { email: org.emailOf('bob') });
    assert.equal(member.status, 400);
    assert.deepEqual(member.body, { email: [`The user ${org.emailOf('bob')} is already a member`] });
    const invited = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('alice'), { email: org.emailOf('invitee') });
    assert.deepEqual(invited.body, { email: [`The user ${org.emailOf('invitee')} has already been invited`] });
    const fresh = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('alice'), { email: 'new@example.com', sendInvite: false });
    assert.equal(fresh.status, 200);
    assert.equal(fresh.body.email, org.emailOf('alice'), 'email is validated but not applied');
  });

  it('§5.4 step 4: a member managed by a partnership cannot be modified (403)', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, alice: { role: 'member', flags: { 'partnership:restricted': true } } } });
    const before = await orgState(h, org.id);
    const response = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('alice'), { orgRole: 'manager' });
    assert.equal(response.status, 403);
    assert.deepEqual(response.body, {
      detail: 'This member is managed by an active partnership and cannot be modified until the end of the partnership.',
    });
    assert.deepEqual(await orgState(h, org.id), before);
  });

  it('§5.4 step 5: a member-level requester may not edit anything but the resending of its own invites (403)', async () => {
    const org = await buildOrg(h, {
      teams: ['backend'],
      members: { owner: { role: 'owner' }, mel: { role: 'member' }, bob: { role: 'member' }, invitee: { role: 'member', pending: true, invitedBy: 'mel' } },
    });
    const before = await orgState(h, org.id);
    const ownInviteTeams = await h.request(org.tokens.mel!, 'PUT', org.memberUrl('invitee'), { teams: ['backend'] });
    assert.equal(ownInviteTeams.status, 403);
    assert.deepEqual(ownInviteTeams.body, { detail: 'You do not have permission to perform this action.' });
    const fullMember = await h.request(org.tokens.mel!, 'PUT', org.memberUrl('bob'), { teams: [] });
    assert.equal(fullMember.status, 403);
    assert.deepEqual(await orgState(h, org.id), before);
  });

  it("§5.4 step 5: a member-level requester cannot touch another's invite", async () => {
    const org = await buildOrg(h, {
      members: { owner: { role: 'owner' }, mel: { role: 'member' }, invitee: { role: 'member', pending: true, invitedBy: 'owner' } },
    });
    const response = await h.request(org.tokens.mel!, 'PUT', org.memberUrl('invitee'), { reinvite: true });
    assert.equal(response.status, 403);
    assert.deepEqual(response.body, { detail: 'You cannot modify invitations sent by someone else.' });
  });

  it('§5.4 step 5: with member invites disabled a member-level requester cannot resend even its own invite', async () => {
    const org = await buildOrg(h, {
      settings: { allowMemberInvite: false },
      members: { owner: { role: 'owner' }, mel: { role: 'member' }, invitee: { role: 'member', pending: true, invitedBy: 'mel' } },
    });
    const response = await h.request(org.tokens.mel!, 'PUT', org.memberUrl('invitee'), { reinvite: true });
    assert.equal(response.status, 403);
    assert.deepEqual(response.body, { detail: 'You do not have permission to perform this action.' });
  });

  it('§5.4 step 11b: a manager cannot change the role of an owner (403 under "role")', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, other: { role: 'owner' }, manny: { role: 'manager' } } });
    const before = await orgState(h, org.id);
    const response = await h.request(org.tokens.manny!, 'PUT', org.memberUrl('owner'), { orgRole: 'member' });
    assert.equal(response.status, 403);
    assert.deepEqual(response.body, { role: 'You do not have permission to assign a role to the given user.' });
    assert.deepEqual(await orgState(h, org.id), before);
  });

  it('§5.4 step 11c: you cannot change your own role', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, other: { role: 'owner' } } });
    const response = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('me'), { orgRole: 'manager' });
    assert.equal(response.status, 400);
    assert.deepEqual(response.body, { detail: 'You cannot make changes to your own role.' });
    assert.equal(await roleOf(org.id, org.ids.owner!), 'owner');
  });

  it('§5.4 step 11d: the retired admin role cannot be assigned while team roles are on', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, alice: { role: 'member' } } });
    const response = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('alice'), { orgRole: 'admin' });
    assert.equal(response.status, 400);
    assert.deepEqual(response.body, { detail: "The role 'admin' is deprecated and may no longer be assigned." });
    assert.equal(await roleOf(org.id, org.ids.alice!), 'member');
  });

  it('§5.4 step 11d: with team roles off the admin role can still be assigned', async () => {
    const org = await buildOrg(h, { features: { 'team-roles': false }, members: { owner: { role: 'owner' }, alice: { role: 'member' } } });
    const response = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('alice'), { orgRole: 'admin' });
    assert.equal(response.status, 200);
    assert.equal(await roleOf(org.id, org.ids.alice!), 'admin');
  });

  it('§2.2 / decisions item 10: the last active owner cannot be demoted, pending owners do not count', async () => {
    const org = await buildOrg(h, {
      users: { root: { superuser: true } },
      members: { owner: { role: 'owner' }, ghost: { role: 'owner', pending: true }, alice: { role: 'member' } },
    });
    const before = await orgState(h, org.id);
    const response = await h.request(org.tokens.root!, 'PUT', org.memberUrl('owner'), { orgRole: 'manager' });
    assert.equal(response.status, 400);
    assert.deepEqual(response.body, ['An organization must have at least one owner']);
    assert.deepEqual(await orgState(h, org.id), before);
  });

  it('§5.4 an owner may demote another owner while one remains', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, other: { role: 'owner' } } });
    const response = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('other'), { orgRole: 'member' });
    assert.equal(response.status, 200);
    assert.equal(response.body.isOnlyOwner, false);
    const me = await h.request(org.tokens.owner!, 'GET', org.memberUrl('me'));
    assert.equal(me.body.isOnlyOwner, true);
  });

  it('decisions fix 1 (clarification): a promotion stores team roles it now implies as null', async () => {
    const org = await buildOrg(h, {
      teams: ['backend', 'frontend'],
      members: { owner: { role: 'owner' }, alice: { role: 'member', teams: [{ slug: 'backend', role: 'admin' }, 'frontend'] } },
    });
    assert.deepEqual(await teamRolesOf(h, org.id, org.ids.alice!), { backend: 'admin', frontend: null });
    const promoted = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('alice'), { orgRole: 'manager' });
    assert.equal(promoted.status, 200);
    assert.deepEqual(await teamRolesOf(h, org.id, org.ids.alice!), { backend: null, frontend: null });
    // The answer shows the teams as stored, not as they were when the member was locked.
    assert.deepEqual(promoted.body.teamRoles, [{ teamSlug: 'backend', role: null }, { teamSlug: 'frontend', role: null }]);
    // The seed's scenario: demoted again, the member does not keep team admin.
    await h.request(org.tokens.owner!, 'PUT', org.memberUrl('alice'), { orgRole: 'member' });
    assert.deepEqual(await teamRolesOf(h, org.id, org.ids.alice!), { backend: null, frontend: null });
  });

  it('decisions fix 1: a demotion nulls team roles at or below the new minimum and keeps those above it', async () => {
    const org = await buildOrg(h, { teams: ['backend', 'frontend'], members: { owner: { role: 'owner' }, manny: { role: 'manager' } } });
    // Rows as older data may hold them: explicit roles a manager's minimum already implies.
    for (const [slug, role] of [['backend', 'contributor'], ['frontend', 'admin']] as const) {
      await h.database.db
        .insertInto('member_teams')
        .values({ organization_id: org.id, member_id: org.ids.manny!, team_id: org.teams[slug]!, role })
        .execute();
    }
    const response = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('manny'), { orgRole: 'member' });
    assert.equal(response.status, 200);
    assert.deepEqual(await teamRolesOf(h, org.id, org.ids.manny!), { backend: null, frontend: 'admin' });
    assert.deepEqual(response.body.teamRoles, [{ teamSlug: 'backend', role: null }, { teamSlug: 'frontend', role: 'admin' }]);
  });

  it('decisions fix 3: a refused role change in the same PUT keeps the team change from happening', async () => {
    const org = await buildOrg(h, {
      teams: ['backend', 'frontend'],
      members: { owner: { role: 'owner' }, other: { role: 'owner' }, alice: { role: 'member', teams: ['backend'] } },
    });
    const before = await orgState(h, org.id);
    const ownRole = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('me'), { orgRole: 'member', teams: ['frontend'] });
    assert.equal(ownRole.status, 400);
    const retired = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('alice'), { orgRole: 'admin', teams: ['frontend'] });
    assert.equal(retired.status, 400);
    assert.deepEqual(await orgState(h, org.id), before);
  });

  it('§5.4 step 12 / §10 member.edit: one entry with the member payload, written by the requester', async () => {
    const org = await buildOrg(h, { teams: ['backend'], members: { owner: { role: 'owner' }, alice: { role: 'member', teams: ['backend'] } } });
    await h.request(org.tokens.owner!, 'PUT', org.memberUrl('alice'), { orgRole: 'manager' });
    const entries = (await auditEntries(h, org.id)).filter((entry) => entry.event === AUDIT_EVENTS.MEMBER_EDIT.id);
    assert.equal(entries.length, 1);
    const [entry] = entries;
    assert.equal(entry!.target_object, org.ids.alice);
    assert.deepEqual(entry!.data, {
      email: org.emailOf('alice'),
      user: entry!.target_user_id,
      teams: [org.teams.backend],
      teams_slugs: ['backend'],
      has_global_access: true,
      role: 'manager',
      invite_status: 'approved',
    });
  });

  it('§5.4 a superuser who is not a member may change roles', async () => {
    const org = await buildOrg(h, { users: { root: { superuser: true } }, members: { owner: { role: 'owner' }, alice: { role: 'member' } } });
    const response = await h.request(org.tokens.root!, 'PUT', org.memberUrl('alice'), { orgRole: 'owner' });
    assert.equal(response.status, 200);
    assert.equal(await roleOf(org.id, org.ids.alice!), 'owner');
  });

  it('§5.4 needs member:invite, member:write or member:admin (403 otherwise)', async () => {
    const org = await buildOrg(h, {
      members: { owner: { role: 'owner' }, alice: { role: 'member' } },
      tokens: { readOnly: ['owner', ['member:read', 'org:read']] },
    });
    const response = await h.request(org.tokens.readOnly!, 'PUT', org.memberUrl('alice'), { orgRole: 'manager' });
    assert.equal(response.status, 403);
    assert.deepEqual(response.body, { detail: 'You do not have permission to perform this action.' });
  });

  it('§3.6 allowed roles need member:admin: an owner token without it may set no role (400 from the serializer)', async () => {
    const org = await buildOrg(h, {
      members: { owner: { role: 'owner' }, alice: { role: 'member' } },
      tokens: { writeOnly: ['owner', ['member:write', 'member:read']] },
    });
    const response = await h.request(org.tokens.writeOnly!, 'PUT', org.memberUrl('alice'), { orgRole: 'manager' });
    assert.equal(response.status, 400);
    assert.deepEqual(response.body, { orgRole: ['You do not have permission to set that org-level role'] });
  });
});
