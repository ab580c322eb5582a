/**
 * An OpenID Connect identity provider in-process (oidc-provider, OpenID-certified) on a free
 * loopback port, for the SSO tests: one confidential client with PKCE required, accounts the test
 * adds, a scripted cookie-jar "browser" that signs in through the provider's own login and consent
 * pages, and a hook that rewrites the next ID token (re-signed with the provider's key) so attack
 * tests can hand Roster a token for another client, from another issuer, or expired.
 */
import http from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, decodeJwt, type JWK, type JWTPayload } from 'jose';
import Provider from 'oidc-provider';
import { freePort } from './ports.js';

export interface OidcAccount {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

/** Claims to put in the next ID token the token endpoint returns; `signWith` a foreign key to forge. */
export interface IdTokenRewrite {
  claims: JWTPayload;
  signWith?: CryptoKey;
}

export interface TestOidcIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  addAccount(account: OidcAccount): void;
  /** The next token response carries an ID token with these claims changed (once). */
  rewriteNextIdToken(rewrite: IdTokenRewrite): void;
  /** Follows `authorizationUrl` through login and consent as `sub`; returns the callback URL reached. */
  signIn(authorizationUrl: string, sub: string): Promise<string>;
  close(): Promise<void>;
}

async function signingKey(): Promise<{ jwk: JWK; privateKey: CryptoKey }> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-idp-key', alg: 'RS256', use: 'sig' };
  return { jwk, privateKey };
}

export async function startOidcIdp(options: { redirectUri?: string; clientId?: string } = {}): Promise<TestOidcIdp> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = options.clientId ?? 'roster';
  const clientSecret = 'test-client-secret-that-is-long-enough';
  const redirectUri = options.redirectUri ?? 'http://127.0.0.1:1/auth/sso/';
  const accounts = new Map<string, OidcAccount>();
  const { jwk, privateKey } = await signingKey();
  let rewrite: IdTokenRewrite | undefined;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    jwks: { keys: [jwk] },
    cookies: { keys: ['test-idp-cookie-key'] },
    // Short fixed lifetimes (seconds): a test sign-in takes well under a minute.
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ ...account }) };
    },
  });
  // A post-middleware (oidc-provider's documented extension point): swap the ID token of the next
  // token response for a re-signed one, so the relying party sees a token the provider "issued".
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path !== '/token' || !rewrite || !body?.id_token) return;
    const { claims, signWith } = rewrite;
    rewrite = undefined;
    const payload = { ...decodeJwt(body.id_token), ...claims };
    body.id_token = await new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid: jwk.kid })
      .sign(signWith ?? privateKey);
  });

  const server = http.createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    issuer,
    clientId,
    clientSecret,
    redirectUri,
    addAccount: (account) => accounts.set(account.sub, account),
    rewriteNextIdToken: (next) => {
      rewrite = next;
    },
    signIn: (authorizationUrl, sub) => browse(authorizationUrl, redirectUri, sub),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * A scripted browser: follows redirects by hand, keeps cookies, and answers the provider's dev
 * login form (any password) and consent form, until a redirect leads to the relying party.
 */
async function browse(startUrl: string, redirectUri: string, sub: string): Promise<string> {
  const cookies = new Map<string, string>();
  let url = startUrl;
  let form: URLSearchParams | undefined;
  for (let step = 0; step < 20; step += 1) {
    if (url.startsWith(redirectUri.split('?')[0]!)) return url;
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      body: form,
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, ...value] = pair!.split('=');
      cookies.set(name!.trim(), value.join('='));
    }
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url).href;
      form = undefined;
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`the identity provider answered ${response.status} with no form: ${html.slice(0, 300)}`);
    url = new URL(action.replace(/&amp;/g, '&'), url).href;
    form = html.includes('name="login"')
      ? new URLSearchParams({ prompt: 'login', login: sub, password: 'any' })
      : new URLSearchParams({ prompt: 'consent' });
  }
  throw new Error('the sign-in did not reach the redirect URI in 20 steps');
}
