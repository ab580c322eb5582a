import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { ManualClock } from '../../src/platform/lib/clock.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { buildOrg, orgState } from '../helpers/org-factory.js';

const LIMITED = { detail: 'You are being rate limited for too many invitations.' };

/**
 * Issue 5 / sentry-behavior.md §5.2 step 5: the invite limits (100 a day per organization, 100 per
 * inviter, 10 per address) hold across processes. Two apps with their own connection pools and their
 * own clocks (two `roster serve` processes' worth) share one PostgreSQL schema, and requests to both
 * are in flight at once: between them they get exactly the limit.
 */
describe('invite rate limits hold across processes (two apps on one PostgreSQL schema)', () => {
  let h: Harness;
  let apps: FastifyInstance[];
  before(async () => {
    h = await createHarness();
    // Its own clock, as another process has.
    apps = [h.app, await h.anotherApp({ clock: new ManualClock(h.clock.now()) })];
  });
  after(() => h.close());

  const invite = (app: FastifyInstance, token: string, slug: string, body: unknown) =>
    app.inject({ method: 'POST', url: `/api/0/organizations/${slug}/members/`, headers: { authorization: `Bearer ${token}` }, payload: body as object });

  it('§5.2 step 5: 120 concurrent invites of one organization through two apps: exactly 100 are made, 20 are 429s that change nothing', async () => {
    // Two owners, so that the per-inviter limit (also 100) is not what stops them.
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, other: { role: 'owner' } } });
    const responses = await Promise.all(
      Array.from({ length: 120 }, (_, i) => invite(apps[i % 2]!, i % 4 < 2 ? org.tokens.owner! : org.tokens.other!, org.slug, { email: `person-${i}@example.com` })),
    );
    const statuses = responses.map((response) => response.statusCode);
    assert.equal(statuses.filter((status) => status === 201).length, 100, statuses.join(','));
    assert.equal(statuses.filter((status) => status === 429).length, 20, statuses.join(','));
    for (const response of responses.filter((r) => r.statusCode === 429)) assert.deepEqual(JSON.parse(response.body), LIMITED);
    const state = await orgState(h, org.id);
    assert.equal(state.members.filter((member) => member.user_id === null).length, 100);
    assert.equal(state.outbox.length, 100);
  });

  it('§5.2 step 5: the 10-a-day limit per address counts invites made through either app (invite, withdraw, invite again)', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' } } });
    const email = 'again-and-again@example.com';
    for (let round = 0; round < 10; round++) {
      const made = await invite(apps[round % 2]!, org.tokens.owner!, org.slug, { email });
      assert.equal(made.statusCode, 201, made.body);
      const withdrawn = await apps[(round + 1) % 2]!.inject({
        method: 'DELETE',
        url: `/api/0/organizations/${org.slug}/members/${JSON.parse(made.body).id}/`,
        headers: { authorization: `Bearer ${org.tokens.owner}` },
      });
      assert.equal(withdrawn.statusCode, 204);
    }
    for (const app of apps) {
      const refused = await invite(app, org.tokens.owner!, org.slug, { email });
      assert.equal(refused.statusCode, 429);
      assert.deepEqual(JSON.parse(refused.body), LIMITED);
    }
  });
});
