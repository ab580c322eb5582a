import type { Executor, Tx } from '../platform/db/database.js';

export function insertSigninToken(tx: Tx, token: { userId: string; email: string; tokenHash: string; expiresAt: Date }) {
  return tx
    .insertInto('user_one_time_tokens')
    .values({ user_id: token.userId, purpose: 'signin', email: token.email, token_hash: token.tokenHash, expires_at: token.expiresAt })
    .execute();
}

/** Does the user hold a sign-in link that is still unused and unexpired? */
export async function hasLiveSigninToken(db: Executor, userId: string, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('user_one_time_tokens')
    .select('id')
    .where('user_id', '=', userId)
    .where('purpose', '=', 'signin')
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Marks an unused, unexpired sign-in token as used and returns its user, in one statement: of two
 * requests racing with the same link, exactly one gets the row.
 */
export function consumeSigninToken(tx: Tx, tokenHash: string, now: Date) {
  return tx
    .updateTable('user_one_time_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', 'signin')
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['user_id', 'email'])
    .executeTakeFirst();
}

export function insertSession(
  tx: Tx,
  session: { userId: string; tokenHash: string; csrfToken: string; twoFactorPassed: boolean; expiresAt: Date },
) {
  return tx
    .insertInto('user_sessions')
    .values({
      user_id: session.userId,
      token_hash: session.tokenHash,
      csrf_token: session.csrfToken,
      two_factor_passed: session.twoFactorPassed,
      expires_at: session.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** A live session (not revoked, not expired) of an active user, by the hash of its cookie. */
export function findLiveSession(db: Executor, tokenHash: string, now: Date) {
  return db
    .selectFrom('user_sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id', 's.csrf_token', 's.two_factor_passed',
      'u.id as user_id', 'u.email', 'u.name', 'u.is_superuser', 'u.email_verified',
    ])
    .where('s.token_hash', '=', tokenHash)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', now)
    .where('u.is_active', '=', true)
    .executeTakeFirst();
}

export type LiveSession = NonNullable<Awaited<ReturnType<typeof findLiveSession>>>;

/** Is this session live (not revoked, not expired, its 2FA step done) and still the user's? Locked against a concurrent sign-out. */
export async function isSignedInSession(db: Executor, sessionId: string, userId: string, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('user_sessions')
    .select('id')
    .where('id', '=', sessionId)
    .where('user_id', '=', userId)
    .where('two_factor_passed', '=', true)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .forShare()
    .executeTakeFirst();
  return row !== undefined;
}

/** Completes the 2FA step of a session that was still waiting for it. */
export function markSessionTwoFactorPassed(tx: Tx, sessionId: string, expiresAt: Date) {
  return tx
    .updateTable('user_sessions')
    .set({ two_factor_passed: true, expires_at: expiresAt })
    .where('id', '=', sessionId)
    .where('two_factor_passed', '=', false)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export function revokeSession(tx: Tx, sessionId: string, now: Date) {
  return tx.updateTable('user_sessions').set({ revoked_at: now }).where('id', '=', sessionId).where('revoked_at', 'is', null).execute();
}

export function findConfirmedTotpSecret(db: Executor, userId: string) {
  return db
    .selectFrom('user_authenticators')
    .select(['id', 'secret'])
    .where('user_id', '=', userId)
    .where('type', '=', 'totp')
    .where('confirmed', '=', true)
    .executeTakeFirst();
}

export function recordLogin(tx: Tx, userId: string, now: Date) {
  return tx.updateTable('users').set({ last_login: now }).where('id', '=', userId).execute();
}
