import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AUDIT_EVENTS, auditEventById } from '../../src/audit/audit-events.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { auditEntries, buildOrg, orgState, teamRolesOf } from '../helpers/org-factory.js';

describe('PUT member: teams (§5.4 steps 8–10, decisions fixes 2, 4, 6)', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
  });
  after(() => h.close());

  const TEAMS = ['backend', 'frontend', 'ops'];

  it('decisions fix 2: a PUT without teams leaves teams alone', async () => {
    const org = await buildOrg(h, {
      teams: TEAMS,
      members: { owner: { role: 'owner' }, alice: { role: 'member', teams: [{ slug: 'backend', role: 'admin' }, 'frontend'] } },
    });
    const response = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('alice'), { orgRole: 'member' });
    assert.equal(response.status, 200);
    assert.deepEqual(await teamRolesOf(h, org.id, org.ids.alice!), { backend: 'admin', frontend: null });
    const noTeams = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('alice'), {});
    assert.equal(noTeams.status, 200);
    const nullTeamRoles = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('alice'), { teamRoles: null });
    assert.equal(nullTeamRoles.status, 200);
    assert.deepEqual(await teamRolesOf(h, org.id, org.ids.alice!), { backend: 'admin', frontend: null });
  });

  it('decisions fix 2: an explicit empty list (teams or teamRoles) removes every team', async () => {
    const org = await buildOrg(h, {
      teams: TEAMS,
      members: { owner: { role: 'owner' }, alice: { role: 'member', teams: ['backend', 'frontend'] }, bob: { role: 'member', teams: ['ops'] } },
    });
    const viaTeams = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('alice'), { teams: [] });
    assert.equal(viaTeams.status, 200);
    assert.deepEqual(viaTeams.body.teams, []);
    assert.deepEqual(await teamRolesOf(h, org.id, org.ids.alice!), {});
    await h.request(org.tokens.owner!, 'PUT', org.memberUrl('bob'), { teamRoles: [] });
    assert.deepEqual(await teamRolesOf(h, org.id, org.ids.bob!), {});
  });

  it('§5.4 step 10: teamRoles replaces the memberships; team roles at or below the minimum are stored as null', async () => {
    const org = await buildOrg(h, { teams: TEAMS, members: { owner: { role: 'owner' }, alice: { role: 'member', teams: ['ops'] } } });
    const response = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('alice'), {
      teamRoles: [
        { teamSlug: 'backend', role: 'admin' },
        { teamSlug: 'frontend', role: 'contributor' },
      ],
    });
    assert.equal(response.status, 200);
    assert.deepEqual(response.body.teams, ['backend', 'frontend']);
    assert.deepEqual(response.body.teamRoles, [{ teamSlug: 'backend', role: 'admin' }, { teamSlug: 'frontend', role: null }]);
    assert.deepEqual(await teamRolesOf(h, org.id, org.ids.alice!), { backend: 'admin', frontend: null });
  });

  it('§5.4 step 10: team roles are stored against the new org role when both change in one PUT', async () => {
    const org = await buildOrg(h, { teams: TEAMS, members: { owner: { role: 'owner' }, alice: { role: 'member' } } });
    const response = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('alice'), {
      orgRole: 'manager',
      teamRoles: [{ teamSlug: 'backend', role: 'admin' }],
    });
    assert.equal(response.status, 200);
    assert.deepEqual(await teamRolesOf(h, org.id, org.ids.alice!), { backend: null });
  });

  it('§5.4 step 8: with team roles off, the roles in teamRoles are ignored', async () => {
    const org = await buildOrg(h, { features: { 'team-roles': false }, teams: TEAMS, members: { owner: { role: 'owner' }, alice: { role: 'member' } } });
    const response = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('alice'), { teamRoles: [{ teamSlug: 'backend', role: 'admin' }] });
    assert.equal(response.status, 200);
    assert.deepEqual(await teamRolesOf(h, org.id, org.ids.alice!), { backend: null });
  });

  it('§5.4 step 8: when both are sent, teamRoles decides and teams is only validated', async () => {
    const org = await buildOrg(h, { teams: TEAMS, members: { owner: { role: 'owner' }, alice: { role: 'member' } } });
    const response = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('alice'), {
      teams: ['ops'],
      teamRoles: [{ teamSlug: 'backend', role: null }],
    });
    assert.equal(response.status, 200);
    assert.deepEqual(await teamRolesOf(h, org.id, org.ids.alice!), { backend: null });
  });

  it('§5.4 step 3: teams must name distinct active teams of this organization ("Invalid teams")', async () => {
    const org = await buildOrg(h, { teams: TEAMS, members: { owner: { role: 'owner' }, alice: { role: 'member', teams: ['ops'] } } });
    const other = await buildOrg(h, { teams: ['elsewhere'], members: { owner: { role: 'owner' } } });
    await h.database.db.updateTable('teams').set({ status: 1 }).where('organization_id', '=', org.id).where('slug', '=', 'frontend').execute();
    const before = await orgState(h, org.id);
    for (const teams of [['nope'], ['backend', 'backend'], ['frontend'], ['elsewhere'], [42], ['backend', 'nope']]) {
      const response = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('alice'), { teams });
      assert.equal(response.status, 400, JSON.stringify(teams));
      assert.deepEqual(response.body, { teams: ['Invalid teams'] }, JSON.stringify(teams));
    }
    assert.deepEqual(await orgState(h, org.id), before);
    assert.ok(other.teams.elsewhere);
  });

  it('§5.4 step 3: teamRoles items need a known team role ("Invalid team-role") and known teams ("Invalid teams")', async () => {
    const org = await buildOrg(h, { teams: TEAMS, members: { owner: { role: 'owner' }, alice: { role: 'member' } } });
    const before = await orgState(h, org.id);
    const badRole = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('alice'), { teamRoles: [{ teamSlug: 'backend', role: 'owner' }] });
    assert.equal(badRole.status, 400);
    assert.deepEqual(badRole.body, { teamRoles: ['Invalid team-role'] });
    const badTeam = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('alice'), { teamRoles: [{ teamSlug: 'nope', role: 'admin' }] });
    assert.deepEqual(badTeam.body, { teamRoles: ['Invalid teams'] });
    const both = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('alice'), { orgRole: 'nope', teams: ['nope'] });
    assert.deepEqual(both.body, { orgRole: ['"nope" is not a valid choice.'] }, 'a type error is reported before the service checks');
    const fields = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('alice'), { orgRole: 'owner', teams: ['nope'], teamRoles: [{ teamSlug: 'x', role: 'y' }] });
    assert.deepEqual(fields.body, { teams: ['Invalid teams'], teamRoles: ['Invalid team-role'] }, 'every field problem is reported together');
    assert.deepEqual(await orgState(h, org.id), before);
  });

  it("§5.4 step 9: a role without team roles (billing) cannot be put on teams, nor keep its teams", async () => {
    const org = await buildOrg(h, {
      features: { 'invite-billing': true },
      teams: TEAMS,
      members: { owner: { role: 'owner' }, bill: { role: 'billing' }, alice: { role: 'member', teams: ['ops'] } },
    });
    const before = await orgState(h, org.id);
    const response = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('bill'), { teams: ['backend'] });
    assert.equal(response.status, 400);
    assert.deepEqual(response.body, { detail: "The user with a 'billing' role cannot have team-level permissions." });
    const keeping = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('alice'), { orgRole: 'billing' });
    assert.equal(keeping.status, 400);
    assert.deepEqual(keeping.body, { detail: "The user with a 'billing' role cannot have team-level permissions." });
    assert.deepEqual(await orgState(h, org.id), before);
    const noTeams = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('bill'), { teams: [] });
    assert.equal(noTeams.status, 200);
  });

  it("decisions fix 4: a manager cannot change an owner's teams (403, nothing written)", async () => {
    const org = await buildOrg(h, { teams: TEAMS, members: { owner: { role: 'owner' }, manny: { role: 'manager' } } });
    const before = await orgState(h, org.id);
    const response = await h.request(org.tokens.manny!, 'PUT', org.memberUrl('owner'), { teams: ['backend'] });
    assert.equal(response.status, 403);
    assert.deepEqual(response.body, { detail: "You do not have permission to edit that user's membership." });
    const teamRoles = await h.request(org.tokens.manny!, 'PUT', org.memberUrl('owner'), { teamRoles: [] });
    assert.equal(teamRoles.status, 403);
    assert.deepEqual(await orgState(h, org.id), before);
  });

  it("decisions fix 4 / §12 item 18: a token with member:write but not member:admin cannot change anyone's teams", async () => {
    const org = await buildOrg(h, {
      teams: TEAMS,
      members: { owner: { role: 'owner' }, alice: { role: 'member', teams: ['ops'] } },
      tokens: { writer: ['owner', ['member:write', 'member:read']] },
    });
    const before = await orgState(h, org.id);
    const response = await h.request(org.tokens.writer!, 'PUT', org.memberUrl('alice'), { teams: ['backend'] });
    assert.equal(response.status, 403);
    assert.deepEqual(await orgState(h, org.id), before);
  });

  it('decisions fix 4: a manager may change the teams of members and managers, its own included', async () => {
    const org = await buildOrg(h, { teams: TEAMS, members: { owner: { role: 'owner' }, manny: { role: 'manager' }, alice: { role: 'member' } } });
    const alice = await h.request(org.tokens.manny!, 'PUT', org.memberUrl('alice'), { teams: ['backend'] });
    assert.equal(alice.status, 200);
    const own = await h.request(org.tokens.manny!, 'PUT', org.memberUrl('me'), { teams: ['ops'] });
    assert.equal(own.status, 200);
    assert.deepEqual(own.body.teams, ['ops']);
  });

  it('§10 member.join-team / member.leave-team: one entry per team joined or left, kept memberships keep their row', async () => {
    const org = await buildOrg(h, { teams: TEAMS, members: { owner: { role: 'owner' }, alice: { role: 'member', teams: ['backend', 'ops'] } } });
    const rowsBefore = await h.database.db.selectFrom('member_teams').select(['id', 'team_id']).where('member_id', '=', org.ids.alice!).execute();
    const backendRow = rowsBefore.find((row) => row.team_id === org.teams.backend)!.id;
    const response = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('alice'), { teams: ['backend', 'frontend'] });
    assert.equal(response.status, 200);
    const rowsAfter = await h.database.db.selectFrom('member_teams').select(['id', 'team_id']).where('member_id', '=', org.ids.alice!).execute();
    assert.equal(rowsAfter.find((row) => row.team_id === org.teams.backend)!.id, backendRow);
    const frontendRow = rowsAfter.find((row) => row.team_id === org.teams.frontend)!.id;
    const opsRow = rowsBefore.find((row) => row.team_id === org.teams.ops)!.id;

    const entries = await auditEntries(h, org.id);
    const pick = (event: number) => entries.filter((entry) => entry.event === event);
    assert.deepEqual(pick(AUDIT_EVENTS.MEMBER_JOIN_TEAM.id).map((e) => [e.target_object, e.data]), [
      [frontendRow, { email: org.emailOf('alice'), team_slug: 'frontend' }],
    ]);
    assert.deepEqual(pick(AUDIT_EVENTS.MEMBER_LEAVE_TEAM.id).map((e) => [e.target_object, e.data]), [
      [opsRow, { email: org.emailOf('alice'), team_slug: 'ops' }],
    ]);
    assert.equal(pick(AUDIT_EVENTS.MEMBER_EDIT.id).length, 1);
  });

  it('decisions fix 6: the member.edit entry names the teams (no "teams: N/A")', async () => {
    const org = await buildOrg(h, { teams: TEAMS, members: { owner: { role: 'owner' }, alice: { role: 'member' } } });
    await h.request(org.tokens.owner!, 'PUT', org.memberUrl('alice'), { teams: ['ops', 'backend'] });
    const entry = (await auditEntries(h, org.id)).find((e) => e.event === AUDIT_EVENTS.MEMBER_EDIT.id)!;
    const text = auditEventById(entry.event)!.render({ data: entry.data, actorIsTarget: false, targetName: null });
    assert.equal(text, `edited member ${org.emailOf('alice')} (role: member, teams: backend, ops)`);
  });
});
