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
    const windowStart = new Date(Math.floor(now.getTime() / (limit.windowSeconds * 1000)) * limit.windowSeconds * 1000);
    const { rows } = await sql<{ count: number }>`
      insert into rate_limit_counters (bucket, window_start, count) values (${limit.bucket}, ${windowStart}, 1)
      on conflict (bucket, window_start) do update set count = rate_limit_counters.count + 1
      returning count`.execute(tx);
    if ((rows[0]?.count ?? 0) > limit.limit) exceeded = true;
  }
  return exceeded;
}
