import type { InjectOptions } from 'fastify';
import type { Harness, Response } from './harness.js';
import type { Answer } from './api-types.js';
import { hashSecret, newSecret } from '../../src/platform/lib/secrets.js';
import { insertSession } from '../../src/identity/sessions.queries.js';
import { inTransaction } from './database.js';

/** A browser signed in through the API: its session cookie, and its CSRF token once asked for. */
export interface BrowserSession {
  cookie: string;
  csrfToken: string | null;
  /** A request with the session cookie (and the CSRF header, unless `csrf` is false or a string to send instead). */
  request<T = never, const M extends string = string, Url extends string = string>(
    method: M,
    url: Url,
    body?: unknown,
    options?: { csrf?: boolean | string },
  ): Promise<Response<Answer<T, M, Url>>>;
}

export function parseResponse(response: { statusCode: number; body: string; headers: Response['headers'] }): Response {
  const text = response.body;
  const json = text && String(response.headers['content-type'] ?? '').includes('json');
  return { status: response.statusCode, body: json ? JSON.parse(text) : text, headers: response.headers };
}

/** The token inside a sign-in URL (`…/signin/{token}/`). */
export function signinToken(url: string): string {
  const match = /\/signin\/([0-9a-f]{64})\/$/.exec(url);
  if (!match) throw new Error(`not a sign-in link: ${url}`);
  return match[1]!;
}

/** The session cookie's value in a response's Set-Cookie header. */
export function sessionCookie(headers: Response['headers']): string | null {
  const all = ([] as string[]).concat((headers['set-cookie'] as string | string[] | undefined) ?? []);
  const match = all.map((line) => /^roster_session=([^;]*)/.exec(line)).find(Boolean);
  return match ? match[1]! : null;
}

export function browser(h: Harness, cookie: string): BrowserSession {
  const session: BrowserSession = {
    cookie,
    csrfToken: null,
    async request(method, url, body, options = {}) {
      const csrf = options.csrf === undefined || options.csrf === true ? session.csrfToken : options.csrf || null;
      const response = await h.app.inject({
        method: method as InjectOptions['method'],
        url,
        headers: { cookie: `roster_session=${session.cookie}`, ...(csrf ? { 'x-csrftoken': csrf } : {}) },
        ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
      });
      return parseResponse(response) as Response<never>;
    },
  };
  return session;
}

/** Signs in with a link made for `email` (no email round trip) and fetches the CSRF token. */
export async function signIn(h: Harness, email: string): Promise<BrowserSession & { needs2fa: boolean }> {
  const link = await h.services.sessions.signinLinkFor(email);
  if (!link) throw new Error(`no user ${email}`);
  const response = parseResponse(await h.app.inject({ method: 'POST', url: '/api/0/auth/signin/', payload: { token: signinToken(link) } }));
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(response.body)}`);
  const session = browser(h, sessionCookie(response.headers)!);
  const me = await session.request('GET', '/api/0/auth/');
  session.csrfToken = me.body.csrfToken;
  return Object.assign(session, { needs2fa: (response.body as { needs2fa: boolean }).needs2fa });
}

const accountSessions = new WeakMap<Harness, Map<string, BrowserSession>>();

/**
 * A signed-in browser (2FA step done) of the user who holds `token`, made once per token and harness.
 * The account routes (API tokens, authenticators, email confirmation) take a browser session only,
 * so tests that drive them with a user's token go through this. It writes the session row directly:
 * the sign-in flow itself is tested in sessions.test.ts.
 */
export async function sessionOf(h: Harness, token: string): Promise<BrowserSession> {
  const cache = accountSessions.get(h) ?? new Map<string, BrowserSession>();
  accountSessions.set(h, cache);
  const known = cache.get(token);
  if (known) return known;
  const requester = await h.services.tokens.authenticate(token, '127.0.0.1');
  if (!requester) throw new Error('sessionOf: not a live token');
  const cookie = newSecret();
  const csrfToken = newSecret();
  await inTransaction(h, (tx) => insertSession(tx, {
    userId: requester.userId,
    tokenHash: hashSecret(cookie),
    csrfToken,
    twoFactorPassed: true,
    expiresAt: new Date(h.clock.now().getTime() + 20 * 365 * 24 * 3600_000),
  }));
  const session = browser(h, cookie);
  session.csrfToken = csrfToken;
  cache.set(token, session);
  return session;
}

/** A request to an account route as the browser of `token`'s user (no credentials when null). */
export async function accountRequest<T = never, const M extends string = string, Url extends string = string>(
  h: Harness,
  token: string | null,
  method: M,
  url: Url,
  body?: unknown,
): Promise<Response<Answer<T, M, Url>>> {
  const response = token === null ? await h.request(null, method, url, body) : await (await sessionOf(h, token)).request(method, url, body);
  return response as Response<never>;
}

/** The routes that take a browser session only (issue 13): API tokens, authenticators, email confirmation. */
export const isAccountRoute = (url: string): boolean => /^\/api\/0\/(api-tokens\/|users\/me\/authenticators\/|users\/me\/emails\/confirm\/)/.test(url);
