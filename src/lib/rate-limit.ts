import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

export interface RateLimit {
  /** How many hits a window allows. */
  limit: number;
  windowSeconds: number;
}

/**
 * Counts one hit on `bucket` in the current fixed window and tells whether it is still within the
 * limit. The counter lives in `rate_limit_counters`, so every process sharing the database sees it;
 * one upsert statement keeps concurrent hits from being lost.
 */
export async function hitRateLimit(db: Executor, bucket: string, { limit, windowSeconds }: RateLimit, now: Date): Promise<boolean> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const { rows } = await sql<{ count: number }>`
    insert into rate_limit_counters (bucket, window_start, count) values (${bucket}, ${windowStart}, 1)
    on conflict (bucket, window_start) do update set count = rate_limit_counters.count + 1
    returning count`.execute(db);
  return (rows[0]?.count ?? 1) <= limit;
}
