/**
 * The test SAML IdP (saml-idp.ts) with pages a real browser can go through, on a loopback port: its
 * SSO URL (the one in its metadata) answers the redirect-binding AuthnRequest with a login page (a
 * user field and a button), whose POST answers a page that submits the signed SAMLResponse and the
 * RelayState to the service provider's ACS, as an IdP's POST binding does (a script submits it at
 * once; the button is there for a browser without scripts).
 *
 * The pages are served as `localhost`, while Roster's test server is `127.0.0.1`: two sites, so the
 * POST to the ACS is a cross-site request, as it is between a real IdP and Roster.
 */
import http from 'node:http';
import { escapeHtml } from '../../src/platform/mail/outbox.js';
import type { SamlServiceProvider } from '../../src/sso/protocols/saml.js';
import { freePort } from './ports.js';
import { startSamlIdp, type SamlUser, type TestSamlIdp } from './saml-idp.js';

export interface TestSamlIdpWithPages extends TestSamlIdp {
  /** Someone who can sign in on the login page by typing `login`. */
  addUser(login: string, user: SamlUser): void;
  close(): Promise<void>;
}

const SSO_PATH = '/saml/sso';

const hidden = (name: string, value: string) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`;

function page(title: string, body: string, script = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1>${body}${script}</body></html>`;
}

/** The login page: the AuthnRequest's query travels in a hidden field to the POST that answers it. */
function loginPage(query: string): string {
  return page(
    'Test IdP sign-in',
    `<form method="post" action="${SSO_PATH}"><label>User <input name="login" autocomplete="off"></label>${hidden('query', query)}<button type="submit">Sign in</button></form>`,
  );
}

/** The POST binding's page: a form to the ACS with the response and the RelayState, submitted on load. */
function postBindingPage(acsUrl: string, samlResponse: string, relayState: string | null): string {
  return page(
    'Signing you in',
    `<form method="post" action="${escapeHtml(acsUrl)}">${hidden('SAMLResponse', samlResponse)}${relayState === null ? '' : hidden('RelayState', relayState)}<button type="submit">Continue</button></form>`,
    '<script>document.forms[0].submit()</script>',
  );
}

async function readForm(request: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startSamlIdpWithPages(sp: SamlServiceProvider, options: { entityId?: string } = {}): Promise<TestSamlIdpWithPages> {
  const port = await freePort();
  const ssoUrl = `http://localhost:${port}${SSO_PATH}`;
  const idp = await startSamlIdp(sp, { ...options, ssoUrl });
  const users = new Map<string, SamlUser>();

  async function answer(request: http.IncomingMessage): Promise<{ status: number; html: string }> {
    const url = new URL(request.url ?? '/', ssoUrl);
    if (url.pathname !== SSO_PATH) return { status: 404, html: page('Not found', '') };
    if (request.method === 'GET') {
      if (!url.searchParams.get('SAMLRequest')) return { status: 400, html: page('No SAMLRequest', '') };
      return { status: 200, html: loginPage(url.search.slice(1)) };
    }
    if (request.method !== 'POST') return { status: 405, html: page('Method not allowed', '') };
    const form = await readForm(request);
    const user = users.get(form.get('login') ?? '');
    if (!user) return { status: 401, html: page('Unknown user', '<p>No such user at this IdP.</p>') };
    const authnRequestUrl = `${ssoUrl}?${form.get('query') ?? ''}`;
    const samlResponse = await idp.respond(authnRequestUrl, user);
    return { status: 200, html: postBindingPage(sp.acsUrl, samlResponse, new URL(authnRequestUrl).searchParams.get('RelayState')) };
  }

  const server = http.createServer((request, response) => {
    answer(request).then(
      ({ status, html }) => response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html),
      (error: unknown) => response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`test IdP failed: ${String(error)}`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });

  return {
    ...idp,
    addUser: (login, user) => users.set(login, user),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
