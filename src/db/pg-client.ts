import { createRequire } from 'node:module';
import pg from 'pg';
import { isWriteBehind, preparedStatementName } from './prepared.js';

/** pg's own mapping of parameter values to the wire (Dates, arrays, JSON), as its queries bind them. */
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils') as { prepareValue(value: unknown): unknown };

/** The server-side name of BEGIN on each connection, once a first transaction has parsed it there. */
const BEGIN_STATEMENT = 'roster_begin';

/** A parsed statement to run ahead of the next one, in the same write, its result unread. */
interface HeldStatement {
  name: string;
  values: unknown[];
}

interface WireConnection {
  parsedStatements: Record<string, string>;
  bind(config: object): void;
  execute(config: object): void;
}

type QueryCallback = (error: Error | null, result?: pg.QueryResult) => void;

/**
 * A statement preceded, in the same write, by statements held back for it (Bind and Execute of each,
 * no Sync between them): PostgreSQL runs them in order and answers once. The held statements' own
 * CommandCompletes come first and are not part of this statement's result; if one fails, PostgreSQL
 * skips the rest up to the Sync and this statement fails with that error.
 */
class HeldThenQuery extends pg.Query {
  private completionsToSkip: number;

  constructor(
    config: pg.QueryConfig,
    private readonly held: readonly HeldStatement[],
  ) {
    super(config);
    this.completionsToSkip = held.length;
  }

  prepare(connection: WireConnection): void {
    for (const statement of this.held) {
      connection.bind({ statement: statement.name, values: statement.values, valueMapper: prepareValue });
      connection.execute({});
    }
    (pg.Query.prototype as unknown as { prepare(connection: WireConnection): void }).prepare.call(this, connection);
  }

  handleCommandComplete(message: unknown, connection: unknown): void {
    if (this.completionsToSkip > 0) {
      this.completionsToSkip -= 1;
      return;
    }
    (pg.Query.prototype as unknown as { handleCommandComplete(m: unknown, c: unknown): void }).handleCommandComplete.call(this, message, connection);
  }
}

/** What a statement that has not been sent yet answers: Kysely reads only the command, rowCount and rows. */
function heldResult(command: string): never {
  return Promise.resolve({ command, rowCount: null, rows: [], fields: [], oid: 0 }) as never;
}

/**
 * The pg client Roster's pool hands out. It takes round trips out of a request's transaction:
 * - the SQL of prepared queries (db/prepared.ts) goes out as named statements, parsed and planned once
 *   per connection;
 * - Kysely's `begin` is held back and written together with the transaction's first statement (as
 *   pgjdbc and Npgsql do);
 * - a write-behind statement (`preparedWrite`, whose result nobody reads) run inside a transaction is
 *   held back too, and written with the transaction's next statement or its COMMIT.
 * A transaction that sends no statement sends neither its BEGIN nor its COMMIT/ROLLBACK; a ROLLBACK
 * drops the statements still held.
 */
export class RosterPgClient extends pg.Client {
  private held: HeldStatement[] = [];
  private inTransaction = false;

  override query(config: unknown, values?: unknown, callback?: unknown): never {
    const send = super.query as (...args: unknown[]) => never;
    if (typeof config !== 'string' || !Array.isArray(values) || callback !== undefined) {
      return send.call(this, config, values, callback);
    }
    const name = preparedStatementName(config);
    const bare = values.length === 0;
    if (bare && config === 'begin') return this.begin(send);
    if (bare && (config === 'commit' || config === 'rollback')) return this.finish(config, send);
    if (name && this.inTransaction && isWriteBehind(config) && this.isParsed(name)) {
      this.held.push({ name, values });
      return heldResult('HELD');
    }
    if (this.held.length > 0) return this.sendAfterHeld(this.takeHeld(), { text: config, values, ...(name ? { name } : {}) });
    return name ? send.call(this, { name, text: config, values }) : send.call(this, config, values);
  }

  /** Forgets what a transaction that never reached PostgreSQL held back (on each pool checkout). */
  resetHeld(): void {
    this.held = [];
    this.inTransaction = false;
  }

  private begin(send: (...args: unknown[]) => never): never {
    this.inTransaction = true;
    if (this.isParsed(BEGIN_STATEMENT)) {
      this.held.push({ name: BEGIN_STATEMENT, values: [] });
      return heldResult('BEGIN');
    }
    // The connection's first transaction parses BEGIN under its name, in a round trip of its own.
    return send.call(this, { name: BEGIN_STATEMENT, text: 'begin', values: [] });
  }

  private finish(command: 'commit' | 'rollback', send: (...args: unknown[]) => never): never {
    this.inTransaction = false;
    const held = this.takeHeld();
    const neverBegun = held[0]?.name === BEGIN_STATEMENT;
    if (neverBegun && (command === 'rollback' || held.length === 1)) return heldResult(command.toUpperCase());
    if (command === 'rollback' || held.length === 0) return send.call(this, command, []);
    return this.sendAfterHeld(held, { text: command, values: [] });
  }

  private takeHeld(): HeldStatement[] {
    const held = this.held;
    this.held = [];
    return held;
  }

  private sendAfterHeld(held: HeldStatement[], config: { text: string; values: unknown[]; name?: string }): never {
    return new Promise<pg.QueryResult>((resolve, reject) => {
      const query = new HeldThenQuery({ ...config, queryMode: 'extended' } as pg.QueryConfig, held);
      (query as unknown as { callback: QueryCallback }).callback = (error, result) => (error ? reject(error) : resolve(result!));
      (super.query as (query: unknown) => unknown).call(this, query);
    }) as never;
  }

  private isParsed(name: string): boolean {
    return (this as unknown as { connection: WireConnection }).connection.parsedStatements[name] !== undefined;
  }
}
