import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { Config } from '../config.js';
import { ApiError } from '../platform/http/errors.js';
import { SESSION_DAYS, sessionRequester, type Session, type SessionService } from './sessions.service.js';

export const SESSION_COOKIE = 'roster_session';
export const CSRF_HEADER = 'x-csrftoken';

declare module 'fastify' {
  interface FastifyRequest {
    /** The browser session behind the request's cookie, also while its 2FA step is pending. */
    browserSession: Session | null;
  }
}

/** httpOnly, SameSite=Lax, and Secure when the console is served over https. */
export function sessionCookieOptions(config: Pick<Config, 'publicUrl'>): CookieSerializeOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.publicUrl.startsWith('https:'),
    path: '/',
    maxAge: SESSION_DAYS * 24 * 60 * 60,
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Signing in acts with no session's authority, so a stale cookie must not block it. */
const CSRF_EXEMPT_ROUTES = new Set(['/api/0/auth/signin-link/', '/api/0/auth/signin/']);

export const csrfFailed = () => new ApiError(403, { detail: 'CSRF Failed: CSRF token missing or incorrect.' }, 'csrf_failed');

function csrfMatches(header: string | string[] | undefined, expected: string): boolean {
  if (typeof header !== 'string') return false;
  const given = Buffer.from(header);
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && crypto.timingSafeEqual(given, wanted);
}

/**
 * Authenticates an API request by its session cookie. A state-changing request must carry the
 * session's CSRF token in `X-CSRFToken` (403 otherwise). The session becomes the requester only once
 * its 2FA step is done; until then only the auth routes see it (as `browserSession`).
 */
export async function authenticateSession(request: FastifyRequest, sessions: SessionService, publicUrl: string): Promise<void> {
  const value = request.cookies[SESSION_COOKIE];
  if (!value) return;
  const session = await sessions.authenticate(value);
  if (!session) return;
  const exempt = SAFE_METHODS.has(request.method) || CSRF_EXEMPT_ROUTES.has(request.routeOptions.url ?? '');
  if (!exempt && !csrfMatches(request.headers[CSRF_HEADER], session.csrfToken)) throw csrfFailed();
  request.browserSession = session;
  if (session.twoFactorPassed) request.requester = sessionRequester(session, request.ip, publicUrl);
}
