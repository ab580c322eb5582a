import crypto from 'node:crypto';
import { openDatabase, type Database, type Tx } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';

/** The engine this run tests: PGlite by default, PostgreSQL when ROSTER_TEST_ENGINE=postgres. */
export const TEST_ENGINE = process.env.ROSTER_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';

/**
 * The races (120 requests through two pools of 10) wait their turn for a connection: on a machine busy
 * with other runs that can take longer than the server's 5 s, and a 503 there says nothing of correctness.
 */
const CONTENDED_ACQUIRE_MS = 60_000;

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('ROSTER_TEST_ENGINE=postgres needs TEST_DATABASE_URL');
  return url;
}

export interface TestDatabase {
  database: Database;
  /** The PostgreSQL schema this test owns (null on PGlite). */
  schema: string | null;
  /** Opens another pool on the same database and schema (races need several connections). */
  openAnother(poolSize?: number): Promise<Database>;
  close(): Promise<void>;
}

/**
 * A migrated, empty database for one test file: PGlite in memory, or a fresh schema of the PostgreSQL
 * server at TEST_DATABASE_URL, dropped again on close.
 */
export async function createTestDatabase(poolSize = 10): Promise<TestDatabase> {
  if (TEST_ENGINE === 'pglite') {
    const database = await openDatabase({ url: null, dataDir: null });
    await migrate(database.db);
    return {
      database,
      schema: null,
      openAnother: async () => {
        throw new Error('PGlite is one connection: races need ROSTER_TEST_ENGINE=postgres');
      },
      close: () => database.close(),
    };
  }
  const url = testDatabaseUrl();
  const schema = `test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ url, poolSize: 1 });
  await admin.db.schema.createSchema(schema).execute();
  const database = await openDatabase({ url, schema, poolSize, acquireTimeoutMs: CONTENDED_ACQUIRE_MS });
  await migrate(database.db);
  const others: Database[] = [];
  return {
    database,
    schema,
    async openAnother(size = 10) {
      const other = await openDatabase({ url, schema, poolSize: size, acquireTimeoutMs: CONTENDED_ACQUIRE_MS });
      others.push(other);
      return other;
    },
    async close() {
      await Promise.all(others.map((other) => other.close()));
      await database.close();
      await admin.db.schema.dropSchema(schema).ifExists().cascade().execute();
      await admin.close();
    },
  };
}

/**
 * Runs test set-up that writes through a query or helper in a transaction of its own: writers take the
 * transaction handle (issue 14), so a test writes as a service does, and the rows are committed after.
 */
export function inTransaction<T>(h: { database: Database }, work: (tx: Tx) => Promise<T>): Promise<T> {
  return h.database.db.transaction().execute(work);
}
