import type { Config } from '../config.js';
import type { Tx } from '../platform/db/database.js';
import { DAY_MS } from '../platform/lib/clock.js';
import { hashSecret, newSecret } from '../platform/lib/secrets.js';
import { insertOneTimeToken } from './email-verification.queries.js';

export const EMAIL_VERIFICATION_DAYS_VALID = 7;

/** The console page that confirms an address: `/account/confirm-email/{user_id}/{token}/`. */
export function emailVerificationLink(config: Pick<Config, 'publicUrl'>, userId: string, token: string): string {
  return `${config.publicUrl}/account/confirm-email/${userId}/${token}/`;
}

/**
 * Issues a one-time email-verification token for the user's current address (stored hashed, valid
 * 7 days) and returns the link to send. Call it in the transaction that queues the email.
 */
export async function issueEmailVerification(
  tx: Tx,
  config: Pick<Config, 'publicUrl'>,
  now: Date,
  user: { id: string; email: string },
): Promise<string> {
  const token = newSecret();
  await insertOneTimeToken(tx, {
    userId: user.id,
    purpose: 'verify-email',
    tokenHash: hashSecret(token),
    email: user.email,
    expiresAt: new Date(now.getTime() + EMAIL_VERIFICATION_DAYS_VALID * DAY_MS),
  });
  return emailVerificationLink(config, user.id, token);
}
