import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { generateKeyPair } from 'jose';
import { ProviderConfigError, SsoSignInError } from '../../src/sso/protocols/errors.js';
import { discoverOidc, finishOidcSignIn, startOidcSignIn, type OidcProvider } from '../../src/sso/protocols/oidc.js';
import { startOidcIdp, type TestOidcIdp } from '../helpers/oidc-idp.js';
import { freePort } from '../helpers/ports.js';

// Roster's OIDC relying party against a real oidc-provider on loopback: the happy path, each attack
// on the callback, and each configuration mistake, with the error code or field it must name.
let idp: TestOidcIdp;
let provider: OidcProvider;

before(async () => {
  idp = await startOidcIdp();
  idp.addAccount({ sub: 'alice-sub', email: 'Alice@Example.com', email_verified: true, name: 'Alice Liddell' });
  idp.addAccount({ sub: 'bob-sub', email: 'bob@example.com', email_verified: false });
  provider = await discoverOidc({ issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret });
});
after(() => idp.close());

/** Starts a sign-in and walks the provider's pages as `sub`; returns what the callback needs. */
async function signInAt(sub: string) {
  const { url, pending } = await startOidcSignIn(provider, idp.redirectUri);
  const callbackUrl = await idp.signIn(url, sub);
  return { callbackUrl, pending };
}

async function refusedWith(code: string, attempt: Promise<unknown>) {
  await assert.rejects(attempt, (error: unknown) => {
    assert.ok(error instanceof SsoSignInError, `expected an SsoSignInError, got ${String(error)}`);
    assert.equal(error.code, code, `${error.message}: ${String(error.cause)}`);
    return true;
  });
}

describe('OIDC sign-in', () => {
  it('asks for the code flow with PKCE S256, state and nonce', async () => {
    const { url, pending } = await startOidcSignIn(provider, idp.redirectUri);
    const params = new URL(url).searchParams;
    assert.equal(params.get('response_type'), 'code');
    assert.equal(params.get('code_challenge_method'), 'S256');
    assert.ok(params.get('code_challenge') && params.get('code_challenge') !== pending.codeVerifier);
    assert.equal(params.get('state'), pending.state);
    assert.equal(params.get('nonce'), pending.nonce);
    assert.equal(params.get('redirect_uri'), idp.redirectUri);
  });

  it('returns the identity the provider asserted (email from userinfo, lower-cased)', async () => {
    const { callbackUrl, pending } = await signInAt('alice-sub');
    const identity = await finishOidcSignIn(provider, idp.redirectUri, callbackUrl, pending);
    assert.deepEqual(identity, { id: 'alice-sub', email: 'alice@example.com', emailVerified: true, name: 'Alice Liddell' });
  });

  it('reports an unverified email as unverified', async () => {
    const { callbackUrl, pending } = await signInAt('bob-sub');
    const identity = await finishOidcSignIn(provider, idp.redirectUri, callbackUrl, pending);
    assert.equal(identity.emailVerified, false);
    assert.equal(identity.name, null);
  });

  it('refuses a callback whose state is not the one this sign-in sent', async () => {
    const { callbackUrl, pending } = await signInAt('alice-sub');
    await refusedWith('state-mismatch', finishOidcSignIn(provider, idp.redirectUri, callbackUrl, { ...pending, state: 'forged' }));
  });

  it('refuses an ID token whose nonce is not the one this sign-in sent', async () => {
    const { callbackUrl, pending } = await signInAt('alice-sub');
    await refusedWith('nonce-mismatch', finishOidcSignIn(provider, idp.redirectUri, callbackUrl, { ...pending, nonce: 'another-nonce' }));
  });

  it('refuses a code redeemed with another PKCE verifier', async () => {
    const { callbackUrl, pending } = await signInAt('alice-sub');
    const otherVerifier = 'x'.repeat(43);
    await refusedWith('pkce-failed', finishOidcSignIn(provider, idp.redirectUri, callbackUrl, { ...pending, codeVerifier: otherVerifier }));
  });

  it('refuses an ID token issued for another client', async () => {
    const { callbackUrl, pending } = await signInAt('alice-sub');
    idp.rewriteNextIdToken({ claims: { aud: 'another-client', azp: 'another-client' } });
    await refusedWith('wrong-audience', finishOidcSignIn(provider, idp.redirectUri, callbackUrl, pending));
  });

  it('refuses an ID token from another issuer', async () => {
    const { callbackUrl, pending } = await signInAt('alice-sub');
    idp.rewriteNextIdToken({ claims: { iss: 'http://127.0.0.1:1/another-issuer' } });
    await refusedWith('wrong-issuer', finishOidcSignIn(provider, idp.redirectUri, callbackUrl, pending));
  });

  it('refuses an expired ID token', async () => {
    const { callbackUrl, pending } = await signInAt('alice-sub');
    const hourAgo = Math.floor(Date.now() / 1000) - 3600;
    idp.rewriteNextIdToken({ claims: { iat: hourAgo - 600, exp: hourAgo } });
    await refusedWith('expired', finishOidcSignIn(provider, idp.redirectUri, callbackUrl, pending));
  });

  it('refuses an ID token signed by a key the issuer does not publish', async () => {
    const { callbackUrl, pending } = await signInAt('alice-sub');
    const { privateKey } = await generateKeyPair('RS256');
    idp.rewriteNextIdToken({ claims: {}, signWith: privateKey });
    await refusedWith('bad-signature', finishOidcSignIn(provider, idp.redirectUri, callbackUrl, pending));
  });
});

