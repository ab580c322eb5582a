import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { ApiError, notAuthenticated, permissionDenied } from '../platform/http/errors.js';
import type { TokenService } from './tokens.service.js';
import type { SessionService } from './sessions.service.js';
import { authenticateSession } from './session-cookie.js';
import type { ScimCaller } from '../access/requester.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers without credentials (sign-in, invite links, email confirmation, the API document). */
    public?: boolean;
    /**
     * The route manages the account's own security (API tokens, authenticators, email confirmation):
     * a browser session only, as in Sentry. A token, whatever its scopes, must not be able to mint
     * tokens, revoke others, or swap the second factor of the person who holds it.
     */
    sessionOnly?: boolean;
    /** The route is part of an organization's SCIM API: the only routes a SCIM token opens. */
    scim?: boolean;
  }
}

/** Bearer tokens of another kind, recognised by their prefix (SCIM tokens: the `sso` folder issues them). */
export interface ScimTokenAuthenticator {
  readonly prefix: string;
  authenticate(token: string, ip: string): Promise<ScimCaller | null>;
}

export const SCIM_TOKEN_ELSEWHERE = "A SCIM token works on its organization's SCIM API only.";

export const SESSION_ONLY = 'This endpoint takes a signed-in browser session only: API tokens cannot manage API tokens, authenticators or email addresses.';

/**
 * Who is asking, for every `/api/0/` request: a bearer token, else a browser session. It runs before
 * the body is parsed and validated, so a request without credentials gets Sentry's 401 (not a 400
 * about its body) on every route that is not marked `config: { public: true }`.
 */
export function registerAuthentication(
  app: FastifyInstance,
  { tokens, sessions, scimTokens }: { tokens: TokenService; sessions: SessionService; scimTokens?: ScimTokenAuthenticator },
  config: Pick<Config, 'publicUrl'>,
) {
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/0/')) return;
    const authorization = request.headers.authorization;
    if (authorization) {
      const match = /^Bearer\s+([A-Za-z0-9_-]{1,256})\s*$/i.exec(authorization);
      const token = match?.[1];
      if (token && scimTokens && token.startsWith(scimTokens.prefix)) {
        request.scimCaller = await scimTokens.authenticate(token, request.ip);
        if (!request.scimCaller) throw new ApiError(401, { detail: 'Invalid token' }, 'invalid_token');
        if (!request.is404 && !request.routeOptions.config.scim) throw permissionDenied(SCIM_TOKEN_ELSEWHERE);
        return;
      }
      const requester = token ? await tokens.authenticate(token, request.ip) : null;
      if (!requester) throw new ApiError(401, { detail: 'Invalid token' }, 'invalid_token');
      request.requester = requester;
    } else {
      await authenticateSession(request, sessions, config.publicUrl);
    }
    // Unknown paths stay 404s; known ones need credentials unless they are public.
    if (!request.is404 && !request.requester && !request.routeOptions.config.public) throw notAuthenticated();
    if (request.requester?.via === 'token' && request.routeOptions.config.sessionOnly) throw permissionDenied(SESSION_ONLY);
  });
}
