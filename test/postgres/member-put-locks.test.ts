import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../src/platform/db/database.js';
import type { DB } from '../../src/platform/db/schema.js';
import { createHarness, type Harness, type Response } from '../helpers/harness.js';
import { buildOrg, memberRow } from '../helpers/org-factory.js';

/**
 * Which locks a member PUT takes (issue 14): the organization's only when an owner's role can change,
 * always before the member's. Other connections hold the rows a request needs; the test watches
 * PostgreSQL's lock waits (no sleeps, no timing) to see whether the request queued behind them.
 */
describe('member PUT locks (PostgreSQL)', () => {
  let h: Harness;
  const lockers: Database[] = [];
  before(async () => {
    h = await createHarness();
    for (let i = 0; i < 2; i++) lockers.push(await h.testDatabase.openAnother(1));
  });
  after(() => h.close());

  /** A transaction on another connection, open until `commit`; `pid` is its backend. */
  async function openTransaction(locker: Database) {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let opened!: (trx: Transaction<DB>) => void;
    const ready = new Promise<Transaction<DB>>((resolve) => (opened = resolve));
    const done = locker.db.transaction().execute(async (trx) => {
      opened(trx);
      await released;
    });
    const trx = await ready;
    const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
    return { trx, pid: rows[0]!.pid, commit: () => (release(), done) };
  }

  /** Does any backend wait for a lock that backend `pid` holds? */
  async function anyoneBlockedBehind(pid: number): Promise<boolean> {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pg_stat_activity a where ${pid}::int = any(pg_blocking_pids(a.pid))`.execute(h.database.db);
    return rows[0]!.n > 0;
  }

  /** 'blocked' once the request waits behind backend `pid`, else the request's answer. */
  async function answerOrBlocked(request: Promise<Response>, pid: number): Promise<Response | 'blocked'> {
    let answered = false;
    request.then(
      () => (answered = true),
      () => (answered = true),
    );
    while (!answered) {
      if (await anyoneBlockedBehind(pid)) return 'blocked';
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return request;
  }

  const lockOrganization = (trx: Transaction<DB>, orgId: string) =>
    sql`select id from organizations where id = ${orgId} for no key update`.execute(trx);

  const org = () => buildOrg(h, { teams: ['t1'], members: { owner: { role: 'owner' }, other: { role: 'owner' }, alice: { role: 'member' } } });

  it("changing a member's role, or an owner's teams, does not wait for the organization lock", async () => {
    const built = await org();
    const holder = await openTransaction(lockers[0]!);
    try {
      await lockOrganization(holder.trx, built.id);
      const roleChange = await answerOrBlocked(h.request(built.tokens.owner!, 'PUT', built.memberUrl('alice'), { orgRole: 'manager' }), holder.pid);
      assert.notEqual(roleChange, 'blocked');
      assert.equal((roleChange as Response).status, 200);
      const teams = await answerOrBlocked(h.request(built.tokens.owner!, 'PUT', built.memberUrl('other'), { teams: ['t1'] }), holder.pid);
      assert.notEqual(teams, 'blocked');
      assert.equal((teams as Response).status, 200);
    } finally {
      await holder.commit();
    }
    assert.equal((await memberRow(h, built.id, built.ids.alice!)).role, 'manager');
  });

  it("changing an owner's role, or making one, waits for the organization lock", async () => {
    const built = await org();
    for (const [key, orgRole] of [['other', 'manager'], ['alice', 'owner']] as const) {
      const holder = await openTransaction(lockers[0]!);
      let request: Promise<Response> | null = null;
      try {
        await lockOrganization(holder.trx, built.id);
        request = h.request(built.tokens.owner!, 'PUT', built.memberUrl(key), { orgRole });
        assert.equal(await answerOrBlocked(request, holder.pid), 'blocked', `${key} → ${orgRole}`);
      } finally {
        await holder.commit();
      }
      assert.equal((await request).status, 200, `${key} → ${orgRole}`);
      assert.equal((await memberRow(h, built.id, built.ids[key]!)).role, orgRole);
    }
  });

  it('a member that became an owner after the request chose its locks keeps the last owner, and waits for no lock', async () => {
    const built = await buildOrg(h, { members: { owner: { role: 'owner' }, alice: { role: 'member' } } });
    // A promotion of alice, not committed yet: the request reads her as a member and locks no organization.
    const promotion = await openTransaction(lockers[0]!);
    await sql`update members set role = 'owner' where id = ${built.ids.alice!}`.execute(promotion.trx);
    const request = h.request(built.tokens.owner!, 'PUT', built.memberUrl('alice'), { orgRole: 'manager' });
    let demotion: Awaited<ReturnType<typeof openTransaction>> | null = null;
    try {
      assert.equal(await answerOrBlocked(request, promotion.pid), 'blocked');
      // Meanwhile the owner's own demotion holds the organization and the owner, relying on alice.
      demotion = await openTransaction(lockers[1]!);
      await lockOrganization(demotion.trx, built.id);
      await sql`select id from members where id = ${built.ids.owner!} for update`.execute(demotion.trx);
      await promotion.commit();
      // Alice is an owner now; the only other owner is being changed: the request refuses rather than wait.
      const answer = await answerOrBlocked(request, demotion.pid);
      assert.notEqual(answer, 'blocked');
      assert.equal((answer as Response).status, 400);
      assert.deepEqual((answer as Response).body, ['An organization must have at least one owner']);
      await sql`update members set role = 'member' where id = ${built.ids.owner!}`.execute(demotion.trx);
    } finally {
      await promotion.commit();
      await demotion?.commit();
    }
    assert.equal((await memberRow(h, built.id, built.ids.alice!)).role, 'owner');
  });

  it('the same, with the other owner free: the demotion goes ahead, holding that owner until it commits', async () => {
    const built = await buildOrg(h, { members: { owner: { role: 'owner' }, alice: { role: 'member' } } });
    const promotion = await openTransaction(lockers[0]!);
    await sql`update members set role = 'owner' where id = ${built.ids.alice!}`.execute(promotion.trx);
    const request = h.request(built.tokens.owner!, 'PUT', built.memberUrl('alice'), { orgRole: 'manager' });
    try {
      assert.equal(await answerOrBlocked(request, promotion.pid), 'blocked');
    } finally {
      await promotion.commit();
    }
    assert.equal((await request).status, 200);
    assert.equal((await memberRow(h, built.id, built.ids.alice!)).role, 'manager');
    assert.equal((await memberRow(h, built.id, built.ids.owner!)).role, 'owner');
  });
});
