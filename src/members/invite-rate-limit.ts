import type { Tx } from '../platform/db/database.js';
import { rateLimited } from '../platform/http/errors.js';
import { hitRateLimits } from '../platform/lib/rate-limit.queries.js';

const DAY_SECONDS = 24 * 60 * 60;

/**
 * Sentry's invite limits (sentry-behavior.md §5.2 step 5): 100 a day per inviter, 100 a day per
 * organization, 10 a day per address in an organization. 429 when any is exceeded.
 */
export async function enforceInviteRateLimit(
  tx: Tx,
  { organizationId, inviterId, email, now }: { organizationId: string; inviterId: string; email: string; now: Date },
): Promise<void> {
  const exceeded = await hitRateLimits(
    tx,
    [
      { bucket: `invite:user:${inviterId}`, limit: 100, windowSeconds: DAY_SECONDS },
      { bucket: `invite:org:${organizationId}`, limit: 100, windowSeconds: DAY_SECONDS },
      { bucket: `invite:email:${organizationId}:${email}`, limit: 10, windowSeconds: DAY_SECONDS },
    ],
    now,
  );
  if (exceeded) throw rateLimited('You are being rate limited for too many invitations.');
}
