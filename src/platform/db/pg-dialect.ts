import {
  AbortedTransactionError,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type pg from 'pg';
import { isStatementError, statementOf, WriteBehindError } from './prepared-statement.js';

/**
 * Kysely on a pool of `pg` clients in pipeline mode (`new pg.Pool({ pipeline: true })`): a client
 * writes a query without waiting for the answers of those before it, and each query still gets its
 * own answer or error. On that public feature this dialect takes round trips out of a transaction:
 * - a prepared query (db/prepared.ts) goes out as the named statement its declaration carries,
 *   parsed and planned once per connection;
 * - BEGIN is held back and written together with the transaction's first statement (as pgjdbc and
 *   Npgsql do);
 * - a write-behind statement (`preparedWrite`, whose result nobody reads) inside a transaction is held
 *   back too, and written with the transaction's next statement or its COMMIT.
 * A transaction that sends no statement sends neither its BEGIN nor its COMMIT/ROLLBACK; a ROLLBACK
 * drops the statements still held. A held write that PostgreSQL refuses fails the statement it went
 * out with as a `WriteBehindError` naming that write (PostgreSQL refuses what follows it in the
 * transaction, so those statements' own errors would only say "transaction is aborted").
 */
export class PipelinedPostgresDialect implements Dialect {
  constructor(private readonly pool: pg.Pool) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PipelinedDriver(this.pool);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

class PipelinedDriver implements Driver {
  readonly #connections = new WeakMap<pg.PoolClient, PipelinedConnection>();

  constructor(private readonly pool: pg.Pool) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const client = await this.pool.connect();
    let connection = this.#connections.get(client);
    if (!connection) {
      connection = new PipelinedConnection(client);
      this.#connections.set(client, connection);
    }
    connection.reset();
    return connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    const access = settings.accessMode ? ` ${settings.accessMode}` : '';
    (connection as PipelinedConnection).begin(`begin${isolation}${access}`);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PipelinedConnection).commit();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PipelinedConnection).rollback();
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as PipelinedConnection).release();
  }

  async destroy(): Promise<void> {
    await this.pool.end();
  }
}

/** A write-behind statement not sent yet (`sql` names it in its error). */
interface HeldWrite {
  config: pg.QueryConfig;
  sql: string;
}

type Outcome = { ok: true; result: pg.QueryResult } | { ok: false; error: unknown };

class PipelinedConnection implements DatabaseConnection {
  #inTransaction = false;
  /** The transaction's BEGIN while it waits for the first statement. */
  #heldBegin: pg.QueryConfig | null = null;
  #heldWrites: HeldWrite[] = [];
  /** Set when a ROLLBACK failed: the client's state is unknown, so the pool must not hand it out again. */
  #broken: Error | null = null;

  constructor(private readonly client: pg.PoolClient) {}

  reset(): void {
    this.#inTransaction = false;
    this.#heldBegin = null;
    this.#heldWrites = [];
    this.#broken = null;
  }

  begin(sql: string): void {
    this.#inTransaction = true;
    // A named statement, as the extended protocol sends it: pg corks the socket around those, so the
    // BEGIN leaves in the same write as the statement after it (coalescing-socket.ts).
    this.#heldBegin = { text: sql, name: `roster_${sql.replace(/\W+/g, '_')}` };
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const statement = statementOf(query);
    const config: pg.QueryConfig = { text: query.sql, values: [...query.parameters], ...(statement ? { name: statement.name } : {}) };
    if (statement?.writeBehind && this.#inTransaction) {
      this.#heldWrites.push({ config, sql: query.sql });
      return { rows: [] };
    }
    const { command, rowCount, rows } = await this.#sendAfterHeld(config);
    const counted = command === 'INSERT' || command === 'UPDATE' || command === 'DELETE' || command === 'MERGE';
    return { rows: (rows ?? []) as R[], numAffectedRows: counted && rowCount !== null ? BigInt(rowCount) : undefined };
  }

  async commit(): Promise<void> {
    this.#inTransaction = false;
    if (this.#heldBegin && this.#heldWrites.length === 0) {
      // The transaction never reached PostgreSQL: there is nothing to commit.
      this.#heldBegin = null;
      return;
    }
    const { command } = await this.#sendAfterHeld({ text: 'commit' });
    // PostgreSQL answers COMMIT with ROLLBACK when an earlier statement's error aborted the transaction.
    if (command === 'ROLLBACK') throw new AbortedTransactionError();
  }

  async rollback(): Promise<void> {
    // After a failed COMMIT there is no transaction left to roll back.
    if (!this.#inTransaction) return;
    const neverBegun = this.#heldBegin !== null;
    this.reset();
    if (neverBegun) return;
    try {
      await this.client.query('rollback');
    } catch (error) {
      this.#broken = error instanceof Error ? error : new Error(String(error));
      throw error;
    }
  }

  release(): void {
    this.client.release(this.#broken ?? undefined);
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported by the pipelined PostgreSQL driver');
  }

  /**
   * Writes the held BEGIN and writes, then `config`, without waiting in between (pipeline mode), and
   * answers `config`'s result. The first held statement that failed is the error: PostgreSQL refused
   * everything after it in the transaction.
   */
  async #sendAfterHeld(config: pg.QueryConfig): Promise<pg.QueryResult> {
    const begin = this.#heldBegin ? settle(this.client.query(this.#heldBegin)) : null;
    const writes = this.#heldWrites.map((write) => ({ write, outcome: settle(this.client.query(write.config)) }));
    this.#heldBegin = null;
    this.#heldWrites = [];
    const own = settle(this.client.query(config));
    const begun = await begin;
    if (begun && !begun.ok) {
      await own;
      throw begun.error;
    }
    for (const { write, outcome } of writes) {
      const settled = await outcome;
      if (settled.ok) continue;
      await own;
      throw isStatementError(settled.error) ? new WriteBehindError(write.sql, settled.error) : settled.error;
    }
    const outcome = await own;
    if (!outcome.ok) throw outcome.error;
    return outcome.result;
  }
}

/** The promise's outcome, as a value: a held statement's rejection is read later, never unhandled. */
function settle(promise: Promise<pg.QueryResult>): Promise<Outcome> {
  return promise.then(
    (result) => ({ ok: true as const, result }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}
