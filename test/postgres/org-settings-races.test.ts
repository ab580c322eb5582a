import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Database } from '../../src/platform/db/database.js';
import { createHarness, type Harness, type Response } from '../helpers/harness.js';
import { buildOrg, TOTP_SECRET } from '../helpers/org-factory.js';

/**
 * Races on PostgreSQL with several real connections. A third connection holds row locks that both
 * requests need, waits until both are blocked behind it (directly or through each other), then lets
 * go: both requests are then in flight at once, every time, with no sleeps and no luck involved.
 */
describe('organization settings races (decisions.md items 10 and 11)', () => {
  let h: Harness;
  let locker: Database;
  before(async () => {
    h = await createHarness();
    locker = await h.testDatabase.openAnother(1);
  });
  after(() => h.close());

  /** How many backends wait, directly or through a chain, on the backend `pid`. */
  async function blockedBehind(pid: number): Promise<number> {
    const { rows } = await sql<{ n: number }>`
      with recursive blocked(pid) as (
        select a.pid from pg_stat_activity a where ${pid}::int = any(pg_blocking_pids(a.pid))
        union
        select a.pid from pg_stat_activity a join blocked b on b.pid = any(pg_blocking_pids(a.pid))
      )
      select count(*)::int as n from blocked`.execute(h.database.db);
    return rows[0]!.n;
  }

  /** Runs `requests` while the locker holds `lockQuery`'s rows; lets go once `waiting` backends wait on it. */
  async function raceBehindLock(lockQuery: (trx: Database['db']) => Promise<unknown>, requests: () => Array<Promise<Response>>, waiting: number) {
    let inFlight: Array<Promise<Response>> = [];
    await locker.db.transaction().execute(async (trx) => {
      await lockQuery(trx);
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
      inFlight = requests();
      const deadline = Date.now() + 20_000;
      while ((await blockedBehind(rows[0]!.pid)) < waiting) {
        if (Date.now() > deadline) throw new Error('the requests never queued behind the lock');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    });
    return Promise.all(inFlight);
  }

  /**
   * A superuser's token (with 2FA and a verified address): enforcement suspends only whom the
   * requester could remove (issue 13 item 2), and only a superuser or an owner may remove owners; an
   * owner enforcing always leaves a compliant owner, so the last-owner rule needs a superuser to be tested.
   */
  async function superuserToken(key: string): Promise<string> {
    const email = `${key}@races.example.com`;
    const seeded = await h.seed({ users: [{ email, superuser: true, totpSecret: TOTP_SECRET }] });
    return seeded.users[email]!.token;
  }

  const activeOwners = (orgId: string) =>
    h.database.db
      .selectFrom('members')
      .select(['id', 'user_id'])
      .where('organization_id', '=', orgId)
      .where('role', '=', 'owner')
      .where('user_id', 'is not', null)
      .where('user_is_active', '=', true)
      .execute();

  it('item 10: concurrent require2FA and requireEmailVerification never leave the organization without an active owner', async () => {
    // Each owner meets one requirement: enforced one at a time, each detaches the other owner.
    const org = await buildOrg(h, { slug: 'race-owners', members: {
      owner2fa: { role: 'owner', totp: true, verified: false },
      ownerVerified: { role: 'owner' },
      manager: { role: 'manager', totp: true },
      member: { role: 'member', verified: false },
    } });
    const url = '/api/0/organizations/race-owners/';
    const root = await superuserToken('root-owners');
    const responses = await raceBehindLock(
      (trx) => trx.selectFrom('members').select('id').where('organization_id', '=', org.id).where('role', '=', 'owner').forUpdate().execute(),
      () => [
        h.request(root, 'PUT', url, { require2FA: true }),
        h.request(root, 'PUT', url, { requireEmailVerification: true }),
      ],
      2,
    );
    assert.deepEqual(responses.map((response) => response.status), [200, 200], JSON.stringify(responses.map((r) => r.body)));
    const owners = await activeOwners(org.id);
    assert.equal(owners.length, 1, 'exactly one owner was detached, never both');
    const member = await h.database.db.selectFrom('members').select('user_id').where('id', '=', org.ids.member!).executeTakeFirstOrThrow();
    assert.equal(member.user_id, null, 'the member missing a requirement was detached');
  });

  it('item 10: two concurrent require2FA enablings keep the earliest owner and detach, audit and email each member once', async () => {
    const org = await buildOrg(h, { slug: 'race-twice', members: {
      owner: { role: 'owner' },
      owner2: { role: 'owner' },
      manager: { role: 'manager', totp: true },
      manager2: { role: 'manager', totp: true },
      member: { role: 'member' },
    } });
    const url = '/api/0/organizations/race-twice/';
    const roots = [await superuserToken('root-twice-1'), await superuserToken('root-twice-2')];
    const responses = await raceBehindLock(
      (trx) => trx.selectFrom('members').select('id').where('organization_id', '=', org.id).where('user_id', 'is not', null).forUpdate().execute(),
      () => [
        h.request(roots[0]!, 'PUT', url, { require2FA: true }),
        h.request(roots[1]!, 'PUT', url, { require2FA: true }),
      ],
      2,
    );
    assert.deepEqual(responses.map((response) => response.status), [200, 200]);
    assert.deepEqual((await activeOwners(org.id)).map((owner) => owner.user_id), [org.userIds.owner]);
    const pending = await h.database.db.selectFrom('audit_log_entries').select('target_user_id').where('organization_id', '=', org.id).where('event', '=', 8).execute();
    assert.deepEqual(pending.map((entry) => entry.target_user_id).sort(), [org.userIds.owner2, org.userIds.member].sort(), 'one member.pending each');
    const outbox = await h.database.db.selectFrom('email_outbox').select('recipient').where('organization_id', '=', org.id).execute();
    assert.equal(outbox.length, 2, 'one setup email each');
  });

  it('§5.7 step 4: two organizations taking the same slug at once get one 200 and one clean refusal, never a 500', async () => {
    const a = await buildOrg(h, { slug: 'race-slug-a', members: { owner: { role: 'owner' } } });
    const b = await buildOrg(h, { slug: 'race-slug-b', members: { owner: { role: 'owner' } } });
    const responses = await raceBehindLock(
      (trx) => trx.selectFrom('organizations').select('id').where('id', 'in', [a.id, b.id]).forUpdate().execute(),
      () => [
        h.request(a.tokens.owner!, 'PUT', '/api/0/organizations/race-slug-a/', { slug: 'race-slug-won' }),
        h.request(b.tokens.owner!, 'PUT', '/api/0/organizations/race-slug-b/', { slug: 'race-slug-won' }),
      ],
      2,
    );
    const statuses = responses.map((response) => response.status).sort();
    assert.equal(statuses[0], 200, JSON.stringify(responses.map((r) => r.body)));
    const loser = responses.find((response) => response.status !== 200)!;
    assert.ok([400, 409].includes(loser.status), String(loser.status));
    assert.deepEqual(
      loser.body,
      loser.status === 409 ? { slug: ['An organization with this slug already exists.'] } : { slug: ['The slug "race-slug-won" is already in use.'] },
    );
    const taken = await h.database.db.selectFrom('organizations').select('id').where('slug', '=', 'race-slug-won').execute();
    assert.equal(taken.length, 1);
  });
});
