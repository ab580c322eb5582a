import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { prepared, preparedWrite } from '../../src/platform/db/prepared.js';
import { WriteBehindError } from '../../src/platform/db/prepared-statement.js';
import { underSavepoint } from '../../src/platform/db/savepoint.js';
import type { Executor, Tx } from '../../src/platform/db/database.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { TEST_ENGINE, inTransaction } from '../helpers/database.js';
import { buildOrg } from '../helpers/org-factory.js';


const renameOrg = preparedWrite((db, { slug, name }: { slug: string; name: string }) =>
  db.updateTable('organizations').set({ name }).where('slug', '=', slug),
);
const moveOrg = preparedWrite((db, { slug, to }: { slug: string; to: string }) => db.updateTable('organizations').set({ slug: to }).where('slug', '=', slug));

/** The error is moveOrg's own refusal: a WriteBehindError naming that write, PostgreSQL's error its cause. */
function isMoveOrgRefusal(error: unknown): boolean {
  assert.ok(error instanceof WriteBehindError, String(error));
  assert.match(error.statement, /^update "organizations" set "slug" = \$1 where "slug" = \$2$/);
  const cause = error.cause as { code?: string; constraint?: string; message?: string };
  assert.equal(cause.code, '23505');
  assert.match(cause.message ?? '', /organizations_slug_key/);
  return true;
}

async function nameOf(db: Executor, slug: string): Promise<string | undefined> {
  return (await db.selectFrom('organizations').select('name').where('slug', '=', slug).executeTakeFirst())?.name;
}

