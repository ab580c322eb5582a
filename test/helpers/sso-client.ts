/**
 * A scripted browser for the SSO sign-in tests, over `app.inject()`: a cookie jar (Roster's session
 * cookie and the sign-in form's token), the sign-in page's form submitted as a browser would, and API
 * requests with the session cookie and its CSRF token. The identity provider's side is driven by the
 * test IdPs (oidc-idp.ts, saml-idp.ts).
 */
import type { InjectOptions } from 'fastify';
import type { Harness, Response } from './harness.js';
import type { Answer } from './api-types.js';
import { parseResponse } from './session.js';

export interface SsoClient {
  cookies: Map<string, string>;
  /** A request to Roster with the jar's cookies; Set-Cookie answers go into the jar. */
  send(method: 'GET' | 'POST', url: string, options?: { form?: Record<string, string>; headers?: Record<string, string> }): Promise<Response>;
  /** Opens `/auth/{flow}/{org}/` (with `next`), submits its form, and returns the identity provider URL it redirects to. */
  start(orgSlug: string, options?: { flow?: 'login' | 'link'; next?: string }): Promise<string>;
  /** An API request with the session cookie (and its CSRF token on writes). */
  api<T = never, const M extends string = string, Url extends string = string>(method: M, url: Url, body?: unknown): Promise<Response<Answer<T, M, Url>>>;
}

export const location = (response: Response) => String(response.headers.location ?? '');

/** The reason code an SSO refusal page shows. */
export const refusalCode = (response: Response) => /data-code="([^"]+)"/.exec(String(response.body))?.[1] ?? null;

/** A path and query of an absolute URL on Roster (what inject() takes). */
export const pathOf = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};

export function ssoClient(h: Harness): SsoClient {
  const cookies = new Map<string, string>();
  const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');

  const client: SsoClient = {
    cookies,
    async send(method, url, { form, headers = {} } = {}) {
      const response = await h.app.inject({
        method: method as InjectOptions['method'],
        url,
        headers: {
          ...(cookies.size > 0 ? { cookie: cookieHeader() } : {}),
          ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
          ...headers,
        },
        ...(form ? { payload: new URLSearchParams(form).toString() } : {}),
      });
      for (const line of ([] as string[]).concat((response.headers['set-cookie'] as string | string[] | undefined) ?? [])) {
        const [pair] = line.split(';');
        const index = pair!.indexOf('=');
        const [name, value] = [pair!.slice(0, index), pair!.slice(index + 1)];
        if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) cookies.delete(name);
        else cookies.set(name, value);
      }
      return parseResponse(response);
    },
    async start(orgSlug, { flow = 'login', next } = {}) {
      const page = await client.send('GET', `/auth/${flow}/${orgSlug}/${next === undefined ? '' : `?next=${encodeURIComponent(next)}`}`);
      if (page.status !== 200) throw new Error(`sign-in page answered ${page.status}: ${String(page.body).slice(0, 300)}`);
      const formToken = /name="form_token" value="([^"]+)"/.exec(String(page.body))?.[1];
      const nextField = /name="next" value="([^"]*)"/.exec(String(page.body))?.[1];
      if (!formToken) throw new Error('the sign-in page has no form token');
      const form: Record<string, string> = { form_token: formToken };
      if (nextField !== undefined) form.next = nextField.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
      const started = await client.send('POST', `/auth/${flow}/${orgSlug}/`, { form, headers: { origin: 'http://roster.test' } });
      if (started.status !== 302) throw new Error(`starting the sign-in answered ${started.status}: ${String(started.body).slice(0, 300)}`);
      return location(started);
    },
    async api(method, url, body) {
      let csrf: string | undefined;
      if (method !== 'GET') {
        const me = await client.send('GET', '/api/0/auth/');
        csrf = (me.body as { csrfToken?: string }).csrfToken;
      }
      const response = await h.app.inject({
        method: method as InjectOptions['method'],
        url,
        headers: { cookie: cookieHeader(), ...(csrf ? { 'x-csrftoken': csrf } : {}) },
        ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
      });
      // The body is what the route answers (the caller's type is checked against the route's).
      return parseResponse(response) as Response<never>;
    },
  };
  return client;
}
