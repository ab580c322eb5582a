import { sql } from 'kysely';
import type { Tx } from '../db/database.js';

export interface RateLimit {
  /** What is counted, e.g. `invite:org:12`. */
  bucket: string;
  limit: number;
  windowSeconds: number;
}

/**
 * Counts one more hit in each bucket's current fixed window and says whether any bucket went over
 * its limit. The counters live in PostgreSQL (one upsert each), so the limit holds across processes.
 * Call it inside the transaction of the action it limits: a refused action then counts nothing.
 */
export async function hitRateLimits(tx: Tx, limits: readonly RateLimit[], now: Date): Promise<boolean> {
  let exceeded = false;
  for (const limit of limits) {
    // The purge job deletes counters a day after their window started (LONGEST_RATE_LIMIT_WINDOW_SECONDS).
    if (limit.windowSeconds > LONGEST_RATE_LIMIT_WINDOW_SECONDS) throw new Error(`rate limit ${limit.bucket}: a window longer than a day would be purged while it counts`);
    const windowStart = new Date(Math.floor(now.getTime() / (limit.windowSeconds * 1000)) * limit.windowSeconds * 1000);
    const { rows } = await sql<{ count: number }>`
      insert into rate_limit_counters (bucket, window_start, count) values (${limit.bucket}, ${windowStart}, 1)
      on conflict (bucket, window_start) do update set count = rate_limit_counters.count + 1
      returning count`.execute(tx);
    if ((rows[0]?.count ?? 0) > limit.limit) exceeded = true;
  }
  return exceeded;
}

/**
 * The longest window any limit counts in (invites: a day). A counter whose window started this long
 * ago is over and can go; a longer limit must raise this.
 */
export const LONGEST_RATE_LIMIT_WINDOW_SECONDS = 24 * 60 * 60;

/** Deletes up to `limit` counters of windows that are over at `now`; returns how many. */
export async function deleteEndedRateLimitWindows(tx: Tx, now: Date, limit: number): Promise<number> {
  const startedBefore = new Date(now.getTime() - LONGEST_RATE_LIMIT_WINDOW_SECONDS * 1000);
  const result = await tx
    .deleteFrom('rate_limit_counters')
    .where(({ eb, refTuple, selectFrom }) =>
      eb(
        refTuple('bucket', 'window_start'),
        'in',
        selectFrom('rate_limit_counters')
          .select(['bucket', 'window_start'])
          .where('window_start', '<=', startedBefore)
          .limit(limit)
          .forUpdate()
          .skipLocked()
          .$asTuple('bucket', 'window_start'),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
