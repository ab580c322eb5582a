import type { Tx } from '../platform/db/database.js';
import { rateLimited } from '../platform/http/errors.js';
import { hitRateLimits } from '../platform/lib/rate-limit.queries.js';

const HOUR_SECONDS = 60 * 60;

/**
 * How many organizations one account, and one address, may create an hour (issue 13 item 10): a
 * person makes a handful in a lifetime; a script making thousands fills the database and the audit log.
 */
export const ORG_CREATE_LIMITS = {
  perUser: { limit: 5, windowSeconds: HOUR_SECONDS },
  perIp: { limit: 20, windowSeconds: HOUR_SECONDS },
};

/**
 * Counts one organization creation for the user and for the address it comes from; 429 past either
 * limit. Called inside the creating transaction, so a refused creation counts nothing, and the
 * counters live in PostgreSQL, so the limit holds across processes.
 */
export async function enforceOrgCreateRateLimit(tx: Tx, { userId, ip, now }: { userId: string; ip: string; now: Date }): Promise<void> {
  const exceeded = await hitRateLimits(
    tx,
    [
      { bucket: `org-create:user:${userId}`, ...ORG_CREATE_LIMITS.perUser },
      { bucket: `org-create:ip:${ip}`, ...ORG_CREATE_LIMITS.perIp },
    ],
    now,
  );
  if (exceeded) throw rateLimited('You are being rate limited for creating too many organizations.');
}
