/**
 * Roster as an OpenID Connect relying party, over openid-client (authorization code flow).
 * Guarantees: a provider is usable only once its discovery document names authorization, token and
 * JWKS endpoints on https (or loopback http); every sign-in carries state, nonce and a PKCE S256
 * challenge; a callback is accepted only when the state matches, the code exchange passes PKCE and
 * the ID token is signed by the issuer's keys, for this client, from this issuer, unexpired, with the
 * nonce sent. Config failures throw `ProviderConfigError`; sign-in failures throw `SsoSignInError`.
 */
import { timingSafeEqual } from 'node:crypto';
import type * as OpenidClient from 'openid-client';
import { ProviderConfigError, SsoSignInError, type SsoIdentity } from './errors.js';
import { isLoopbackHttp, parseProviderUrl } from './loopback.js';
import { asSignInError } from './oidc-errors.js';
import { identityFromClaims } from './oidc-claims.js';

export interface OidcProviderConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** A discovered provider, ready for sign-ins. Opaque: build it with `discoverOidc`. */
export interface OidcProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly configuration: OpenidClient.Configuration;
}

/** What the caller keeps (server side, or in a sealed cookie) between start and finish. */
export interface OidcPendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
}

// openid-client (with jose and oauth4webapi) is loaded at the first OIDC use, not at start: most
// organizations never use OIDC. Imported alone it adds 9 MB to a bare Node process's resident memory.
let openidClientLoading: Promise<typeof OpenidClient> | undefined;
const loadOpenidClient = () => (openidClientLoading ??= import('openid-client'));

/** Seconds a provider gets to answer discovery, token and userinfo requests. */
const REQUEST_TIMEOUT_SECONDS = 10;

function requireText(value: string, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new ProviderConfigError(field, 'is required');
  return value.trim();
}

async function fetchDiscovery(
  client: typeof OpenidClient,
  issuerUrl: URL,
  config: OidcProviderConfig,
  clientId: string,
): Promise<OpenidClient.Configuration> {
  const clientSecret = requireText(config.clientSecret, 'config.client_secret');
  try {
    return await client.discovery(issuerUrl, clientId, undefined, client.ClientSecretBasic(clientSecret), {
      timeout: REQUEST_TIMEOUT_SECONDS,
      execute: isLoopbackHttp(issuerUrl) ? [client.allowInsecureRequests] : [],
    });
  } catch (error) {
    throw new ProviderConfigError('config.issuer', discoveryFailure(client, error), { cause: error });
  }
}

function discoveryFailure(client: typeof OpenidClient, error: unknown): string {
  if (error instanceof client.ClientError) {
    if (error.code === 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED') return 'the discovery document names another issuer';
    if (error.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' || error.code === 'OAUTH_RESPONSE_IS_NOT_JSON') {
      return 'no OpenID Connect discovery document at /.well-known/openid-configuration';
    }
    return 'the discovery document is not valid';
  }
  return 'the issuer could not be reached';
}

/** The client authentication the provider supports; client_secret_basic is the spec's default. */
function chooseClientAuth(client: typeof OpenidClient, metadata: OpenidClient.ServerMetadata, clientSecret: string): OpenidClient.ClientAuth {
  const methods = metadata.token_endpoint_auth_methods_supported;
  if (methods && !methods.includes('client_secret_basic') && methods.includes('client_secret_post')) {
    return client.ClientSecretPost(clientSecret);
  }
  return client.ClientSecretBasic(clientSecret);
}

/**
 * Fetches and checks the issuer's discovery document. Fails with `ProviderConfigError` on
 * `config.issuer` (unreachable, not https, no document, missing endpoints), `config.client_id` or
 * `config.client_secret` (empty).
 */
export async function discoverOidc(config: OidcProviderConfig): Promise<OidcProvider> {
  const issuer = requireText(config.issuer, 'config.issuer');
  const clientId = requireText(config.clientId, 'config.client_id');
  const issuerUrl = parseProviderUrl(issuer);
  if (typeof issuerUrl === 'string') throw new ProviderConfigError('config.issuer', issuerUrl);
  const client = await loadOpenidClient();
  const discovered = await fetchDiscovery(client, issuerUrl, config, clientId);
  const metadata = discovered.serverMetadata();
  for (const endpoint of ['authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const) {
    const value = metadata[endpoint];
    if (!value) throw new ProviderConfigError('config.issuer', `the discovery document names no ${endpoint}`);
    const url = parseProviderUrl(value);
    if (typeof url === 'string') throw new ProviderConfigError('config.issuer', `the discovery document's ${endpoint} ${url}`);
  }
  // Rebuilt with the authentication method the provider supports, keeping the fetched metadata.
  const configuration = new client.Configuration(metadata, clientId, undefined, chooseClientAuth(client, metadata, config.clientSecret.trim()));
  configuration.timeout = REQUEST_TIMEOUT_SECONDS;
  if (isLoopbackHttp(issuerUrl)) client.allowInsecureRequests(configuration);
  // OIDC lets a client trust an ID token from the token endpoint on TLS alone; openid-client then
  // skips its signature. Roster checks it against the issuer's JWKS anyway: a token that a proxy, a
  // misrouted endpoint or a loopback demo hands over is still only accepted if the issuer signed it.
  client.enableNonRepudiationChecks(configuration);
  return { issuer: metadata.issuer, clientId, configuration };
}

/** Builds the authorization URL (code flow, PKCE S256, state, nonce) and what to keep until the callback. */
export async function startOidcSignIn(
  provider: OidcProvider,
  redirectUri: string,
): Promise<{ url: string; pending: OidcPendingSignIn }> {
  const client = await loadOpenidClient();
  const pending: OidcPendingSignIn = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier: client.randomPKCECodeVerifier(),
  };
  const url = client.buildAuthorizationUrl(provider.configuration, {
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid email profile',
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
    code_challenge_method: 'S256',
  });
  return { url: url.href, pending };
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Completes a sign-in from the callback URL the browser arrived at. Fails with `SsoSignInError`:
 * `state-mismatch`, `nonce-mismatch`, `pkce-failed` (the provider refused the code: invalid_grant),
 * `wrong-audience`, `wrong-issuer`, `expired`, `not-yet-valid`, `bad-signature`, `missing-subject`, `provider-error`, `provider-unreachable`,
 * `invalid-response`.
 */
export async function finishOidcSignIn(
  provider: OidcProvider,
  redirectUri: string,
  callbackUrl: string | URL,
  pending: OidcPendingSignIn,
): Promise<SsoIdentity> {
  const received = new URL(callbackUrl);
  // Checked here first so a forged callback is named as such whatever else is wrong with it.
  if (!sameText(received.searchParams.get('state') ?? '', pending.state)) {
    throw new SsoSignInError('state-mismatch', 'the callback does not answer the sign-in this browser started');
  }
  // The parameters of the callback on the registered redirect URI: the token request must name it exactly.
  const currentUrl = new URL(redirectUri);
  currentUrl.search = received.search;
  const client = await loadOpenidClient();
  try {
    const tokens = await client.authorizationCodeGrant(provider.configuration, currentUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims?.sub) throw new SsoSignInError('missing-subject', 'the ID token names no subject');
    const userInfo = claims.email
      ? undefined
      : await client.fetchUserInfo(provider.configuration, tokens.access_token, claims.sub);
    return identityFromClaims(claims, userInfo);
  } catch (error) {
    throw asSignInError(client, error);
  }
}
