import { sql } from 'kysely';
import type { Executor } from '../platform/db/database.js';

/** Any number; it only has to differ from the other advisory locks (migrations). */
const DEMO_LOCK_KEY = 7_202_612;

/** Waits for the demo-seeding lock on `connection` (a session lock: unlock on the same connection). */
export async function lockDemoSeeding(connection: Executor): Promise<void> {
  await sql`select pg_advisory_lock(${DEMO_LOCK_KEY})`.execute(connection);
}

export async function unlockDemoSeeding(connection: Executor): Promise<void> {
  await sql`select pg_advisory_unlock(${DEMO_LOCK_KEY})`.execute(connection);
}

/** Whether the database has any user at all (an empty one gets the demo). */
export async function hasAnyUser(db: Executor): Promise<boolean> {
  const { rows } = await sql<{ exists: boolean }>`select exists (select 1 from users) as exists`.execute(db);
  return rows[0]?.exists === true;
}
