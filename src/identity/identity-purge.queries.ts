import type { Tx } from '../platform/db/database.js';

// The purge job's batches (src/jobs.ts): up to `limit` dead rows each, returning how many went. Rows
// another transaction holds are skipped, not waited for.

/** Browser sessions past their expiry, or signed out (nothing reads a revoked session again). */
export async function deleteDeadSessions(tx: Tx, now: Date, limit: number): Promise<number> {
  const result = await tx
    .deleteFrom('user_sessions')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('user_sessions')
        .select('id')
        .where((w) => w.or([w('expires_at', '<=', now), w('revoked_at', 'is not', null)]))
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Sign-in links and email verification tokens past their expiry, used or not. */
export async function deleteExpiredOneTimeTokens(tx: Tx, now: Date, limit: number): Promise<number> {
  const result = await tx
    .deleteFrom('user_one_time_tokens')
    .where('id', 'in', (eb) => eb.selectFrom('user_one_time_tokens').select('id').where('expires_at', '<=', now).limit(limit).forUpdate().skipLocked())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
