import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { createHarness, type Harness } from '../helpers/harness.js';
import { assertScimError, assertScimResource } from '../helpers/scim-schemas.js';
import { scimOrg } from '../helpers/scim-users.js';

/**
 * SCIM Users races on a real PostgreSQL server (issue 16's proof): two apps with their own connection
 * pools, the requests in flight at once, so the transactions really interleave.
 */
describe('SCIM Users races (PostgreSQL, several connections)', () => {
  let h: Harness;
  let apps: FastifyInstance[];
  before(async () => {
    h = await createHarness();
    apps = [h.app, await h.anotherApp()];
  });
  after(() => h.close());

  async function concurrently(requests: Array<{ method: 'POST' | 'PATCH' | 'DELETE'; url: string; body?: unknown }>, token: string) {
    const responses = await Promise.all(
      requests.map((request, i) =>
        apps[i % apps.length]!.inject({
          method: request.method,
          url: request.url,
          headers: { authorization: `Bearer ${token}` },
          ...(request.body === undefined ? {} : { payload: request.body as object }),
        }),
      ),
    );
    return responses.map((response) => ({ status: response.statusCode, body: response.body ? JSON.parse(response.body) : null }));
  }

  it('the same user provisioned twice at once: one member and one 409 uniqueness, never a 500', async () => {
    const { org, token } = await scimOrg(h);
    const url = `/api/0/organizations/${org.slug}/scim/v2/Users`;
    for (let round = 0; round < 5; round++) {
      const email = `race-${round}.${org.slug}@example.com`;
      const responses = await concurrently([0, 1].map(() => ({ method: 'POST' as const, url, body: { userName: email, name: { givenName: 'R', familyName: String(round) } } })), token);
      assert.deepEqual(responses.map((response) => response.status).sort(), [201, 409], JSON.stringify(responses));
      const winner = responses.find((response) => response.status === 201)!;
      const loser = responses.find((response) => response.status === 409)!;
      assertScimResource('User', winner.body);
      assertScimError(loser.body);
      assert.deepEqual([loser.body.scimType, loser.body.detail], ['uniqueness', 'User already exists in the database.']);
      const rows = await h.database.db.selectFrom('members').select('id').where('organization_id', '=', org.id).where('email', '=', email).execute();
      assert.deepEqual(rows.map((row) => row.id), [winner.body.id]);
    }
  });

  it('a deprovision racing with a PATCH of the same member: the member goes, the PATCH is a 200 (first) or a 404 (after), never a 500', async () => {
    const { org, token } = await scimOrg(h, { members: { owner: { role: 'owner' }, alice: { role: 'member', teams: ['red'] } }, teams: ['red'] });
    const url = `/api/0/organizations/${org.slug}/scim/v2/Users/${org.ids.alice}`;
    const responses = await concurrently(
      [
        { method: 'DELETE', url },
        { method: 'PATCH', url, body: { Operations: [{ op: 'replace', path: 'displayName', value: 'Alice' }] } },
      ],
      token,
    );
    assert.equal(responses[0]!.status, 204, JSON.stringify(responses));
    assert.ok([200, 404].includes(responses[1]!.status), JSON.stringify(responses));
    const left = await h.database.db.selectFrom('members').select('id').where('organization_id', '=', org.id).where('id', '=', org.ids.alice!).execute();
    assert.deepEqual(left, []);
    const teams = await h.database.db.selectFrom('member_teams').select('id').where('organization_id', '=', org.id).where('member_id', '=', org.ids.alice!).execute();
    assert.deepEqual(teams, []);
  });
});
