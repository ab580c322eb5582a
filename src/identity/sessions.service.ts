import crypto from 'node:crypto';
import type { Config } from '../config.js';
import type { Db, Tx } from '../platform/db/database.js';
import type { Clock } from '../platform/lib/clock.js';
import { fieldError, rateLimited } from '../platform/http/errors.js';
import { hashSecret, newSecret } from '../platform/lib/secrets.js';
import { hitRateLimits } from '../platform/lib/rate-limit.queries.js';
import { normalizeEmail } from '../platform/lib/email.js';
import { enqueueEmail } from '../platform/mail/outbox.js';
import { findUserByEmail, hasTwoFactor } from './users.queries.js';
import { matchTotpStep } from './totp.js';
import { claimTotpStep } from './authenticators.queries.js';
import type { Requester } from '../access/requester.js';
import { signinEmail } from './signin.email.js';
import {
  consumeSigninToken,
  findConfirmedTotpSecret,
  findLiveSession,
  hasLiveSigninToken,
  insertSession,
  insertSigninToken,
  isSignedInSession,
  markSessionTwoFactorPassed,
  recordLogin,
  revokeSession,
  type LiveSession,
} from './sessions.queries.js';

export const SIGNIN_LINK_MINUTES = 15;
/** A signed-in browser stays signed in for two weeks (Sentry's session age). */
export const SESSION_DAYS = 14;
/** A session waiting for its TOTP code lives only as long as a sign-in link. */
const PENDING_2FA_MINUTES = 15;

export const RATE_LIMITS = {
  /** Links emailed to one address in an hour before further ones wait for the last to expire or be used. */
  linksPerAddress: { limit: 5, windowSeconds: 3600 },
  linksPerIp: { limit: 30, windowSeconds: 3600 },
  codesPerUser: { limit: 10, windowSeconds: 900 },
};

export interface Session {
  id: string;
  csrfToken: string;
  twoFactorPassed: boolean;
  user: { id: string; email: string; name: string; isSuperuser: boolean; emailVerified: boolean };
}

export const INVALID_CODE = 'Invalid confirmation code. Try again.';
export const USED_CODE = 'This code has already been used. Wait for the next one and try again.';

const minutesFrom = (now: Date, minutes: number) => new Date(now.getTime() + minutes * 60_000);

