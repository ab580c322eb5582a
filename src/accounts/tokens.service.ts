import type { Db } from '../db/database.js';
import { expandTokenScopes } from '../roles/access.js';
import { ALL_SCOPES } from '../roles/roles.js';
import { fieldError } from '../http/errors.js';
import { hashSecret, newSecret, secretMatches } from '../lib/secrets.js';
import type { Clock } from '../lib/clock.js';
import type { Requester } from '../auth/requester.js';
import { findTokenOwner, insertApiToken } from './tokens.queries.js';

export interface CreatedToken {
  id: string;
  /** The token itself: shown once, never stored. */
  token: string;
  scopes: string[];
  dateCreated: Date;
}

export function createTokenService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /** Issues a token for a user with the given scopes, expanded as Sentry does; 400 on unknown scopes. */
    async create(userId: string, requestedScopes: readonly string[], name: string | null = null): Promise<CreatedToken> {
      const unknown = requestedScopes.filter((scope) => !(ALL_SCOPES as readonly string[]).includes(scope));
      if (unknown.length > 0) throw fieldError('scopes', `Invalid scopes: ${unknown.join(', ')}`);
      const token = newSecret();
      const scopes = expandTokenScopes(requestedScopes);
      const row = await insertApiToken(db, {
        userId,
        tokenHash: hashSecret(token),
        lastCharacters: token.slice(-4),
        name,
        scopes,
      });
      return { id: row.id, token, scopes, dateCreated: row.date_created };
    },

    /** The requester a bearer token stands for, or null when the token is unknown or expired. */
    async authenticate(token: string, ip: string): Promise<Requester | null> {
      const owner = await findTokenOwner(db, hashSecret(token), clock.now());
      if (!owner || !secretMatches(token, owner.token_hash)) return null;
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
