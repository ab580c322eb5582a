import type { Static } from '@sinclair/typebox';
import type { Db } from '../platform/db/database.js';
import { expandTokenScopes } from '../access/access.js';
import { ALL_SCOPES } from '../access/roles.js';
import { fieldError, notFound, permissionDenied, rateLimited } from '../platform/http/errors.js';
import { hashSecret, newSecret, secretMatches } from '../platform/lib/secrets.js';
import { hitRateLimits } from '../platform/lib/rate-limit.queries.js';
import type { Clock } from '../platform/lib/clock.js';
import type { Requester } from '../access/requester.js';
import { deleteToken, deleteTokenOfUser, findTokenOwner, findTokensOfUser, insertApiToken } from './tokens.queries.js';
import { presentApiToken } from './tokens.presenter.js';
import type { CreateApiTokenBody, NewApiTokenSchema } from './tokens.schemas.js';

/** A new token as presented, with the token itself: shown once, never stored. */
export type CreatedToken = Static<typeof NewApiTokenSchema>;

export const SCOPES_BEYOND_TOKEN = 'A token cannot create a token with scopes it does not have.';

/** Failed token authentications allowed per IP and minute before they are answered with 429. */
export const FAILED_TOKEN_LIMIT = { limit: 100, windowSeconds: 60 };

export function createTokenService({ db, clock }: { db: Db; clock: Clock }) {
  /** Issues a token for a user with the given scopes, expanded as Sentry does; 400 on unknown scopes. */
  async function create(userId: string, requestedScopes: readonly string[], name: string | null = null): Promise<CreatedToken> {
    const unknown = requestedScopes.filter((scope) => !(ALL_SCOPES as readonly string[]).includes(scope));
    if (unknown.length > 0) throw fieldError('scopes', `Invalid scopes: ${unknown.join(', ')}`);
    const token = newSecret();
    const row = await db.transaction().execute((tx) =>
      insertApiToken(tx, {
        userId,
        tokenHash: hashSecret(token),
        lastCharacters: token.slice(-4),
        name,
        scopes: expandTokenScopes(requestedScopes),
      }),
    );
    return { ...presentApiToken(row), token };
  }

  return {
    create,

    /** The requester's own tokens (never the tokens themselves, only their last characters). */
    async list(requester: Requester) {
      return (await findTokensOfUser(db, requester.userId)).map(presentApiToken);
    },

    /**
     * A new token for the requester, shown once. A request made with a token may only grant scopes
     * that token has (403), so a narrow token cannot mint a wider one.
     */
    async issue(requester: Requester, body: Static<typeof CreateApiTokenBody>): Promise<CreatedToken> {
      if (requester.tokenScopes) {
        const held = new Set(requester.tokenScopes);
        if (expandTokenScopes(body.scopes).some((scope) => !held.has(scope))) throw permissionDenied(SCOPES_BEYOND_TOKEN);
      }
      return create(requester.userId, body.scopes, body.name?.trim() || null);
    },

    /** A user's tokens as the API presents them (the CLI's `token list`: an operator's view of any user). */
    async listOfUser(userId: string) {
      return (await findTokensOfUser(db, userId)).map(presentApiToken);
    },

    /** Deletes any user's token (the CLI's `token revoke`); null when no token has the id. */
    async revokeAny(tokenId: string) {
      return (await db.transaction().execute((tx) => deleteToken(tx, tokenId))) ?? null;
    },

    /** Deletes one of the requester's tokens; 404 when the id is not one of theirs. */
    async revoke(requester: Requester, tokenId: string): Promise<void> {
      if (!(await db.transaction().execute((tx) => deleteTokenOfUser(tx, requester.userId, tokenId)))) throw notFound();
    },

    /**
     * The requester a bearer token stands for, or null when the token is unknown or expired. Failed
     * attempts are counted per IP in PostgreSQL (so the limit holds across processes): past
     * FAILED_TOKEN_LIMIT a minute, they are a 429 instead of a 401. Successes cost no extra query.
     */
    async authenticate(token: string, ip: string): Promise<Requester | null> {
      const now = clock.now();
      const owner = await findTokenOwner(db, hashSecret(token), now);
      if (!owner || !secretMatches(token, owner.token_hash)) {
        if (await db.transaction().execute((tx) => hitRateLimits(tx, [{ bucket: `auth-fail:ip:${ip}`, ...FAILED_TOKEN_LIMIT }], now))) throw rateLimited();
        return null;
      }
      return {
        userId: owner.user_id,
        email: owner.email,
        name: owner.name,
        isSuperuser: owner.is_superuser,
        tokenScopes: owner.scopes,
        tokenId: owner.token_id,
        via: 'token',
        ip,
      };
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;

/** Every scope, for tokens made by the CLI and the seed fixture when none are named. */
export const EVERY_SCOPE: readonly string[] = ALL_SCOPES;
