import type { InjectOptions } from 'fastify';
import type { Harness, Response } from './harness.js';

/** A browser signed in through the API: its session cookie, and its CSRF token once asked for. */
export interface BrowserSession {
  cookie: string;
  csrfToken: string | null;
  /** A request with the session cookie (and the CSRF header, unless `csrf` is false or a string to send instead). */
  request<T = any>(method: InjectOptions['method'], url: string, body?: unknown, options?: { csrf?: boolean | string }): Promise<Response<T>>;
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
        method,
        url,
        headers: { cookie: `roster_session=${session.cookie}`, ...(csrf ? { 'x-csrftoken': csrf } : {}) },
        ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
      });
      return parseResponse(response);
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
  return Object.assign(session, { needs2fa: response.body.needs2fa as boolean });
}
