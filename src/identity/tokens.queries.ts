import type { Executor, Tx } from '../platform/db/database.js';
import { prepared } from '../platform/db/prepared.js';

export interface NewApiToken {
  userId: string;
  tokenHash: string;
  lastCharacters: string;
  name: string | null;
  scopes: string[];
}

export function insertApiToken(tx: Tx, token: NewApiToken) {
  return tx
    .insertInto('api_tokens')
    .values({
      user_id: token.userId,
      token_hash: token.tokenHash,
      token_last_characters: token.lastCharacters,
      name: token.name,
      scopes: token.scopes,
    })
    .returning(['id', 'name', 'scopes', 'token_last_characters', 'date_created', 'expires_at'])
    .executeTakeFirstOrThrow();
}

const tokenOwnerQuery = prepared((db, { tokenHash, now }: { tokenHash: string; now: Date }) =>
  db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.id as token_id', 't.token_hash', 't.scopes', 'u.id as user_id', 'u.email', 'u.name', 'u.is_superuser'])
    .where('t.token_hash', '=', tokenHash)
    .where('u.is_active', '=', true)
    .where((eb) => eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', now)])),
);

/** The active user behind an unexpired token, looked up by the token's hash. */
export function findTokenOwner(db: Executor, tokenHash: string, now: Date) {
  return tokenOwnerQuery.first(db, { tokenHash, now });
}

const TOKEN_COLUMNS = ['id', 'name', 'scopes', 'token_last_characters', 'date_created', 'expires_at'] as const;

/** A user's API tokens, oldest first (expired ones too: the owner may still want to delete them). */
export function findTokensOfUser(db: Executor, userId: string) {
  return db.selectFrom('api_tokens').select(TOKEN_COLUMNS).where('user_id', '=', userId).orderBy('id').execute();
}

/** Deletes one of the user's tokens; another user's token is not touched (and counts as not found). */
export async function deleteTokenOfUser(tx: Tx, userId: string, tokenId: string): Promise<boolean> {
  const result = await tx.deleteFrom('api_tokens').where('user_id', '=', userId).where('id', '=', tokenId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Deletes a token whoever holds it (an operator's revocation from the CLI); undefined when no token has the id. */
export function deleteToken(tx: Tx, tokenId: string) {
  return tx.deleteFrom('api_tokens').where('id', '=', tokenId).returning(['id', 'user_id', 'token_last_characters']).executeTakeFirst();
}
