import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { prepared } from '../../src/db/prepared.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { TEST_ENGINE } from '../helpers/database.js';
import { seedOrg } from '../helpers/settings-fixtures.js';

/** db/prepared.ts: compiled once, run with each call's values; named statements on PostgreSQL. */
describe('prepared queries', () => {
  let h: Harness;
  const orgBySlug = prepared((db, { slug }: { slug: string }) =>
    db.selectFrom('organizations').select(['slug', 'name']).where('slug', '=', slug).where('status', '=', 0),
  );
  before(async () => {
    h = await createHarness();
    await seedOrg(h, 'prep-one', { owner: { role: 'owner' } }, { name: 'One' });
    await seedOrg(h, 'prep-two', { owner: { role: 'owner' } }, { name: 'Two' });
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
});
