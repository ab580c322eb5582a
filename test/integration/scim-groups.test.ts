import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AUDIT_EVENTS } from '../../src/audit/audit-events.js';
import { SCIM_ACTOR_NAME } from '../../src/scim/scim-context.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { auditEntries, type MemberSpec } from '../helpers/org-factory.js';
import { assertRefusal, readTeam, scimOrg, teamMemberIds, type GroupBody } from '../helpers/scim-groups.js';
import { assertScimListResponse, assertScimResource } from '../helpers/scim-schemas.js';

/**
 * Issue 16, SCIM Groups = teams (spec scim.md §1.5, Roster's choices 4, 8, 14–16, 19, 20): reads with
 * paging, filters and attribute selection; provisioning; PATCH and DELETE with their refusals.
 */
interface ListBody {
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  Resources: GroupBody[];
}

describe('SCIM Groups (issue 16)', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
  });
  after(() => h.close());

  // alice and the invitee pat are on red, when the organization has one.
  const people: Record<string, MemberSpec> = {
    owner: { role: 'owner' },
    alice: { role: 'member', teams: ['red'] },
    bob: { role: 'member' },
    pat: { role: 'member', pending: true, teams: ['red'] },
  };
  const withoutRed: Record<string, MemberSpec> = { owner: { role: 'owner' }, alice: { role: 'member' }, bob: { role: 'member' }, pat: { role: 'member', pending: true } };

  it('lists active teams by id with their members (pending invitees too), paged per the RFC', async () => {
    const { org, token, base } = await scimOrg(h, { members: people, teams: ['red', 'blue', 'green'] });
    const all = await h.request<ListBody>(token, 'GET', `${base}/Groups`);
    assert.equal(all.status, 200);
    assert.match(String(all.headers['content-type']), /^application\/scim\+json/);
    assertScimListResponse('Group', all.body);
    assert.deepEqual(all.body.Resources.map((group) => group.displayName), ['red', 'blue', 'green']);
    const red = all.body.Resources[0]!;
    assert.equal(red.id, org.teams.red);
    assert.deepEqual(red.members, [
      { value: org.ids.alice, display: org.emailOf('alice') },
      { value: org.ids.pat, display: org.emailOf('pat') },
    ]);
    assert.deepEqual(red.meta, { resourceType: 'Group', location: `${h.config.publicUrl}${base}/Groups/${org.teams.red}` });
    assert.equal('externalId' in red, false);

    const page = await h.request<ListBody>(token, 'GET', `${base}/Groups?startIndex=2&count=1`);
    assertScimListResponse('Group', page.body);
    assert.deepEqual([page.body.totalResults, page.body.startIndex, page.body.itemsPerPage], [3, 2, 1]);
    assert.equal(page.body.Resources[0]!.displayName, 'blue');
    // RFC 7644 §3.4.2.4: startIndex < 1 is 1, count < 0 is 0, and the count is capped at 100.
    const lenient = await h.request<ListBody>(token, 'GET', `${base}/Groups?startIndex=0&count=-3`);
    assert.equal(lenient.status, 200);
    assertScimListResponse('Group', lenient.body);
    assert.deepEqual([lenient.body.totalResults, lenient.body.startIndex, lenient.body.itemsPerPage], [3, 1, 0]);
    const many = await h.request<ListBody>(token, 'GET', `${base}/Groups?count=1000`);
    assert.equal(many.body.itemsPerPage, 3);
    const beyond = await h.request<ListBody>(token, 'GET', `${base}/Groups?startIndex=10`);
    assertScimListResponse('Group', beyond.body);
    assert.deepEqual([beyond.body.totalResults, beyond.body.Resources.length], [3, 0]);
  });

  it('filters by displayName (slugified, as Sentry), externalId, id and members.value; other attributes are invalidFilter', async () => {
    const { org, token, base } = await scimOrg(h, { members: withoutRed, teams: ['team-a', 'blue'] });
    const filtered = async (filter: string) => {
      const response = await h.request<ListBody>(token, 'GET', `${base}/Groups?filter=${encodeURIComponent(filter)}`);
      assert.equal(response.status, 200, JSON.stringify(response.body));
      assertScimListResponse('Group', response.body);
      return response.body.Resources.map((group) => group.id);
    };
    assert.deepEqual(await filtered('displayName eq "Team A"'), [org.teams['team-a']]);
    assert.deepEqual(await filtered('DISPLAYNAME eq "TEAM-A"'), [org.teams['team-a']]);
    assert.deepEqual(await filtered('displayName eq "nobody"'), []);
    assert.deepEqual(await filtered(`id eq "${org.teams.blue}"`), [org.teams.blue]);
    assert.deepEqual(await filtered('id eq "abc"'), []);
    await h.database.db.updateTable('teams').set({ external_id: 'okta-7' }).where('id', '=', org.teams.blue!).execute();
    assert.deepEqual(await filtered('externalId eq "okta-7"'), [org.teams.blue]);
    assert.deepEqual(await filtered('externalId eq "OKTA-7"'), [], 'externalId is caseExact');
    await h.request(org.tokens.owner!, 'POST', `/api/0/organizations/${org.slug}/members/${org.ids.bob}/teams/blue/`);
    assert.deepEqual(await filtered(`members[value eq "${org.ids.bob}"]`), [org.teams.blue]);
    assert.deepEqual(await filtered(`members.value eq "${org.ids.bob}" or displayName eq "team-a"`), [org.teams['team-a'], org.teams.blue]);
    assertRefusal(await h.request(token, 'GET', `${base}/Groups?filter=${encodeURIComponent('meta.created gt "2020"')}`), 400, 'invalidFilter', /meta\.created/);
    assertRefusal(await h.request(token, 'GET', `${base}/Groups?filter=${encodeURIComponent('displayName eq')}`), 400, 'invalidFilter');
  });

  it('honours excludedAttributes and attributes: members left out (the key absent, not null) or only what was asked', async () => {
    const { org, token, base } = await scimOrg(h, { members: people, teams: ['red'] });
    const entra = await h.request<ListBody>(token, 'GET', `${base}/Groups?excludedAttributes=members&filter=${encodeURIComponent('displayName eq "red"')}`);
    assertScimListResponse('Group', entra.body);
    assert.deepEqual(Object.keys(entra.body.Resources[0]!).sort(), ['displayName', 'id', 'meta', 'schemas']);
    const one = await h.request<GroupBody>(token, 'GET', `${base}/Groups/${org.teams.red}?excludedAttributes=members`);
    assert.equal(one.status, 200);
    assertScimResource('Group', one.body);
    assert.equal('members' in one.body, false);
    const only = await h.request<GroupBody>(token, 'GET', `${base}/Groups/${org.teams.red}?attributes=members.value`);
    assert.equal(only.status, 200);
    assert.deepEqual(Object.keys(only.body).sort(), ['id', 'members', 'meta', 'schemas']);
    assert.deepEqual(only.body.members, [{ value: org.ids.alice }, { value: org.ids.pat }]);
    const named = await h.request<GroupBody>(token, 'GET', `${base}/Groups/${org.teams.red}?attributes=urn:ietf:params:scim:schemas:core:2.0:Group:displayName`);
    assert.deepEqual(Object.keys(named.body).sort(), ['displayName', 'id', 'meta', 'schemas']);
  });

  it('reads one group by numeric id; unknown, deleted or another organization\'s → 404 "Group not found."', async () => {
    const { org, token, base } = await scimOrg(h, { members: people, teams: ['red', 'gone'] });
    const other = await scimOrg(h, { teams: ['theirs'] });
    const red = await h.request<GroupBody>(token, 'GET', `${base}/Groups/${org.teams.red}`);
    assert.equal(red.status, 200);
    assertScimResource('Group', red.body);
    assert.equal(red.body.displayName, 'red');
    await h.request(org.tokens.owner!, 'DELETE', `/api/0/teams/${org.slug}/gone/`);
    assertRefusal(await h.request(token, 'GET', `${base}/Groups/${org.teams.gone}`), 404, undefined, 'Group not found.');
    assertRefusal(await h.request(token, 'GET', `${base}/Groups/${other.org.teams.theirs}`), 404, undefined, 'Group not found.');
    assertRefusal(await h.request(token, 'GET', `${base}/Groups/red`), 404, undefined);
    assertRefusal(await h.request(token, 'PUT', `${base}/Groups/${org.teams.red}`, { displayName: 'x' }), 405, undefined);
  });

  it('POST provisions an IdP-managed team: name as sent, slug slugified, externalId kept, members ignored, audited as the IdP', async () => {
    const { org, token, base } = await scimOrg(h, { members: withoutRed });
    const created = await h.request<GroupBody>(token, 'POST', `${base}/Groups`, {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: 'Site Reliability',
      externalId: '00g1',
      members: [{ value: org.ids.alice }],
      unknownAttribute: { nested: true },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assertScimResource('Group', created.body);
    assert.deepEqual({ ...created.body, id: 'x', meta: null }, {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      id: 'x',
      displayName: 'Site Reliability',
      externalId: '00g1',
      members: [],
      meta: null,
    });
    assert.equal(created.headers.location, `${h.config.publicUrl}${base}/Groups/${created.body.id}`);
    const team = await readTeam(h, org, 'site-reliability');
    assert.equal(team.status, 200);
    assert.deepEqual([team.body.id, team.body.name, team.body.flags['idp:provisioned']], [created.body.id, 'Site Reliability', true]);
    assert.deepEqual(await teamMemberIds(h, org, 'site-reliability'), []);
    const entries = await auditEntries(h, org.id, AUDIT_EVENTS.TEAM_ADD.id);
    assert.deepEqual(
      entries.map((entry) => [entry.actor_label, entry.actor_id, (entry.data as { slug: string }).slug]),
      [[SCIM_ACTOR_NAME, null, 'site-reliability']],
    );
  });

  it('POST refusals: displayName missing, blank or not a string → 400 invalidValue; an all-digit slug → 400; a taken slug → 409 uniqueness', async () => {
    const { token, base } = await scimOrg(h, { teams: ['platform'] });
    assertRefusal(await h.request(token, 'POST', `${base}/Groups`, { members: [] }), 400, 'invalidValue', /displayName/);
    assertRefusal(await h.request(token, 'POST', `${base}/Groups`, { displayName: '  ' }), 400, 'invalidValue', /displayName/);
    assertRefusal(await h.request(token, 'POST', `${base}/Groups`, { displayName: 7 }), 400, 'invalidValue', /displayName/);
    assertRefusal(await h.request(token, 'POST', `${base}/Groups`, { displayName: '2024' }), 400, 'invalidValue', /slug/);
    assertRefusal(await h.request(token, 'POST', `${base}/Groups`, { displayName: 'Platform' }), 409, 'uniqueness', 'A team with this slug already exists.');
    assertRefusal(await h.request(token, 'POST', `${base}/Groups`, { displayName: 'ok', externalId: 5 }), 400, 'invalidValue', /externalId/);
  });

  it('PATCH refusals change nothing: an unknown member → 404 "User not found.", an unsupported path → 400 invalidPath, a taken slug → 409', async () => {
    const { org, token, base } = await scimOrg(h, { members: people, teams: ['red', 'blue'] });
    const other = await scimOrg(h, { members: { owner: { role: 'owner' }, stranger: { role: 'member' } } });
    const patch = (operations: unknown[]) => h.request(token, 'PATCH', `${base}/Groups/${org.teams.red}`, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: operations });
    const before = await teamMemberIds(h, org, 'red');
    assertRefusal(
      await patch([
        { op: 'add', path: 'members', value: [{ value: org.ids.bob }] },
        { op: 'add', path: 'members', value: [{ value: other.org.ids.stranger }] },
      ]),
      404,
      undefined,
      'User not found.',
    );
    assertRefusal(await patch([{ op: 'remove', path: 'members', value: [{ value: '999999999' }] }]), 404, undefined, 'User not found.');
    assertRefusal(await patch([{ op: 'replace', path: 'description', value: 'x' }]), 400, 'invalidPath', 'Invalid Replace attr. Only displayName and members supported.');
    assertRefusal(await patch([{ op: 'add', path: 'owners', value: 'x' }]), 400, 'invalidPath');
    assertRefusal(await patch([{ op: 'remove' }]), 400, 'noTarget');
    assertRefusal(await patch([{ op: 'move', path: 'members' }]), 400, 'invalidValue');
    assertRefusal(await patch([{ op: 'replace', path: 'displayName', value: 'Blue' }]), 409, 'uniqueness', 'The slug "blue" is already in use.');
    assertRefusal(await patch([{ op: 'replace', path: 'displayName', value: '123' }]), 400, 'invalidValue', /slug/);
    const malformed = await h.app.inject({
      method: 'PATCH',
      url: `${base}/Groups/${org.teams.red}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
      payload: '{"Operations": [',
    });
    assertRefusal({ status: malformed.statusCode, body: malformed.json() }, 400, 'invalidSyntax');
    assertRefusal(await h.request(token, 'PATCH', `${base}/Groups/999999999`, { Operations: [] }), 404, undefined, 'Group not found.');
    assert.deepEqual(await teamMemberIds(h, org, 'red'), before);
    const team = await readTeam(h, org, 'red');
    assert.deepEqual([team.body.name, team.body.flags['idp:provisioned']], ['red', false], 'a refused PATCH leaves the team as it was');
    assert.deepEqual(await auditEntries(h, org.id, AUDIT_EVENTS.MEMBER_JOIN_TEAM.id), []);
  });

  it('PATCH: adding a member already there and removing one who is not are no-ops; replace members audits every leave and join', async () => {
    const { org, token, base } = await scimOrg(h, { members: people, teams: ['red'] });
    const patch = (operations: unknown[]) => h.request(token, 'PATCH', `${base}/Groups/${org.teams.red}`, { Operations: operations });
    assert.equal((await patch([{ op: 'add', path: 'members', value: [{ value: org.ids.alice }] }, { op: 'remove', path: 'members', value: [{ value: org.ids.bob }] }])).status, 204);
    assert.deepEqual(await auditEntries(h, org.id, AUDIT_EVENTS.MEMBER_JOIN_TEAM.id), []);
    assert.deepEqual(await auditEntries(h, org.id, AUDIT_EVENTS.MEMBER_LEAVE_TEAM.id), []);
    assert.equal((await patch([{ op: 'replace', path: 'members', value: [{ value: org.ids.bob }, { value: org.ids.pat }] }])).status, 204);
    assert.deepEqual(await teamMemberIds(h, org, 'red'), [org.ids.bob, org.ids.pat].sort((a, b) => Number(a) - Number(b)));
    const left = (await auditEntries(h, org.id, AUDIT_EVENTS.MEMBER_LEAVE_TEAM.id)).map((entry) => (entry.data as { member_id: string }).member_id);
    const joined = (await auditEntries(h, org.id, AUDIT_EVENTS.MEMBER_JOIN_TEAM.id)).map((entry) => (entry.data as { member_id: string }).member_id);
    assert.deepEqual([left, joined], [[org.ids.alice], [org.ids.bob]]);
    // RFC: remove of members with neither value nor filter removes every member, each audited.
    assert.equal((await patch([{ op: 'remove', path: 'members' }])).status, 204);
    assert.deepEqual(await teamMemberIds(h, org, 'red'), []);
    assert.equal((await auditEntries(h, org.id, AUDIT_EVENTS.MEMBER_LEAVE_TEAM.id)).length, 3);
    const team = await readTeam(h, org, 'red');
    assert.equal(team.body.flags['idp:provisioned'], true, 'a team the identity provider touched is its own');
  });

  it('DELETE deletes the IdP-managed team (the lock lifted), audited; then 404; the team API refuses what SCIM manages', async () => {
    const { org, token, base } = await scimOrg(h, { members: withoutRed });
    const created = await h.request<GroupBody>(token, 'POST', `${base}/Groups`, { displayName: 'Ops' });
    const teamApi = `/api/0/teams/${org.slug}/ops/`;
    const idpTeam = "This team is managed through your organization's identity provider.";
    const refusals = [
      await h.request(org.tokens.owner!, 'PUT', teamApi, { name: 'Renamed' }),
      await h.request(org.tokens.owner!, 'DELETE', teamApi),
      await h.request(org.tokens.owner!, 'POST', `/api/0/organizations/${org.slug}/members/${org.ids.bob}/teams/ops/`),
    ];
    for (const refused of refusals) assert.deepEqual([refused.status, refused.body], [403, { detail: idpTeam }]);
    await h.request(token, 'PATCH', `${base}/Groups/${created.body.id}`, { Operations: [{ op: 'add', path: 'members', value: [{ value: org.ids.alice }] }] });
    const leave = await h.request(org.tokens.owner!, 'DELETE', `/api/0/organizations/${org.slug}/members/${org.ids.alice}/teams/ops/`);
    assert.deepEqual([leave.status, leave.body], [403, { detail: idpTeam }]);
    const deleted = await h.request(token, 'DELETE', `${base}/Groups/${created.body.id}`);
    assert.equal(deleted.status, 204);
    assert.equal((await readTeam(h, org, 'ops')).status, 404);
    assertRefusal(await h.request(token, 'GET', `${base}/Groups/${created.body.id}`), 404, undefined, 'Group not found.');
    assertRefusal(await h.request(token, 'DELETE', `${base}/Groups/${created.body.id}`), 404, undefined, 'Group not found.');
    const removals = await auditEntries(h, org.id, AUDIT_EVENTS.TEAM_REMOVE.id);
    assert.equal(removals.length, 1);
    // The slug is free again: the identity provider can push a group of that name anew.
    assert.equal((await h.request(token, 'POST', `${base}/Groups`, { displayName: 'Ops' })).status, 201);
  });

  it('a member token needs the team scopes; an organization without SCIM is a 403', async () => {
    const { org, base } = await scimOrg(h, { members: people, teams: ['red'], tokens: { reader: ['owner', ['team:read']] } });
    const list = await h.request<ListBody>(org.tokens.reader!, 'GET', `${base}/Groups`);
    assert.equal(list.status, 200);
    assertRefusal(await h.request(org.tokens.reader!, 'POST', `${base}/Groups`, { displayName: 'x' }), 403, undefined);
    await h.request(org.tokens.owner!, 'PUT', `/api/0/organizations/${org.slug}/auth-provider/`, { scim_enabled: false });
    assertRefusal(await h.request(org.tokens.owner!, 'GET', `${base}/Groups`), 403, undefined);
  });
});
