import type { Config } from '../config.js';
import type { Db } from '../platform/db/database.js';
import type { Requester } from '../access/requester.js';
import { ApiError, detailError } from '../platform/http/errors.js';
import type { Clock } from '../platform/lib/clock.js';
import { normalizeEmail } from '../platform/lib/email.js';
import { hashSecret, secretMatches } from '../platform/lib/secrets.js';
import { enqueueEmail } from '../platform/mail/outbox.js';
import { confirmEmailEmail } from '../platform/mail/templates/confirm-email.js';
import { EMAIL_VERIFICATION_DAYS_VALID, issueEmailVerification } from './email-verification.js';
import { consumeOneTimeToken, markEmailVerified } from './email-verification.queries.js';
import { findUserById } from './users.queries.js';

export const INVALID_VERIFICATION_LINK = 'Invalid or expired verification link';

const invalidLink = () => detailError(400, INVALID_VERIFICATION_LINK, 'invalid_verification_link');

export interface EmailVerificationServiceDeps {
  db: Db;
  config: Pick<Config, 'publicUrl'>;
  clock: Clock;
}

export function createEmailVerificationService({ db, config, clock }: EmailVerificationServiceDeps) {
  return {
    /**
     * Sends the requester a link that verifies its own address. 400 `{"detail": "Invalid email", "email":
     * "Invalid email"}` (Sentry's body) when `email` names another address; an address already verified
     * gets no email.
     */
    async requestConfirmation(requester: Requester, email: string | undefined): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const user = await findUserById(tx, requester.userId);
        if (!user || (email !== undefined && normalizeEmail(email) !== user.email)) {
          throw new ApiError(400, { detail: 'Invalid email', email: 'Invalid email' }, 'invalid_email');
        }
        if (user.email_verified) return;
        const verifyUrl = await issueEmailVerification(tx, config, clock.now(), user);
        await enqueueEmail(tx, {
          organizationId: null,
          to: user.email,
          ...confirmEmailEmail({ email: user.email, verifyUrl, daysValid: EMAIL_VERIFICATION_DAYS_VALID }),
        });
      });
    },

    /**
     * Uses a verification link: marks the address verified. Unknown, expired and used links, and links
     * for an address the user no longer has, all get 400 "Invalid or expired verification link".
     */
    async confirm(userId: string, token: string): Promise<void> {
      if (!/^[0-9]{1,18}$/.test(userId) || !/^[0-9a-f]{64}$/.test(token)) throw invalidLink();
      await db.transaction().execute(async (tx) => {
        const used = await consumeOneTimeToken(tx, userId, 'verify-email', hashSecret(token), clock.now());
        if (!used || !secretMatches(token, used.token_hash)) throw invalidLink();
        // Throwing rolls the consumption back too: a link for an address changed since stays unused.
        if (!(await markEmailVerified(tx, userId, used.email))) throw invalidLink();
      });
    },
  };
}

export type EmailVerificationService = ReturnType<typeof createEmailVerificationService>;
