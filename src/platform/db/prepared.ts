import { CompiledQuery, type Compilable, type OperationNodeSource } from 'kysely';
import type { Executor, Tx } from './database.js';
import { isStatementError, WriteBehindError, type PreparedCompiledQuery, type StatementOptions } from './prepared-statement.js';

/** Stands in for a parameter while a prepared query is compiled; replaced by the value on each run. */
class Placeholder {
  constructor(readonly name: string) {}
}

/**
 * Each declaration gets its own server-side name (a counter, not a map keyed by SQL): two
 * declarations that compile to the same SQL are two statements, each run as its declaration says.
 */
let declared = 0;

interface CompiledShape {
  sql: string;
  /** Each parameter of the SQL: the name of the value to put there, or a constant of the query itself. */
  slots: ReadonlyArray<{ name: string } | { constant: unknown }>;
}

/**
 * A query built and compiled once, then run with new values, as a named statement on PostgreSQL
 * (db/pg-dialect.ts): PostgreSQL parses and plans it once per connection instead of on every run (the
 * organization context took ~0.7 ms of PostgreSQL's CPU to parse and plan, far more than to run).
 * Kysely rebuilds and recompiles a query on every call, and for the small queries of a request that
 * costs more CPU than PostgreSQL spends running them (~0.4 ms for the organization context), so the
 * queries every request runs are written this way. PostgreSQL may run them with a generic plan after
 * five runs, so prepare only queries whose plan does not depend on their values (look-ups by key, not
 * searches).
 *
 * `build` is called once, with placeholders in place of the values: the SQL it builds must not depend
 * on them. So no branching on a value (write one prepared query per shape) and no `in` lists, whose
 * length is part of the SQL (compare with `= any(array)` instead). Every name `build` uses must be
 * present in the values of each run. Declare it once, at module level: each declaration is a
 * statement of its own on every connection.
 */
export function prepared<Values extends Record<string, unknown>, Row>(build: (db: Executor, values: Values) => Compilable<Row>) {
  return compileOnce(build, false);
}

/**
 * A prepared statement whose result nobody reads (an INSERT without RETURNING, say). Inside a
 * transaction on PostgreSQL it is not sent at once: it goes out with the transaction's next statement,
 * or with its COMMIT, pipelined, so it costs no round trip of its own. Its promise resolves when it is
 * held; if PostgreSQL then refuses it, that next statement (or the COMMIT) fails with a
 * `WriteBehindError` naming this write, and so does the transaction. So do nothing outside the
 * database between a `run` and the end of its transaction that an error here should have prevented.
 */
export function preparedWrite<Values extends Record<string, unknown>>(build: (db: Executor, values: Values) => Compilable<unknown> & OperationNodeSource) {
  const statement = compileOnce((db, values: Values) => {
    const query = build(db, values);
    // Nobody reads a held statement's answer: it must not have rows to give.
    const node = query.toOperationNode() as { kind: string; returning?: unknown };
    if (!['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode'].includes(node.kind) || node.returning) {
      throw new Error('a preparedWrite must be an INSERT, UPDATE or DELETE without RETURNING');
    }
    return query;
  }, true);
  return {
    // A write takes the transaction handle: the database handle is refused by type (issue 14).
    run: async (tx: Tx, values: Values): Promise<void> => {
      try {
        await statement.all(tx, values);
      } catch (error) {
        // Where it runs at once (PGlite, no transaction), it fails as it would when held.
        throw isStatementError(error) ? new WriteBehindError(statement.sql() ?? '', error) : error;
      }
    },
  };
}

function compileOnce<Values extends Record<string, unknown>, Row>(build: (db: Executor, values: Values) => Compilable<Row>, writeBehind: boolean) {
  const options: StatementOptions = { name: `roster_${++declared}`, writeBehind };
  let shape: CompiledShape | null = null;
  const compile = (db: Executor, names: string[]): CompiledShape => {
    const placeholders = Object.fromEntries(names.map((name) => [name, new Placeholder(name)])) as unknown as Values;
    const query = build(db, placeholders).compile();
    return {
      sql: query.sql,
      slots: query.parameters.map((parameter) => (parameter instanceof Placeholder ? { name: parameter.name } : { constant: parameter })),
    };
  };
  const run = async (db: Executor, values: Values): Promise<Row[]> => {
    shape ??= compile(db, Object.keys(values));
    const parameters = shape.slots.map((slot) => ('name' in slot ? values[slot.name] : slot.constant));
    const query: PreparedCompiledQuery = { ...CompiledQuery.raw(shape.sql, parameters), statement: options };
    const result = await db.executeQuery<Row>(query);
    return result.rows;
  };
  return {
    /** Every row. */
    all: run,
    /** The first row, or undefined. */
    first: async (db: Executor, values: Values): Promise<Row | undefined> => (await run(db, values))[0],
    /** The SQL, once compiled. */
    sql: (): string | undefined => shape?.sql,
  };
}
