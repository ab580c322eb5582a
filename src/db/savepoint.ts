import { sql } from 'kysely';
import type { Executor } from './database.js';

/**
 * Runs `statement` inside the caller's transaction under a savepoint. A failed statement aborts a
 * PostgreSQL transaction (every later statement is refused); rolling back to the savepoint undoes only
 * the failed statement, so the caller may map the error (a unique violation) and carry on.
 */
export async function underSavepoint<T>(tx: Executor, statement: () => Promise<T>): Promise<T> {
  await sql`savepoint roster_statement`.execute(tx);
  try {
    const result = await statement();
    await sql`release savepoint roster_statement`.execute(tx);
    return result;
  } catch (error) {
    await sql`rollback to savepoint roster_statement`.execute(tx);
    throw error;
  }
}
