import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Config } from '../config.js';
import { notAuthenticated } from '../platform/http/errors.js';
import { ERROR_RESPONSES, NoContent } from '../platform/http/schemas.js';
import { RATE_LIMITS, type SessionService } from './sessions.service.js';
import { SESSION_COOKIE, sessionCookieOptions } from './session-cookie.js';
import { SigninBody, SigninLinkBody, SigninResponse, TwoFactorBody, WhoAmI } from './auth.schemas.js';
import { BODY_LIMITS } from '../platform/http/body-limits.js';
import { PUBLIC_ROUTE_IP_LIMIT } from '../platform/http/ip-rate-limit.js';

const tags = ['Auth'];

function requireSession(request: FastifyRequest) {
  if (!request.browserSession) throw notAuthenticated();
  return request.browserSession;
}

/** Browser sign-in: a one-time link by email, then a TOTP code when the account has 2FA, then a session cookie. */
export function authRoutes(sessions: SessionService, config: Pick<Config, 'publicUrl'>): FastifyPluginAsyncTypebox {
  const cookieOptions = sessionCookieOptions(config);
  return async (app) => {
    // Links still being sent are finished before the database closes.
    app.addHook('onClose', () => sessions.settled());

    app.post(
      '/api/0/auth/signin-link/',
      {
        config: { public: true, ipRateLimit: { name: 'signin-link', ...RATE_LIMITS.linksPerIp } },
        bodyLimit: BODY_LIMITS.auth,
        schema: {
          operationId: 'requestSigninLink',
          tags,
          summary: 'Email a one-time sign-in link (always 204, whether or not the address has an account)',
          security: [],
          body: SigninLinkBody,
          response: { 204: NoContent, 400: ERROR_RESPONSES[400], 429: ERROR_RESPONSES[403] },
        },
        // The address is looked up and its link sent once the answer is out, so that how long the
        // answer takes cannot tell whether the address has an account.
        onResponse: async (request, reply) => {
          if (reply.statusCode !== 204) return;
          await sessions.sendSigninLink(request.body.email).catch((error: unknown) => request.log.error({ err: error }, 'sign-in link not sent'));
        },
      },
      async (_request, reply) => reply.status(204).send(null),
    );

    app.post(
      '/api/0/auth/signin/',
      {
        config: { public: true, ipRateLimit: { name: 'signin', ...PUBLIC_ROUTE_IP_LIMIT } },
        bodyLimit: BODY_LIMITS.auth,
        schema: {
          operationId: 'signIn',
          tags,
          summary: "Exchange a sign-in link's token for a session cookie",
          security: [],
          body: SigninBody,
          response: { 200: SigninResponse, 400: ERROR_RESPONSES[400], 429: ERROR_RESPONSES[403] },
        },
      },
      async (request, reply) => {
        const { sessionToken, needs2fa } = await sessions.signIn(request.body.token);
        return reply.setCookie(SESSION_COOKIE, sessionToken, cookieOptions).send({ needs2fa });
      },
    );

    app.post(
      '/api/0/auth/2fa/',
      {
        config: { public: true },
        bodyLimit: BODY_LIMITS.auth,
        schema: {
          operationId: 'signInSecondFactor',
          tags,
          summary: "Complete a session's sign-in with a TOTP code",
          body: TwoFactorBody,
          response: { 204: NoContent, ...ERROR_RESPONSES, 429: ERROR_RESPONSES[403] },
        },
      },
      async (request, reply) => {
        await sessions.verifySecondFactor(requireSession(request), request.body.otp);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/0/auth/',
      { config: { public: true }, schema: { operationId: 'whoAmI', tags, summary: 'The signed-in account and its CSRF token', response: { 200: WhoAmI, ...ERROR_RESPONSES } } },
      (request) => sessions.whoAmI(requireSession(request)),
    );

    app.delete(
      '/api/0/auth/',
      { config: { public: true }, schema: { operationId: 'signOut', tags, summary: 'Sign out: revoke the session', response: { 204: NoContent, ...ERROR_RESPONSES } } },
      async (request, reply) => {
        if (request.browserSession) await sessions.revoke(request.browserSession);
        return reply.clearCookie(SESSION_COOKIE, { path: '/' }).status(204).send(null);
      },
    );
  };
}
