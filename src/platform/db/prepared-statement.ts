import type { CompiledQuery } from 'kysely';

/**
 * How a prepared query (db/prepared.ts) asks the PostgreSQL driver (db/pg-dialect.ts) to run it. The
 * declaration says it, on the compiled query it hands to Kysely: the driver never guesses from the SQL
 * text, so an identical query written elsewhere stays an ordinary one.
 */
export interface StatementOptions {
  /** The server-side name: PostgreSQL parses and plans the statement once per connection. */
  readonly name: string;
  /** A write whose result nobody reads: inside a transaction it may wait for the next statement. */
  readonly writeBehind: boolean;
}

export interface PreparedCompiledQuery extends CompiledQuery {
  readonly statement: StatementOptions;
}

/** The prepared statement a compiled query carries, or undefined for a query Kysely compiled itself. */
export function statementOf(query: CompiledQuery): StatementOptions | undefined {
  return (query as Partial<PreparedCompiledQuery>).statement;
}

/**
 * A write-behind statement (`preparedWrite`) that PostgreSQL refused. Its refusal may only be seen
 * when a later statement of the transaction, or its COMMIT, goes out: this error names the write and
 * carries PostgreSQL's own error as `cause`, so the caller of that later statement cannot take it for
 * its own failure (say, map the write's unique violation to its own 409), and the request fails in
 * the write's terms. PGlite and writes outside a transaction, which run at once, fail the same way.
 */
export class WriteBehindError extends Error {
  override readonly name = 'WriteBehindError';

  constructor(
    /** The SQL of the refused write. */
    readonly statement: string,
    override readonly cause: unknown,
  ) {
    super(`write-behind statement refused: ${cause instanceof Error ? cause.message : String(cause)} (${statement})`, { cause });
  }
}

/**
 * Did PostgreSQL refuse the statement itself (severity ERROR), rather than the connection failing
 * (FATAL, a reset socket)? A lost connection is reported as it is, so that it still answers 503.
 */
export function isStatementError(error: unknown): boolean {
  const candidate = error as { code?: unknown; severity?: unknown } | null;
  return typeof candidate?.code === 'string' && candidate.severity === 'ERROR';
}