export function createSessionService({ db, clock, config }: { db: Db; clock: Clock; config: Pick<Config, 'publicUrl'> }) {
  const signinUrl = (token: string) => `${config.publicUrl}/signin/${token}/`;

  /** Stores a new sign-in token (hashed, valid 15 minutes) and returns the link that carries it. */
  async function issueSigninLink(tx: Tx, user: { id: string; email: string }): Promise<string> {
    const token = newSecret();
    const expiresAt = minutesFrom(clock.now(), SIGNIN_LINK_MINUTES);
    await insertSigninToken(tx, { userId: user.id, email: user.email, tokenHash: hashSecret(token), expiresAt });
    return signinUrl(token);
  }

  async function openSession(tx: Tx, userId: string): Promise<{ sessionToken: string; sessionId: string; needs2fa: boolean }> {
    const now = clock.now();
    const sessionToken = newSecret();
    const needs2fa = await hasTwoFactor(tx, userId);
    const { id } = await insertSession(tx, {
      userId,
      tokenHash: hashSecret(sessionToken),
      csrfToken: crypto.randomBytes(24).toString('base64url'),
      twoFactorPassed: !needs2fa,
      expiresAt: needs2fa ? minutesFrom(now, PENDING_2FA_MINUTES) : minutesFrom(now, SESSION_DAYS * 24 * 60),
    });
    if (!needs2fa) await recordLogin(tx, userId, now);
    return { sessionToken, sessionId: id, needs2fa };
  }

  /** Sign-in links being looked up and sent after their answer went out (see sendSigninLink). */
  const sending = new Set<Promise<void>>();

  /** Emails a link to an active account with that address, within the per-address rule (RATE_LIMITS.linksPerAddress). */
  async function deliverSigninLink(rawEmail: string): Promise<void> {
    const user = await findUserByEmail(db, normalizeEmail(rawEmail));
    if (!user || !user.is_active) return;
    await db.transaction().execute(async (tx) => {
      const now = clock.now();
      const overLimit = await hitRateLimits(tx, [{ bucket: `signin-link:email:${user.email}`, ...RATE_LIMITS.linksPerAddress }], now);
      // Past the limit, a link goes out only when the address holds no live one: whoever asked, the
      // owner of the address always has a working link in their inbox, and a stranger can make them
      // at most one more email per link lifetime (15 minutes).
      if (overLimit && (await hasLiveSigninToken(tx, user.id, now))) return;
      const link = await issueSigninLink(tx, user);
      await enqueueEmail(tx, signinEmail(user.email, link, SIGNIN_LINK_MINUTES));
    });
  }

  return {
    /**
     * Looks the address up and emails a link to an active account, once the 204 has been sent, so that
     * the answer's timing says nothing of the address. Past RATE_LIMITS.linksPerAddress in the hour, a
     * new link is sent only when the account has no live one. Never throws (a failure is logged by the caller).
     */
    sendSigninLink(rawEmail: string): Promise<void> {
      const work = deliverSigninLink(rawEmail).finally(() => sending.delete(work));
      sending.add(work);
      return work;
    },

    /** Resolves once every sign-in link being sent has been (tests, and shutdown). */
    async settled(): Promise<void> {
      await Promise.allSettled([...sending]);
    },

    /** A sign-in link for the CLI and the demo, printed instead of emailed; null when no active user has that email. */
    async signinLinkFor(rawEmail: string): Promise<string | null> {
      const user = await findUserByEmail(db, normalizeEmail(rawEmail));
      return user && user.is_active ? db.transaction().execute((tx) => issueSigninLink(tx, user)) : null;
    },

    /**
     * Exchanges a sign-in link's token (once, within its 15 minutes) for a new session; the session
     * authenticates nothing but the auth routes until the TOTP step when the account has 2FA.
     * 400 `{"token": [...]}` when the token is unknown, used or expired.
     */
    async signIn(token: string): Promise<{ sessionToken: string; needs2fa: boolean }> {
      const now = clock.now();
      return db.transaction().execute(async (tx) => {
        const consumed = await consumeSigninToken(tx, hashSecret(token), now);
        if (!consumed) throw fieldError('token', 'This sign-in link is invalid or has expired. Ask for a new one.');
        const { sessionToken, needs2fa } = await openSession(tx, consumed.user_id);
        return { sessionToken, needs2fa };
      });
    },

    /**
     * Opens a browser session for a user whose identity another step proved (the email link, an SSO
     * sign-in), in the caller's transaction. With 2FA the session authenticates nothing but the auth
     * routes until its TOTP step, as after an email link.
     */
    openSession,

    /**
     * Completes the TOTP step of a session. A code is taken once: one the account already used (in
     * another sign-in, or to confirm its enrolment) is refused for the rest of its validity.
     * 400 `{"otp": [...]}` on a wrong or used code, 429 past 10 tries in 15 minutes.
     */
    async verifySecondFactor(session: Session, otp: string): Promise<void> {
      if (session.twoFactorPassed) return;
      const now = clock.now();
      // Its own transaction, committed before the code is checked: a wrong code counts too.
      const overLimit = await db.transaction().execute((tx) => hitRateLimits(tx, [{ bucket: `signin-2fa:user:${session.user.id}`, ...RATE_LIMITS.codesPerUser }], now));
      if (overLimit) throw rateLimited();
      const authenticator = await findConfirmedTotpSecret(db, session.user.id);
      const step = authenticator ? matchTotpStep(authenticator.secret, otp, now) : null;
      if (!authenticator || step === null) throw fieldError('otp', INVALID_CODE);
      await db.transaction().execute(async (tx) => {
        if (!(await claimTotpStep(tx, authenticator.id, step, now))) throw fieldError('otp', USED_CODE);
        await markSessionTwoFactorPassed(tx, session.id, minutesFrom(now, SESSION_DAYS * 24 * 60));
        await recordLogin(tx, session.user.id, now);
      });
    },

    /**
     * Is the session (by id, as a pending SSO link remembers it) still signed in as `userId`, 2FA done?
     * In the caller's transaction, the row share-locked so a sign-out waits for it.
     */
    isStillSignedIn(tx: Tx, sessionId: string, userId: string): Promise<boolean> {
      return isSignedInSession(tx, sessionId, userId, clock.now());
    },

    /** The live session behind a cookie value, or null (unknown, expired, revoked, inactive user). */
    async authenticate(sessionToken: string): Promise<Session | null> {
      if (!/^[0-9a-f]{64}$/.test(sessionToken)) return null;
      const row = await findLiveSession(db, hashSecret(sessionToken), clock.now());
      return row ? toSession(row) : null;
    },

    /** Who is signed in, for the console: the account, whether 2FA is set up or still to pass, the CSRF token. */
    async whoAmI(session: Session) {
      return {
        ...session.user,
        has2fa: await hasTwoFactor(db, session.user.id),
        needs2fa: !session.twoFactorPassed,
        csrfToken: session.csrfToken,
      };
    },

    /** Revokes a session (logout): its cookie authenticates nothing from now on, in any process. */
    async revoke(session: Session): Promise<void> {
      await db.transaction().execute((tx) => revokeSession(tx, session.id, clock.now()));
    },
  };
}

function toSession(row: LiveSession): Session {
  return {
    id: row.id,
    csrfToken: row.csrf_token,
    twoFactorPassed: row.two_factor_passed,
    user: { id: row.user_id, email: row.email, name: row.name, isSuperuser: row.is_superuser, emailVerified: row.email_verified },
  };
}

/** The requester a session stands for once its 2FA step (if any) is done: no token caps its scopes. */
export function sessionRequester(session: Session, ip: string, publicUrl: string): Requester {
  const { user } = session;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    isSuperuser: user.isSuperuser,
    tokenScopes: null,
    tokenId: null,
    via: 'session',
    ip,
    session: { id: session.id, publicUrl },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
