import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.js';
import { scimClient, scimOrg } from '../helpers/scim-users.js';

/**
 * A SCIM role sync keeps issue 5's invariant: no team role stored at or below the minimum the new org
 * role implies (the member API's role change clears them the same way). Found by the model-based
 * fuzzing: a member who was team admin of a team, synced to manager, still stored team admin.
 */
describe('SCIM role sync and team roles', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
  });
  after(() => h.close());

  it('PUT sentryOrgRole manager on a team admin and contributor stores no team role: a manager implies both', async () => {
    const { org, token } = await scimOrg(h, {
      teams: ['red', 'blue'],
      members: {
        owner: { role: 'owner' },
        dana: { role: 'member', teams: [{ slug: 'red', role: 'admin' }, { slug: 'blue', role: 'contributor' }] },
      },
    });
    const scim = scimClient(h, org, token);
    const synced = await scim.user('PUT', `/Users/${org.ids.dana}`, { userName: org.emailOf('dana'), active: true, sentryOrgRole: 'manager' });
    assert.equal(synced.status, 200, JSON.stringify(synced.body));
    assert.equal(synced.body.sentryOrgRole, 'manager');
    const read = await h.request<{ orgRole: string; teamRoles: Array<{ teamSlug: string; role: string | null }> }>(org.tokens.owner!, 'GET', org.memberUrl('dana'));
    assert.equal(read.body.orgRole, 'manager');
    const stored = await h.database.db
      .selectFrom('member_teams as mt')
      .innerJoin('teams as t', 't.id', 'mt.team_id')
      .select(['t.slug', 'mt.role'])
      .where('mt.member_id', '=', org.ids.dana!)
      .orderBy('t.slug')
      .execute();
    // A manager is team admin everywhere: both stored roles are implied, so both are null now.
    assert.deepEqual(stored, [
      { slug: 'blue', role: null },
      { slug: 'red', role: null },
    ]);
  });

  it('a sync that leaves the role as it is (an owner) changes no team role', async () => {
    const { org, token } = await scimOrg(h, { teams: ['red'], members: { owner: { role: 'owner' }, olga: { role: 'owner', teams: ['red'] } } });
    const scim = scimClient(h, org, token);
    const synced = await scim.user('PUT', `/Users/${org.ids.olga}`, { userName: org.emailOf('olga'), active: true, sentryOrgRole: 'member' });
    assert.equal(synced.status, 200, JSON.stringify(synced.body));
    assert.equal(synced.body.sentryOrgRole, 'owner');
  });
});
