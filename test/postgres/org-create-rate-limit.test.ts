import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { ManualClock } from '../../src/platform/lib/clock.js';
import { ORG_CREATE_LIMITS } from '../../src/organizations/org-create-rate-limit.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { buildOrg } from '../helpers/org-factory.js';

const LIMITED = { detail: 'You are being rate limited for creating too many organizations.' };

/**
 * Issue 13 item 10: creating organizations is limited per account and per address, and the limits
 * hold across processes. Two apps with their own connection pools and clocks share one PostgreSQL
 * schema; requests to both are in flight at once: between them they get exactly the limit.
 */
describe('organization creation limits hold across processes (two apps on one PostgreSQL schema)', () => {
  let h: Harness;
  let apps: FastifyInstance[];
  before(async () => {
    h = await createHarness();
    // Its own clock, as another process has.
    apps = [h.app, await h.anotherApp({ clock: new ManualClock(h.clock.now()) })];
  });
  after(() => h.close());

  const create = (app: FastifyInstance, token: string, name: string, remoteAddress: string) =>
    app.inject({ method: 'POST', url: '/api/0/organizations/', headers: { authorization: `Bearer ${token}` }, payload: { name }, remoteAddress });

  const countOrgs = async (prefix: string) =>
    (await h.database.db.selectFrom('organizations').select('id').where('name', 'like', `${prefix}%`).execute()).length;

  it('per account: 3× its limit at once through two apps (each from its own address): exactly the limit is made, the rest are 429s', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' } } });
    const { limit } = ORG_CREATE_LIMITS.perUser;
    const responses = await Promise.all(
      Array.from({ length: 3 * limit }, (_, i) => create(apps[i % 2]!, org.tokens.owner!, `Per user ${i}`, `198.51.100.${i + 1}`)),
    );
    const statuses = responses.map((response) => response.statusCode);
    assert.equal(statuses.filter((status) => status === 201).length, limit, statuses.join(','));
    assert.equal(statuses.filter((status) => status === 429).length, 2 * limit, statuses.join(','));
    for (const response of responses.filter((r) => r.statusCode === 429)) assert.deepEqual(JSON.parse(response.body), LIMITED);
    assert.equal(await countOrgs('Per user '), limit);
  });

  it('per address: many accounts from one address through two apps: exactly the limit is made', async () => {
    const { limit } = ORG_CREATE_LIMITS.perIp;
    const perPerson = ORG_CREATE_LIMITS.perUser.limit - 1;
    const people = Object.fromEntries(Array.from({ length: Math.ceil((limit * 1.5) / perPerson) }, (_, i) => [`p${i}`, { role: 'member' as const }]));
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, ...people } });
    const tokens = Object.keys(people).map((key) => org.tokens[key]!);
    const requests = tokens.flatMap((token, person) =>
      Array.from({ length: perPerson }, (_, i) => create(apps[(person + i) % 2]!, token, `Per address ${person}-${i}`, '203.0.113.9')),
    );
    const statuses = (await Promise.all(requests)).map((response) => response.statusCode);
    assert.equal(statuses.filter((status) => status === 201).length, limit, statuses.join(','));
    assert.equal(statuses.filter((status) => status === 429).length, requests.length - limit, statuses.join(','));
    assert.equal(await countOrgs('Per address '), limit);
    // Another address is not held back by this one.
    const elsewhere = await create(apps[1]!, org.tokens.owner!, 'Per address elsewhere', '203.0.113.10');
    assert.equal(elsewhere.statusCode, 201, elsewhere.body);
  });
});
