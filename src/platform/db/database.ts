import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.js';
import { CoalescingSocket } from './coalescing-socket.js';
import { PipelinedPostgresDialect } from './pg-dialect.js';
import type { DB } from './schema.js';

export type Db = Kysely<DB>;
/**
 * What a write runs on: only a transaction's handle. Kysely's Transaction is a class of its own, so the
 * database handle is refused by type, and a write on it (outside the transaction, or on PGlite a hang
 * inside one) cannot compile.
 */
export type Tx = Transaction<DB>;
/** What a read runs on: the database handle, or a transaction's handle (a Transaction is also a Kysely). */
export type Executor = Kysely<DB>;

export type Engine = 'pglite' | 'postgres';

export interface Database {
  readonly db: Db;
  readonly engine: Engine;
  /** The pg pool behind `db` on PostgreSQL (benchmarks measure against it); null on PGlite. */
  readonly pool: pg.Pool | null;
  /** True when the database answers. */
  ping(): Promise<boolean>;
  /**
   * Connections in use and queries waiting for one, now (for the metrics): the pool's counts on
   * PostgreSQL; on PGlite its one connection (0 or 1 in use) and the queue behind it.
   */
  connections(): { inUse: number; waiting: number };
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A postgres:// URL, or null for embedded PGlite. */
  url: string | null;
  /** PGlite data directory; null keeps the database in memory (tests). */
  dataDir?: string | null;
  /** PostgreSQL schema to use as search_path (each test run gets its own). */
  schema?: string;
  poolSize?: number;
  /**
   * How long a query waits for a free pooled connection before the request answers 503 (default 5 s).
   * Tests of correctness under contention raise it: on a loaded test machine a wait is not a failure.
   */
  acquireTimeoutMs?: number;
  onPoolError?: (error: Error) => void;
}

const INT8 = 20;
const NUMERIC = 1700;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options);
  return openPGlite(options.dataDir ?? null);
}

/**
 * PGlite's buffer cache. PostgreSQL's default of 128 MB is sized for a server of its own; embedded, it
 * lives in Roster's process, and opening a data directory and reading a large organization took the
 * process to 360-400 MB of resident memory. The pages PostgreSQL no longer caches are read from the
 * data directory's files, which the kernel's page cache keeps (as for PostgreSQL's own double buffering).
 */
const PGLITE_SHARED_BUFFERS = '16MB';

async function openPGlite(dataDir: string | null): Promise<Database> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  // Ids are bigint: read them as strings, as pg does, so both engines return the same rows.
  const pglite = await PGlite.create(dataDir ?? 'memory://', {
    parsers: { [INT8]: (value: string) => value, [NUMERIC]: (value: string) => value },
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
  });
  const dialect = new PGliteDialect(pglite);
  const db = new Kysely<DB>({ dialect });
  return {
    db,
    engine: 'pglite',
    pool: null,
    ping: () => ping(db),
    connections: () => dialect.connections(),
    close: () => db.destroy(),
  };
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<Database> {
  const pool = new pg.Pool({
    // pg's pipeline mode: the dialect writes held statements and the next one without waiting between them.
    pipeline: true,
    // One syscall per turn of the event loop instead of one per pipelined query (coalescing-socket.ts).
    stream: () => new CoalescingSocket(),
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.acquireTimeoutMs ?? 5000,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // A client losing its server (a restart) must not take the process down: pg emits 'error' on idle
  // clients through the pool, and on checked-out ones (say, mid-transaction) on the client itself.
  pool.on('error', (error) => options.onPoolError?.(error));
  pool.on('connect', (client) => client.on('error', (error) => options.onPoolError?.(error)));
  const db = new Kysely<DB>({ dialect: new PipelinedPostgresDialect(pool) });
  return {
    db,
    engine: 'postgres',
    pool,
    ping: () => ping(db),
    connections: () => ({ inUse: pool.totalCount - pool.idleCount, waiting: pool.waitingCount }),
    close: () => db.destroy(),
  };
}

async function ping(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

