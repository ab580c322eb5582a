import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IDP_MANAGED_TEAM } from '../../src/access/idp-managed.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { buildOrg, type BuiltOrg } from '../helpers/org-factory.js';

/**
 * Issue 16: who is on a team the identity provider manages (`idp:provisioned`) changes through SCIM
 * only. The member API's team list (PUT teamRoles / teams) and invites refuse to put someone on such a
 * team or take them off it, with Sentry's text; roles on the teams a member keeps may still change.
 */
describe('teams the identity provider manages: membership changes only through SCIM (issue 16)', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
  });
  after(() => h.close());

  async function orgWithManagedTeam(): Promise<BuiltOrg> {
    const org = await buildOrg(h, {
      members: { owner: { role: 'owner' }, alice: { role: 'member', teams: ['managed', 'plain'] }, bob: { role: 'member', teams: ['plain'] } },
      teams: ['managed', 'plain', 'other'],
    });
    await h.database.db.updateTable('teams').set({ idp_provisioned: true }).where('organization_id', '=', org.id).where('slug', '=', 'managed').execute();
    return org;
  }

  const teamsOf = async (org: BuiltOrg, key: string) =>
    (await h.request(org.tokens.owner!, 'GET', org.memberUrl(key))).body.teams.slice().sort();

  it('refuses to put a member on a managed team through the member API, and changes nothing', async () => {
    const org = await orgWithManagedTeam();
    const answer = await h.request<{ detail: string }>(org.tokens.owner!, 'PUT', org.memberUrl('bob'), { teamRoles: [{ teamSlug: 'plain', role: null }, { teamSlug: 'managed', role: null }] });
    assert.equal(answer.status, 403);
    assert.equal(answer.body.detail, IDP_MANAGED_TEAM);
    assert.deepEqual(await teamsOf(org, 'bob'), ['plain']);
    const legacy = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('bob'), { teams: ['plain', 'managed'] });
    assert.equal(legacy.status, 403);
  });

  it('refuses to take a member off a managed team through the member API', async () => {
    const org = await orgWithManagedTeam();
    const answer = await h.request<{ detail: string }>(org.tokens.owner!, 'PUT', org.memberUrl('alice'), { teamRoles: [{ teamSlug: 'plain', role: null }] });
    assert.equal(answer.status, 403);
    assert.equal(answer.body.detail, IDP_MANAGED_TEAM);
    assert.deepEqual(await teamsOf(org, 'alice'), ['managed', 'plain']);
  });

  it('lets the member API change other teams and team roles while the managed team stays', async () => {
    const org = await orgWithManagedTeam();
    const answer = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('alice'), {
      teamRoles: [{ teamSlug: 'managed', role: 'admin' }, { teamSlug: 'other', role: null }],
    });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.deepEqual(await teamsOf(org, 'alice'), ['managed', 'other']);
  });

  it('refuses an invite onto a managed team, and creates no invite', async () => {
    const org = await orgWithManagedTeam();
    const email = `new-${org.slug}@example.com`;
    const answer = await h.request<{ detail: string }>(org.tokens.owner!, 'POST', `/api/0/organizations/${org.slug}/members/`, { email, orgRole: 'member', teams: ['managed'] });
    assert.equal(answer.status, 403);
    assert.equal(answer.body.detail, IDP_MANAGED_TEAM);
    const invites = await h.database.db.selectFrom('members').select('id').where('organization_id', '=', org.id).where('email', '=', email).execute();
    assert.deepEqual(invites, []);
    const plain = await h.request(org.tokens.owner!, 'POST', `/api/0/organizations/${org.slug}/members/`, { email, orgRole: 'member', teams: ['plain'] });
    assert.equal(plain.status, 201);
  });

  it('refuses the team routes too: add, remove, rename, delete', async () => {
    const org = await orgWithManagedTeam();
    const base = `/api/0/organizations/${org.slug}`;
    assert.equal((await h.request(org.tokens.owner!, 'POST', `${base}/members/${org.ids.bob}/teams/managed/`)).status, 403);
    assert.equal((await h.request(org.tokens.owner!, 'DELETE', `${base}/members/${org.ids.alice}/teams/managed/`)).status, 403);
    assert.equal((await h.request(org.tokens.owner!, 'PUT', `/api/0/teams/${org.slug}/managed/`, { name: 'Renamed' })).status, 403);
    assert.equal((await h.request(org.tokens.owner!, 'DELETE', `/api/0/teams/${org.slug}/managed/`)).status, 403);
    assert.deepEqual(await teamsOf(org, 'alice'), ['managed', 'plain']);
  });
});
