import { sql } from 'kysely';
import type { Tx } from './database.js';

/** How many savepoints are open on each transaction handle, so that a nested one gets its own name. */
const depths = new WeakMap<Tx, number>();

/**
 * Runs `statement` inside the caller's transaction under a savepoint. A failed statement aborts a
 * PostgreSQL transaction (every later statement is refused); rolling back to the savepoint undoes only
 * the failed statement, so the caller may map the error (a unique violation) and carry on. Savepoints
 * nest: each level has its own name, so an inner one's release or rollback leaves the outer one open.
 */
export async function underSavepoint<T>(tx: Tx, statement: () => Promise<T>): Promise<T> {
  const depth = (depths.get(tx) ?? 0) + 1;
  const name = sql.id(`roster_savepoint_${depth}`);
  await sql`savepoint ${name}`.execute(tx);
  depths.set(tx, depth);
  try {
    const result = await statement();
    await sql`release savepoint ${name}`.execute(tx);
    return result;
  } catch (error) {
    await sql`rollback to savepoint ${name}`.execute(tx);
    throw error;
  } finally {
    depths.set(tx, depth - 1);
  }
}
