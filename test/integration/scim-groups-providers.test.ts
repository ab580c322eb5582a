import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AUDIT_EVENTS } from '../../src/audit/audit-events.js';
import { SCIM_ACTOR_NAME } from '../../src/scim/scim-context.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { auditEntries } from '../helpers/org-factory.js';
import { assertRefusal, readTeam, scimOrg, teamMemberIds, type GroupBody } from '../helpers/scim-groups.js';
import { assertScimListResponse, assertScimResource } from '../helpers/scim-schemas.js';

/**
 * Issue 16: the Groups request sequences Okta (spec scim.md §2.2) and Microsoft Entra ID (§2.3, both
 * PATCH dialects) send, each answer checked against the RFC schemas, and the resulting team and its
 * members read back through Roster's own API.
 */
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const byId = (ids: Array<string | undefined>) => ids.map(String).sort((a, b) => Number(a) - Number(b));

describe('SCIM Groups: what Okta and Entra send (issue 16)', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
  });
  after(() => h.close());

  const people = { owner: { role: 'owner' }, ann: { role: 'member' }, ben: { role: 'member' }, cid: { role: 'admin' }, dee: { role: 'member', pending: true } } as const;

  it('Okta group push: POST with empty members, PATCH remove by filter + add list + pathless rename in one request, replace members, DELETE', async () => {
    const { org, token, base } = await scimOrg(h, { members: people });
    const pushed = await h.request<GroupBody>(token, 'POST', `${base}/Groups`, { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Engineering', members: [] });
    assert.equal(pushed.status, 201);
    assertScimResource('Group', pushed.body);
    const id = pushed.body.id;
    const patch = (operations: unknown[]) => h.request(token, 'PATCH', `${base}/Groups/${id}`, { schemas: [PATCH_OP], Operations: operations });

    const first = await patch([
      { op: 'replace', value: { id, displayName: 'Engineering' } },
      { op: 'add', path: 'members', value: [{ value: org.ids.ann, display: org.emailOf('ann') }, { value: org.ids.ben, display: org.emailOf('ben') }] },
    ]);
    assert.deepEqual([first.status, first.body], [204, '']);
    assert.deepEqual(await teamMemberIds(h, org, 'engineering'), byId([org.ids.ann, org.ids.ben]));

    const second = await patch([
      { op: 'remove', path: `members[value eq "${org.ids.ann}"]` },
      { op: 'add', path: 'members', value: [{ value: org.ids.cid }, { value: org.ids.dee }] },
      { op: 'replace', value: { id, displayName: 'Platform Engineering' } },
    ]);
    assert.equal(second.status, 204);
    const renamed = await readTeam(h, org, 'platform-engineering');
    assert.equal(renamed.status, 200);
    assert.deepEqual([renamed.body.id, renamed.body.name, renamed.body.flags['idp:provisioned']], [id, 'Platform Engineering', true]);
    assert.deepEqual(await teamMemberIds(h, org, 'platform-engineering'), byId([org.ids.ben, org.ids.cid, org.ids.dee]));

    const replaced = await patch([
      { op: 'replace', path: 'members', value: [{ value: org.ids.ann }, { value: org.ids.ben }] },
      { op: 'replace', value: { id, displayName: 'Platform Engineering' } },
    ]);
    assert.equal(replaced.status, 204);
    assert.deepEqual(await teamMemberIds(h, org, 'platform-engineering'), byId([org.ids.ann, org.ids.ben]));

    const read = await h.request<GroupBody>(token, 'GET', `${base}/Groups/${id}`);
    assertScimResource('Group', read.body);
    assert.deepEqual(read.body.members?.map((member) => member.value), byId([org.ids.ann, org.ids.ben]));
    assert.equal(read.body.displayName, 'Platform Engineering');

    // Import: pages of count=100 from startIndex=1.
    const page = await h.request(token, 'GET', `${base}/Groups?startIndex=1&count=100`);
    assertScimListResponse('Group', page.body);

    const joins = await auditEntries(h, org.id, AUDIT_EVENTS.MEMBER_JOIN_TEAM.id);
    const leaves = await auditEntries(h, org.id, AUDIT_EVENTS.MEMBER_LEAVE_TEAM.id);
    assert.deepEqual([joins.length, leaves.length], [5, 3]);
    assert.ok([...joins, ...leaves].every((entry) => entry.actor_label === SCIM_ACTOR_NAME && entry.actor_id === null));
    assert.equal((await auditEntries(h, org.id, AUDIT_EVENTS.TEAM_EDIT.id)).length, 1, 'only the real rename is an edit');

    const unlinked = await h.request(token, 'DELETE', `${base}/Groups/${id}`);
    assert.equal(unlinked.status, 204);
    assert.equal((await readTeam(h, org, 'platform-engineering')).status, 404);
  });

  it('Entra (default dialect): displayName filter without members, Add with $ref null, a Remove value list removes all listed, Replace displayName → 204', async () => {
    const { org, token, base } = await scimOrg(h, { members: people });
    const lookup = await h.request<{ totalResults: number }>(token, 'GET', `${base}/Groups?excludedAttributes=members&filter=${encodeURIComponent('displayName eq "Sales EMEA"')}`);
    assertScimListResponse('Group', lookup.body);
    assert.equal(lookup.body.totalResults, 0);
    const created = await h.request<GroupBody>(token, 'POST', `${base}/Groups`, {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group', 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/Group'],
      externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
      displayName: 'Sales EMEA',
      members: [],
    });
    assert.equal(created.status, 201);
    const id = created.body.id;
    const found = await h.request<{ Resources: GroupBody[] }>(token, 'GET', `${base}/Groups?excludedAttributes=members&filter=${encodeURIComponent('displayName eq "Sales EMEA"')}`);
    assertScimListResponse('Group', found.body);
    assert.deepEqual(found.body.Resources.map((group) => [group.id, 'members' in group]), [[id, false]]);
    const byExternalId = await h.request<{ Resources: GroupBody[] }>(token, 'GET', `${base}/Groups?filter=${encodeURIComponent('externalId eq "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159"')}`);
    assert.deepEqual(byExternalId.body.Resources.map((group) => group.id), [id]);

    const patch = (operations: unknown[]) => h.request(token, 'PATCH', `${base}/Groups/${id}`, { schemas: [PATCH_OP], Operations: operations });
    const add = await patch([{ op: 'Add', path: 'members', value: [{ $ref: null, value: org.ids.ann }, { $ref: null, value: org.ids.ben }, { $ref: null, value: org.ids.cid }] }]);
    assert.equal(add.status, 204);
    assert.deepEqual(await teamMemberIds(h, org, 'sales-emea'), byId([org.ids.ann, org.ids.ben, org.ids.cid]));
    const remove = await patch([{ op: 'Remove', path: 'members', value: [{ value: org.ids.ann }, { value: org.ids.cid }] }]);
    assert.equal(remove.status, 204);
    assert.deepEqual(await teamMemberIds(h, org, 'sales-emea'), [org.ids.ben], 'every listed member is removed (Sentry removed only the first)');
    const rename = await patch([{ op: 'Replace', path: 'displayName', value: 'Sales Europe' }]);
    assert.deepEqual([rename.status, rename.body], [204, '']);
    const team = await readTeam(h, org, id);
    assert.deepEqual([team.body.name, team.body.slug], ['Sales Europe', 'sales-europe']);
    // Matched again after the rename by its externalId, which the rename kept.
    const again = await h.request<{ Resources: GroupBody[] }>(token, 'GET', `${base}/Groups?filter=${encodeURIComponent('externalId eq "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159"')}`);
    assert.deepEqual(again.body.Resources.map((group) => group.displayName), ['Sales Europe']);
  });

  it('Entra with aadOptscim062020: lower-case ops and the members[value eq] remove', async () => {
    const { org, token, base } = await scimOrg(h, { members: people });
    const created = await h.request<GroupBody>(token, 'POST', `${base}/Groups`, { displayName: 'Support', externalId: 'g-2' });
    const id = created.body.id;
    const patch = (operations: unknown[]) => h.request(token, 'PATCH', `${base}/Groups/${id}`, { schemas: [PATCH_OP], Operations: operations });
    assert.equal((await patch([{ op: 'add', path: 'members', value: [{ value: org.ids.ann }, { value: org.ids.dee }] }])).status, 204);
    assert.equal((await patch([{ op: 'remove', path: `members[value eq "${org.ids.dee}"]` }])).status, 204);
    assert.deepEqual(await teamMemberIds(h, org, 'support'), [org.ids.ann]);
    assert.equal((await patch([{ op: 'replace', path: 'externalId', value: 'g-3' }])).status, 204);
    const read = await h.request<GroupBody>(token, 'GET', `${base}/Groups/${id}`);
    assertScimResource('Group', read.body);
    assert.equal(read.body.externalId, 'g-3');
    // Removing a member of the organization who is not on the team is no change; an unknown one is 404.
    assert.equal((await patch([{ op: 'remove', path: `members[value eq "${org.ids.ben}"]` }])).status, 204);
    assertRefusal(await patch([{ op: 'remove', path: 'members[value eq "987654321"]' }]), 404, undefined, 'User not found.');
    assertRefusal(await patch([{ op: 'remove', path: 'members[display eq "x"]' }]), 400, 'invalidPath');
  });
});
