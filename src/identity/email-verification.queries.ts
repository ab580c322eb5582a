import type { Tx } from '../platform/db/database.js';

export interface NewOneTimeToken {
  userId: string;
  purpose: 'signin' | 'verify-email';
  tokenHash: string;
  email: string;
  expiresAt: Date;
}

export async function insertOneTimeToken(tx: Tx, token: NewOneTimeToken): Promise<void> {
  await tx
    .insertInto('user_one_time_tokens')
    .values({
      user_id: token.userId,
      purpose: token.purpose,
      token_hash: token.tokenHash,
      email: token.email,
      expires_at: token.expiresAt,
    })
    .execute();
}

/**
 * Marks an unused, unexpired token of this user and purpose as used, in one statement, so that of two
 * concurrent uses exactly one gets the row back. Returns the address the token was issued for.
 */
export function consumeOneTimeToken(tx: Tx, userId: string, purpose: NewOneTimeToken['purpose'], tokenHash: string, now: Date) {
  return tx
    .updateTable('user_one_time_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['email', 'token_hash'])
    .executeTakeFirst();
}

/** Marks the user's address verified, if it is still the address the link was sent to; returns whether it did. */
export async function markEmailVerified(tx: Tx, userId: string, email: string): Promise<boolean> {
  const result = await tx
    .updateTable('users')
    .set({ email_verified: true })
    .where('id', '=', userId)
    .where('email', '=', email)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