describe('OIDC provider configuration', () => {
  async function rejectsNaming(field: string, reason: RegExp, attempt: Promise<unknown>) {
    await assert.rejects(attempt, (error: unknown) => {
      assert.ok(error instanceof ProviderConfigError, `expected a ProviderConfigError, got ${String(error)}`);
      assert.equal(error.field, field);
      assert.match(error.reason, reason);
      return true;
    });
  }

  it('names the issuer when nothing answers there', async () => {
    const issuer = `http://127.0.0.1:${await freePort()}`;
    await rejectsNaming('config.issuer', /could not be reached/, discoverOidc({ issuer, clientId: 'a', clientSecret: 'b' }));
  });

  it('names the issuer when it is plain http off loopback', async () => {
    await rejectsNaming('config.issuer', /https/, discoverOidc({ issuer: 'http://idp.example.com', clientId: 'a', clientSecret: 'b' }));
  });

  /** Serves `document(issuer)` as the discovery document of a loopback issuer during `run`. */
  async function withDiscovery(document: (issuer: string) => object, run: (issuer: string) => Promise<void>) {
    const server = http.createServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(document(`http://127.0.0.1:${(server.address() as { port: number }).port}`)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await run(`http://127.0.0.1:${(server.address() as { port: number }).port}`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it('names the issuer when its discovery document lists no jwks_uri', async () => {
    await withDiscovery(
      (issuer) => ({ issuer, authorization_endpoint: `${issuer}/auth`, token_endpoint: `${issuer}/token` }),
      (issuer) => rejectsNaming('config.issuer', /jwks_uri/, discoverOidc({ issuer, clientId: 'a', clientSecret: 'b' })),
    );
  });

  it('names the issuer when its discovery document speaks for another issuer', async () => {
    await withDiscovery(
      (issuer) => ({ issuer: 'https://idp.example.com', authorization_endpoint: `${issuer}/auth`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks` }),
      (issuer) => rejectsNaming('config.issuer', /another issuer/, discoverOidc({ issuer, clientId: 'a', clientSecret: 'b' })),
    );
  });

  it('names the issuer when its discovery document sends tokens over plain http off loopback', async () => {
    await withDiscovery(
      (issuer) => ({ issuer, authorization_endpoint: `${issuer}/auth`, token_endpoint: 'http://idp.example.com/token', jwks_uri: `${issuer}/jwks` }),
      (issuer) => rejectsNaming('config.issuer', /token_endpoint must use https/, discoverOidc({ issuer, clientId: 'a', clientSecret: 'b' })),
    );
  });

  it('names the client id and secret when they are empty', async () => {
    await rejectsNaming('config.client_id', /required/, discoverOidc({ issuer: idp.issuer, clientId: ' ', clientSecret: 'b' }));
    await rejectsNaming('config.client_secret', /required/, discoverOidc({ issuer: idp.issuer, clientId: 'a', clientSecret: '' }));
  });
});
