import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { createHarness, type Harness } from '../helpers/harness.js';
import { buildOrg, teamRolesOf, type BuiltOrg } from '../helpers/org-factory.js';

/**
 * Races that really race: three apps, each with its own connection pool on one PostgreSQL schema
 * (as three processes would be), send conflicting requests at once, many times over. The invariants
 * of decisions.md items 10–11 must hold whatever the interleaving, and no answer may be a 500.
 */
describe('member edits under concurrency (PostgreSQL)', () => {
  const ROUNDS = 15;
  let h: Harness;
  let apps: FastifyInstance[];

  before(async () => {
    h = await createHarness();
    apps = [h.app];
    for (let i = 0; i < 2; i++) apps.push(await h.anotherApp({ poolSize: 5 }));
  });
  after(() => h.close());

  async function send(appIndex: number, token: string, method: 'PUT' | 'DELETE', url: string, body?: unknown) {
    const response = await apps[appIndex % apps.length]!.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    assert.ok(response.statusCode < 500, `${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.statusCode;
  }

  async function activeOwners(org: BuiltOrg): Promise<number> {
    const rows = await h.database.db
      .selectFrom('members')
      .select('id')
      .where('organization_id', '=', org.id)
      .where('role', '=', 'owner')
      .where('user_id', 'is not', null)
      .execute();
    return rows.length;
  }

  const twoOwners = () => buildOrg(h, { members: { a: { role: 'owner' }, b: { role: 'owner' }, mel: { role: 'member' } } });

  it('decisions item 10 / §12 item 13: two owners demoting each other at once leave exactly one owner', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const org = await twoOwners();
      const statuses = await Promise.all([
        send(0, org.tokens.a!, 'PUT', org.memberUrl('b'), { orgRole: round % 2 ? 'member' : 'manager' }),
        send(1, org.tokens.b!, 'PUT', org.memberUrl('a'), { orgRole: 'manager' }),
      ]);
      // The loser is no longer an owner when its turn comes: a manager may not touch an owner (403),
      // a member may not set roles at all (400).
      const [won, lost] = statuses.sort();
      assert.equal(won, 200, `round ${round}`);
      assert.ok(lost === 403 || lost === 400, `round ${round}: ${lost}`);
      assert.equal(await activeOwners(org), 1, `round ${round}`);
    }
  });

  it('decisions item 10 / §12 item 13: two owners removing each other at once leave exactly one owner', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const org = await twoOwners();
      const statuses = await Promise.all([
        send(0, org.tokens.a!, 'DELETE', org.memberUrl('b')),
        send(1, org.tokens.b!, 'DELETE', org.memberUrl('a')),
      ]);
      // The loser is no longer a member by the time its turn comes.
      assert.deepEqual(statuses.sort(), [204, 404], `round ${round}`);
      assert.equal(await activeOwners(org), 1, `round ${round}`);
    }
  });

  it('decisions item 10: two owners leaving at once leave exactly one owner', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const org = await twoOwners();
      const statuses = await Promise.all([
        send(0, org.tokens.a!, 'DELETE', org.memberUrl('me')),
        send(1, org.tokens.b!, 'DELETE', org.memberUrl('me')),
      ]);
      assert.deepEqual(statuses.sort(), [204, 403], `round ${round}`);
      assert.equal(await activeOwners(org), 1, `round ${round}`);
    }
  });

  it('decisions item 10: one owner leaving while the other demotes it leaves exactly one owner', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const org = await twoOwners();
      await Promise.all([
        send(0, org.tokens.a!, 'DELETE', org.memberUrl('me')),
        send(1, org.tokens.b!, 'PUT', org.memberUrl('a'), { orgRole: 'member' }),
        send(2, org.tokens.a!, 'PUT', org.memberUrl('b'), { orgRole: 'member' }),
      ]);
      assert.equal(await activeOwners(org), 1, `round ${round}`);
    }
  });

  it('§5.4 step 10 / decisions fix 3: concurrent PUTs of different team lists end with exactly one of the lists', async () => {
    const lists = [['t1', 't2', 't3'], ['t4', 't5'], ['t1', 't6'], []];
    for (let round = 0; round < ROUNDS; round++) {
      const org = await buildOrg(h, {
        teams: ['t1', 't2', 't3', 't4', 't5', 't6'],
        members: { owner: { role: 'owner' }, alice: { role: 'member', teams: ['t2', 't5'] } },
      });
      const statuses = await Promise.all(
        lists.map((teams, i) => send(i, org.tokens.owner!, 'PUT', org.memberUrl('alice'), { teamRoles: teams.map((teamSlug) => ({ teamSlug, role: i === 2 ? 'admin' : null })) })),
      );
      assert.deepEqual(statuses, [200, 200, 200, 200]);
      const final = Object.keys(await teamRolesOf(h, org.id, org.ids.alice!));
      assert.ok(lists.some((list) => JSON.stringify(list) === JSON.stringify(final)), `round ${round}: a mix ${JSON.stringify(final)}`);
    }
  });

  it('decisions item 11: team edits, role changes, resends and removals on one member at once never deadlock or 500', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const org = await buildOrg(h, {
        authProvider: { provider: 'saml2' },
        teams: ['t1', 't2', 't3'],
        members: {
          owner: { role: 'owner' },
          other: { role: 'owner' },
          alice: { role: 'member', teams: ['t1'] },
          bob: { role: 'member', teams: ['t2'] },
          invitee: { role: 'member', pending: true, invitedBy: 'alice' },
        },
      });
      await Promise.all([
        send(0, org.tokens.owner!, 'PUT', org.memberUrl('alice'), { teams: ['t2', 't3'] }),
        send(1, org.tokens.other!, 'PUT', org.memberUrl('alice'), { orgRole: 'manager' }),
        send(2, org.tokens.owner!, 'PUT', org.memberUrl('alice'), { reinvite: true }),
        send(0, org.tokens.other!, 'DELETE', org.memberUrl('alice')),
        send(1, org.tokens.owner!, 'PUT', org.memberUrl('bob'), { teamRoles: [{ teamSlug: 't1', role: 'admin' }] }),
        send(2, org.tokens.other!, 'PUT', org.memberUrl('invitee'), { reinvite: true }),
      ]);
      assert.equal(await activeOwners(org), 2, `round ${round}`);
    }
  });
});
