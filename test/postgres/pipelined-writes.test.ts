import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Kysely, sql } from 'kysely';
import pg from 'pg';
import { CoalescingSocket } from '../../src/platform/db/coalescing-socket.js';
import { PipelinedPostgresDialect } from '../../src/platform/db/pg-dialect.js';
import { prepared, preparedWrite } from '../../src/platform/db/prepared.js';
import type { DB } from '../../src/platform/db/schema.js';
import { createTestDatabase, testDatabaseUrl, type TestDatabase } from '../helpers/database.js';

/** The coalescing socket, counting the writes (syscalls) it hands the operating system. */
class CountingSocket extends CoalescingSocket {
  static writes = 0;
  override _write(chunk: Buffer, encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    CountingSocket.writes++;
    super._write(chunk, encoding, callback);
  }
  override _writev(chunks: Array<{ chunk: Buffer; encoding: BufferEncoding }>, callback: (error?: Error | null) => void): void {
    CountingSocket.writes++;
    super._writev!(chunks, callback);
  }
}

const orgName = prepared((db, { slug }: { slug: string }) => db.selectFrom('organizations').select('name').where('slug', '=', slug));
const rename = preparedWrite((db, { slug, name }: { slug: string; name: string }) => db.updateTable('organizations').set({ name }).where('slug', '=', slug));

/**
 * coalescing-socket.ts: what the pipelined dialect writes in one turn of the event loop (a held BEGIN
 * and the statement after it; held writes and the COMMIT) reaches the server in one write, and every
 * statement still gets its own answer.
 */
describe('pipelined statements leave in one write (PostgreSQL)', () => {
  let test: TestDatabase;
  let pool: pg.Pool;
  let db: Kysely<DB>;
  before(async () => {
    test = await createTestDatabase(1);
    await sql`insert into organizations (slug, name) values ('acme', 'Acme')`.execute(test.database.db);
    pool = new pg.Pool({ pipeline: true, connectionString: testDatabaseUrl(), max: 1, options: `-c search_path=${test.schema}`, stream: () => new CountingSocket() } as pg.PoolConfig);
    db = new Kysely<DB>({ dialect: new PipelinedPostgresDialect(pool) });
    await sql`select 1`.execute(db); // the connection's start-up is not counted
  });
  after(async () => {
    await db.destroy();
    await test.close();
  });

  it('writes BEGIN with the first statement, and the held write with the COMMIT', async () => {
    const writes: number[] = [];
    const mark = () => writes.push(CountingSocket.writes);
    mark();
    const name = await db.transaction().execute(async (tx) => {
      const before = await orgName.first(tx, { slug: 'acme' });
      mark();
      await rename.run(tx, { slug: 'acme', name: 'Acme 2' });
      mark();
      return before?.name;
    });
    mark();
    assert.equal(name, 'Acme');
    // BEGIN + the select: one write; the held UPDATE: none yet; UPDATE + COMMIT: one write.
    assert.deepEqual(writes.map((count) => count - writes[0]!), [0, 1, 1, 2]);
    assert.equal((await orgName.first(db, { slug: 'acme' }))?.name, 'Acme 2');
  });

  it('still writes a lone query at once, and a failed held write still fails its transaction', async () => {
    const start = CountingSocket.writes;
    assert.equal((await orgName.first(db, { slug: 'acme' }))?.name, 'Acme 2');
    assert.equal(CountingSocket.writes - start, 1);
    const duplicate = preparedWrite((d, { slug }: { slug: string }) => d.insertInto('organizations').values({ slug, name: 'Copy' }));
    await assert.rejects(
      db.transaction().execute(async (tx) => {
        await duplicate.run(tx, { slug: 'acme' });
        await orgName.first(tx, { slug: 'acme' });
      }),
      /write-behind statement refused/,
    );
    assert.equal((await orgName.first(db, { slug: 'acme' }))?.name, 'Acme 2');
  });
});