/** db/prepared.ts: compiled once, run with each call's values; named statements on PostgreSQL. */
describe('prepared queries', () => {
  let h: Harness;
  const orgBySlug = prepared((db, { slug }: { slug: string }) =>
    db.selectFrom('organizations').select(['slug', 'name']).where('slug', '=', slug).where('status', '=', 0),
  );
  before(async () => {
    h = await createHarness();
    await buildOrg(h, { slug: 'prep-one', members: { owner: { role: 'owner' } }, name: 'One' });
    await buildOrg(h, { slug: 'prep-two', members: { owner: { role: 'owner' } }, name: 'Two' });
  });
  after(() => h.close());

  it('each run uses its own values, and the constants of the query stay', async () => {
    assert.deepEqual(await orgBySlug.all(h.database.db, { slug: 'prep-one' }), [{ slug: 'prep-one', name: 'One' }]);
    assert.deepEqual(await orgBySlug.first(h.database.db, { slug: 'prep-two' }), { slug: 'prep-two', name: 'Two' });
    assert.equal(await orgBySlug.first(h.database.db, { slug: 'missing' }), undefined);
    // status = 0 was compiled in as a constant: a deleted organization is not found.
    await sql`update organizations set status = 1 where slug = 'prep-two'`.execute(h.database.db);
    assert.equal(await orgBySlug.first(h.database.db, { slug: 'prep-two' }), undefined);
  });

  // PGlite runs in-process with one connection: statements are named only for PostgreSQL's pool.
  if (TEST_ENGINE === 'postgres') it('on PostgreSQL, runs as a named statement of the connection', async () => {
    const names = await h.database.db.transaction().execute(async (tx) => {
      await orgBySlug.first(tx, { slug: 'prep-one' });
      return (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(tx)).rows;
    });
    assert.ok(names.some((row) => row.statement.includes('"organizations"') && row.statement.includes('"slug" = $1')), JSON.stringify(names));
  });

  describe('preparedWrite (held back inside a transaction on PostgreSQL, sent with the next statement)', () => {
    it('the next statement of the transaction sees it, and the commit saves it', async () => {
      const seen = await h.database.db.transaction().execute(async (tx) => {
        await renameOrg.run(tx, { slug: 'prep-one', name: 'One, renamed' });
        return nameOf(tx, 'prep-one');
      });
      assert.equal(seen, 'One, renamed');
      assert.equal(await nameOf(h.database.db, 'prep-one'), 'One, renamed');
    });

    it('as the last statement, it is saved with the commit', async () => {
      await h.database.db.transaction().execute((tx) => renameOrg.run(tx, { slug: 'prep-one', name: 'One, last' }));
      assert.equal(await nameOf(h.database.db, 'prep-one'), 'One, last');
    });

    it('alone in its transaction, it is saved with the commit', async () => {
      await inTransaction(h, (tx) => renameOrg.run(tx, { slug: 'prep-one', name: 'One, alone' }));
      assert.equal(await nameOf(h.database.db, 'prep-one'), 'One, alone');
    });

    it('refused as the last statement: the transaction fails with its error and saves nothing', async () => {
      await assert.rejects(
        h.database.db.transaction().execute(async (tx) => {
          await renameOrg.run(tx, { slug: 'prep-one', name: 'One, never' });
          await moveOrg.run(tx, { slug: 'prep-one', to: 'prep-two' });
        }),
        isMoveOrgRefusal,
      );
      assert.equal(await nameOf(h.database.db, 'prep-one'), 'One, alone');
    });

    it('refused before another statement: that statement fails with the write\'s error, not its own, and the transaction with it', async () => {
      let reached = false;
      let seenByNext: unknown = null;
      await assert.rejects(
        h.database.db.transaction().execute(async (tx) => {
          await moveOrg.run(tx, { slug: 'prep-one', to: 'prep-two' });
          try {
            await nameOf(tx, 'prep-one');
          } catch (error) {
            seenByNext = error;
            throw error;
          }
          reached = true;
        }),
        isMoveOrgRefusal,
      );
      assert.equal(reached, false);
      // On PostgreSQL the write was held and its refusal reached the next statement's caller: as the
      // write's, so that caller cannot take it for a unique violation of its own.
      if (TEST_ENGINE === 'postgres') assert.ok(isMoveOrgRefusal(seenByNext));
      assert.equal(await nameOf(h.database.db, 'prep-one'), 'One, alone');
    });

    it('refuses a statement that would answer with rows', async () => {
      const returning = preparedWrite((db, { slug }: { slug: string }) => db.updateTable('organizations').set({ name: 'x' }).where('slug', '=', slug).returning('id'));
      const select = preparedWrite((db, { slug }: { slug: string }) => db.selectFrom('organizations').select('id').where('slug', '=', slug) as never);
      await assert.rejects(inTransaction(h, (tx) => returning.run(tx, { slug: 'prep-one' })), /without RETURNING/);
      await assert.rejects(inTransaction(h, (tx) => select.run(tx, { slug: 'prep-one' })), /without RETURNING/);
      assert.equal(await nameOf(h.database.db, 'prep-one'), 'One, alone');
    });

    it('a rolled-back transaction drops what it held', async () => {
      await assert.rejects(
        h.database.db.transaction().execute(async (tx) => {
          await nameOf(tx, 'prep-one');
          await renameOrg.run(tx, { slug: 'prep-one', name: 'One, rolled back' });
          throw new Error('changed my mind');
        }),
        /changed my mind/,
      );
      assert.equal(await nameOf(h.database.db, 'prep-one'), 'One, alone');
    });
  });

  it('savepoints nest: an outer one rolls back to its own start, past an inner one that failed', async () => {
    const before = await nameOf(h.database.db, 'prep-two');
    const rename = (tx: Tx, name: string) => tx.updateTable('organizations').set({ name }).where('slug', '=', 'prep-two').execute();
    const seen = await h.database.db.transaction().execute(async (tx) => {
      await assert.rejects(
        underSavepoint(tx, async () => {
          await rename(tx, 'Two, outer');
          // The inner statement fails and is undone alone; the outer one carries on, then fails too.
          await assert.rejects(
            underSavepoint(tx, () => tx.updateTable('organizations').set({ slug: 'prep-one' }).where('slug', '=', 'prep-two').execute()),
            (error: { code?: string }) => error.code === '23505',
          );
          assert.equal(await nameOf(tx, 'prep-two'), 'Two, outer');
          throw new Error('outer fails');
        }),
        /outer fails/,
      );
      return nameOf(tx, 'prep-two');
    });
    assert.equal(seen, before);
    assert.equal(await nameOf(h.database.db, 'prep-two'), before);
  });

  // On PGlite there is no wire. On PostgreSQL, count the round trips: the times the pipelined client has
  // every answer it waited for and nothing left in flight (its public 'drain' event).
  if (TEST_ENGINE === 'postgres') it('on PostgreSQL, BEGIN and held writes take no round trip of their own', async () => {
    let roundTrips = 0;
    const count = () => (roundTrips += 1);
    const pool = h.database.pool!;
    const counted = new Set<unknown>();
    pool.on('acquire', (client) => {
      if (counted.has(client)) return;
      counted.add(client);
      client.on('drain', count);
    });
    const measure = async (work: (tx: Tx) => Promise<unknown>) => {
      await h.database.db.transaction().execute(work); // warms the connection: BEGIN and the statements parsed
      roundTrips = 0;
      await h.database.db.transaction().execute(work);
      return roundTrips;
    };
    // BEGIN + select, then COMMIT.
    assert.equal(await measure((tx) => orgBySlug.first(tx, { slug: 'prep-one' })), 2);
    // BEGIN + select, then the held write + COMMIT.
    assert.equal(await measure(async (tx) => {
      await orgBySlug.first(tx, { slug: 'prep-one' });
      await renameOrg.run(tx, { slug: 'prep-one', name: 'One, counted' });
    }), 2);
    // Nothing reaches PostgreSQL for a transaction without statements.
    assert.equal(await measure(async () => {}), 0);
    assert.equal(await nameOf(h.database.db, 'prep-one'), 'One, counted');
  });
});
