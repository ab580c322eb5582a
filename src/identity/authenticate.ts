import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { ApiError, notAuthenticated, permissionDenied } from '../platform/http/errors.js';
import type { TokenService } from './tokens.service.js';
import type { SessionService } from './sessions.service.js';
import { authenticateSession } from './session-cookie.js';

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
  }
}

export const SESSION_ONLY = 'This endpoint takes a signed-in browser session only: API tokens cannot manage API tokens, authenticators or email addresses.';

/**
 * Who is asking, for every `/api/0/` request: a bearer token, else a browser session. It runs before
 * the body is parsed and validated, so a request without credentials gets Sentry's 401 (not a 400
 * about its body) on every route that is not marked `config: { public: true }`.
 */
export function registerAuthentication(
  app: FastifyInstance,
  { tokens, sessions }: { tokens: TokenService; sessions: SessionService },
  config: Pick<Config, 'publicUrl'>,
) {
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/0/')) return;
    const authorization = request.headers.authorization;
    if (authorization) {
      const match = /^Bearer\s+([A-Za-z0-9_-]{1,256})\s*$/i.exec(authorization);
      const requester = match ? await tokens.authenticate(match[1]!, request.ip) : null;
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
