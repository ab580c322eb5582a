import crypto from 'node:crypto';
import type { Db } from '../platform/db/database.js';
import type { Requester } from '../access/requester.js';
import type { Clock } from '../platform/lib/clock.js';
import { ApiError, notFound, permissionDenied } from '../platform/http/errors.js';
import { matchTotpStep, newTotpSecret, totpUri } from './totp.js';
import {
  belongsToOrgRequiring2fa,
  confirmAuthenticator,
  deleteAuthenticator,
  findAuthenticatorForUpdate,
  findTotpAuthenticatorForUpdate,
  upsertUnconfirmedTotp,
} from './authenticators.queries.js';

// Sentry's enrolment errors use the key "details" (not "detail").
const enrolmentError = (details: string) => new ApiError(400, { details }, 'invalid_enrolment');

/** How long an enrolment in progress keeps its secret; after that, enrolling starts again with a new one. */
export const ENROLMENT_MINUTES = 30;

export const INVALID_CONFIRMATION_CODE = 'Invalid confirmation code. Try again.';
export const ALREADY_ENROLLED = 'Already enrolled: remove the existing authenticator before enrolling again.';
export const NO_ENROLMENT = 'No enrolment in progress: start one with GET first.';
export const STALE_SECRET = 'This secret is not the one of the enrolment in progress: start again.';
export const ORG_REQUIRES_2FA = 'Cannot delete authenticator because organization requires 2FA';

const enrolmentLive = (startedAt: Date | string, now: Date) => now.getTime() - new Date(startedAt).getTime() < ENROLMENT_MINUTES * 60_000;

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

export function createAuthenticatorService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /**
     * Starts a TOTP enrolment, or shows the one in progress: its secret until it is confirmed or
     * ENROLMENT_MINUTES old, then a new secret, stored unconfirmed. It is a GET (as in Sentry), which
     * a page elsewhere can make a browser send: answering the same secret keeps such a request from
     * replacing the secret a person is scanning. 400 when a confirmed TOTP authenticator exists.
     */
    async enrollTotp(requester: Requester): Promise<{ secret: string; qrcodeUri: string }> {
      const now = clock.now();
      const secret = await db.transaction().execute(async (tx) => {
        const existing = await findTotpAuthenticatorForUpdate(tx, requester.userId);
        if (existing?.confirmed) return null;
        if (existing && enrolmentLive(existing.created_at, now)) return existing.secret;
        const fresh = newTotpSecret();
        return (await upsertUnconfirmedTotp(tx, requester.userId, fresh, now)) ? fresh : null;
      });
      if (!secret) throw enrolmentError(ALREADY_ENROLLED);
      return { secret, qrcodeUri: totpUri(requester.email, secret) };
    },

    /**
     * Confirms the enrolment in progress with a code from the app; from then on the user has 2FA, and
     * that code is used up. 400 when there is no live enrolment, the secret is not its secret, or the code is wrong.
     */
    async confirmTotp(requester: Requester, body: { secret: string; otp: string }): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const enrolment = await findTotpAuthenticatorForUpdate(tx, requester.userId);
        if (!enrolment) throw enrolmentError(NO_ENROLMENT);
        if (enrolment.confirmed) throw enrolmentError(ALREADY_ENROLLED);
        if (!enrolmentLive(enrolment.created_at, clock.now())) throw enrolmentError(NO_ENROLMENT);
        if (!sameText(enrolment.secret, body.secret.replace(/\s/g, '').toUpperCase())) throw enrolmentError(STALE_SECRET);
        const step = matchTotpStep(enrolment.secret, body.otp, clock.now());
        if (step === null) throw enrolmentError(INVALID_CONFIRMATION_CODE);
        // The row is locked and unconfirmed (no step recorded yet): recording the step here is enough.
        await confirmAuthenticator(tx, requester.userId, enrolment.id, step, clock.now());
      });
    },

    /**
     * Removes one of the requester's authenticators. 404 when it is not theirs; 403 when it is their
     * two-factor method and an organization they belong to requires 2FA.
     */
    async remove(requester: Requester, authenticatorId: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const authenticator = await findAuthenticatorForUpdate(tx, requester.userId, authenticatorId);
        if (!authenticator) throw notFound();
        if (authenticator.confirmed && (await belongsToOrgRequiring2fa(tx, requester.userId))) {
          throw permissionDenied(ORG_REQUIRES_2FA);
        }
        await deleteAuthenticator(tx, requester.userId, authenticator.id);
      });
    },
  };
}

export type AuthenticatorService = ReturnType<typeof createAuthenticatorService>;
