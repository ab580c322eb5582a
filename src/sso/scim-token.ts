import type { Config } from '../config.js';
import type { Db, Tx } from '../platform/db/database.js';
import type { Clock } from '../platform/lib/clock.js';
import type { ScimCaller } from '../access/requester.js';
import type { Scope } from '../access/roles.js';
import type { ScimTokenAuthenticator } from '../identity/authenticate.js';
import { FAILED_TOKEN_LIMIT } from '../identity/tokens.service.js';
import { hitRateLimits } from '../platform/lib/rate-limit.queries.js';
import { rateLimited } from '../platform/http/errors.js';
import { hashSecret, newSecret, secretMatches } from '../platform/lib/secrets.js';
import { clearMemberIdpFlags } from '../members/member-sso.queries.js';
import { clearTeamIdpFlags } from '../teams/teams.queries.js';
import { deleteScimTokens, findScimTokenOrganization, insertScimToken, retireScimTokens, setScimEnabled } from './scim-tokens.queries.js';

/** SCIM tokens start with this, so that the authentication hook knows where to look them up. */
export const SCIM_TOKEN_PREFIX = 'scim_';

/** The scopes of Sentry's SCIM integration token (spec scim.md §1.2), and nothing more. */
export const SCIM_TOKEN_SCOPES: readonly Scope[] = ['member:read', 'member:write', 'member:admin', 'team:write', 'team:admin'];

/** How long a replaced token keeps working after a rotation (Roster's choice 10). */
export const SCIM_TOKEN_GRACE_MS = 24 * 60 * 60 * 1000;

/** What the identity provider's administrator pastes: shown once, when the token is issued. */
export interface IssuedScimToken {
  scim_api_token: string;
  scim_url: string;
}

/** The SCIM base URL of an organization, without a trailing slash (SCIM style, §1.1). */
export function scimUrl(config: Pick<Config, 'publicUrl'>, orgSlug: string): string {
  return `${config.publicUrl}/api/0/organizations/${orgSlug}/scim/v2`;
}

async function issueToken(tx: Tx, orgId: string, now: Date): Promise<string> {
  const token = `${SCIM_TOKEN_PREFIX}${newSecret()}`;
  await insertScimToken(tx, { orgId, tokenHash: hashSecret(token), lastCharacters: token.slice(-4), now });
  return token;
}

/** Turns SCIM on for the organization's provider and issues its first token. */
export async function enableScim(tx: Tx, orgId: string, now: Date): Promise<string> {
  await setScimEnabled(tx, orgId, true, now);
  await deleteScimTokens(tx, orgId);
  return issueToken(tx, orgId, now);
}

/** A new token; the one in use keeps working for SCIM_TOKEN_GRACE_MS more. */
export async function rotateScimToken(tx: Tx, orgId: string, now: Date): Promise<string> {
  await retireScimTokens(tx, orgId, now, new Date(now.getTime() + SCIM_TOKEN_GRACE_MS));
  return issueToken(tx, orgId, now);
}

/**
 * Turns SCIM off: its tokens stop working at once, and no member or team stays managed by the
 * identity provider (its `idp:*` flags are reset). Returns how many members and teams were released.
 */
export async function disableScim(tx: Tx, orgId: string, now: Date): Promise<{ members: number; teams: number }> {
  await setScimEnabled(tx, orgId, false, now);
  await deleteScimTokens(tx, orgId);
  return { members: await clearMemberIdpFlags(tx, orgId), teams: await clearTeamIdpFlags(tx, orgId) };
}

/**
 * Looks SCIM tokens up for the authentication hook. A failed attempt counts against the same per-IP
 * limit as a failed API token (429 past it).
 */
export function scimTokenAuthenticator({ db, clock }: { db: Db; clock: Clock }): ScimTokenAuthenticator {
  return {
    prefix: SCIM_TOKEN_PREFIX,
    async authenticate(token: string, ip: string): Promise<ScimCaller | null> {
      const now = clock.now();
      const row = await findScimTokenOrganization(db, hashSecret(token), now);
      if (!row || !secretMatches(token, row.token_hash)) {
        if (await db.transaction().execute((tx) => hitRateLimits(tx, [{ bucket: `auth-fail:ip:${ip}`, ...FAILED_TOKEN_LIMIT }], now))) throw rateLimited();
        return null;
      }
      return { organizationId: row.organization_id, tokenId: row.id, scopes: SCIM_TOKEN_SCOPES, ip };
    },
  };
}
