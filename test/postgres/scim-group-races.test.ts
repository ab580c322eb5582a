import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { createHarness, type Harness } from '../helpers/harness.js';
import { scimOrg } from '../helpers/scim-groups.js';

/**
 * Issue 16 on a real PostgreSQL server, two apps on one schema: a SCIM group PATCH adding members
 * races with the removal of one of them through the member API. Either the PATCH saw the member
 * (then the removal waits and its cascade takes the new membership away) or it did not (404 "User
 * not found.", nothing applied); never a 500, never a membership of a member who is gone.
 */
describe('SCIM group PATCH racing member removal (PostgreSQL)', () => {
  let h: Harness;
  let apps: FastifyInstance[];
  before(async () => {
    h = await createHarness();
    apps = [h.app, await h.anotherApp()];
  });
  after(() => h.close());

  it('leaves no orphan membership and answers 204 or 404, never 500', async () => {
    const members = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`m${i}`, { role: 'member' as const }]));
    const { org, token, base } = await scimOrg(h, { members: { owner: { role: 'owner' }, stay: { role: 'member' }, ...members } });
    const group = await h.request<{ id: string }>(token, 'POST', `${base}/Groups`, { displayName: 'Racing' });
    assert.equal(group.status, 201);
    for (let round = 0; round < 8; round++) {
      const leaving = org.ids[`m${round}`]!;
      const [patch, removal] = await Promise.all([
        apps[round % 2]!.inject({
          method: 'PATCH',
          url: `${base}/Groups/${group.body.id}`,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
          payload: JSON.stringify({ Operations: [{ op: 'add', path: 'members', value: [{ value: org.ids.stay }, { value: leaving }] }] }),
        }),
        apps[(round + 1) % 2]!.inject({ method: 'DELETE', url: org.memberUrl(`m${round}`), headers: { authorization: `Bearer ${org.tokens.owner}` } }),
      ]);
      assert.equal(removal.statusCode, 204, removal.body);
      assert.ok([204, 404].includes(patch.statusCode), `PATCH answered ${patch.statusCode}: ${patch.body}`);
      if (patch.statusCode === 404) assert.equal(JSON.parse(patch.body).detail, 'User not found.');
      const orphans = await h.database.db
        .selectFrom('member_teams as mt')
        .leftJoin('members as m', (join) => join.onRef('m.organization_id', '=', 'mt.organization_id').onRef('m.id', '=', 'mt.member_id'))
        .select('mt.member_id')
        .where('mt.organization_id', '=', org.id)
        .where('m.id', 'is', null)
        .execute();
      assert.deepEqual(orphans, []);
      const onTeam = await h.database.db.selectFrom('member_teams').select('member_id').where('team_id', '=', group.body.id).execute();
      assert.ok(!onTeam.some((row) => row.member_id === leaving), 'the removed member is on no team');
    }
  });
});
