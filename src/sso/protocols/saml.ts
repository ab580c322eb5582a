/**
 * Roster as a SAML 2.0 service provider, over @node-saml/node-saml. Guarantees: AuthnRequests go
 * out by the HTTP-Redirect binding with an id the caller keeps; a response is accepted only if its
 * assertion is signed by the configured IdP certificate (one assertion, no wrapping), comes from the
 * IdP's entity id, names Roster's entity id as audience and Roster's ACS URL as recipient (and as
 * destination when the response names one), is inside its NotBefore/NotOnOrAfter window, answers the
 * caller's request id, and neither the assertion id nor the request id was used before. Failures
 * throw `SsoSignInError`; no raw library exception reaches the caller.
 */
import { randomBytes } from 'node:crypto';
import type { CacheProvider, Profile, SAML } from '@node-saml/node-saml';
import { SsoSignInError, type SsoIdentity } from './errors.js';
import type { SamlIdpConfig } from './saml-config.js';
import { asSamlSignInError } from './saml-errors.js';
import { checkAssertion, identityFromProfile } from './saml-assertion.js';

export { checkSamlIdpConfig, parseIdpMetadata, type SamlIdpConfig } from './saml-config.js';

/** Roster's side of one organization's SAML connection. */
export interface SamlServiceProvider {
  entityId: string;
  /** Assertion Consumer Service: where the IdP posts responses (`/saml/acs/{org}/`). */
  acsUrl: string;
}

/**
 * Records `id` as used until `expiresAt` and reports whether it had been recorded before. Called for
 * the assertion id and for `in-response-to:<request id>`, so neither a replayed response nor a second
 * response to the same AuthnRequest gets through. Backed by a table with a unique key in production.
 */
export type IsAssertionSeen = (id: string, expiresAt: Date) => Promise<boolean>;

export interface SamlPendingSignIn {
  requestId: string;
  isAssertionSeen: IsAssertionSeen;
}

// node-saml (with its XML signature and encryption libraries) is loaded at the first SAML use, not at
// start: most organizations never use SAML. Imported alone it adds 16 MB to a bare Node process's resident
// memory; with openid-client also loaded lazily (oidc.ts), the server imports in 125 MB instead of 132.
let nodeSamlLoading: Promise<typeof import('@node-saml/node-saml')> | undefined;
const loadNodeSaml = () => (nodeSamlLoading ??= import('@node-saml/node-saml'));

/** Leeway for clocks between Roster and the IdP, as most service providers allow. */
const CLOCK_SKEW_MS = 60_000;
const UNSPECIFIED_NAME_ID = 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified';

/** Remembers nothing: request ids are the caller's to keep (`startSamlSignIn` returns it). */
const forgetfulCache: CacheProvider = {
  saveAsync: async (_key, value) => ({ value, createdAt: Date.now() }),
  getAsync: async () => null,
  removeAsync: async () => null,
};

/** Knows exactly one request id: the one the caller stored for this browser's sign-in. */
function cacheKnowing(requestId: string): CacheProvider {
  return {
    saveAsync: async (_key, value) => ({ value, createdAt: Date.now() }),
    getAsync: async (key) => (key === requestId ? new Date().toISOString() : null),
    removeAsync: async () => null,
  };
}

async function samlClient(idp: SamlIdpConfig, sp: SamlServiceProvider, cacheProvider: CacheProvider, requestId?: string): Promise<SAML> {
  const { SAML, ValidateInResponseTo } = await loadNodeSaml();
  return new SAML({
    entryPoint: idp.ssoUrl,
    idpIssuer: idp.entityId,
    idpCert: idp.x509cert,
    issuer: sp.entityId,
    callbackUrl: sp.acsUrl,
    audience: sp.entityId,
    wantAssertionsSigned: true,
    // Most IdPs sign only the assertion; a signed response envelope is accepted but not required.
    wantAuthnResponseSigned: false,
    validateInResponseTo: ValidateInResponseTo.always,
    cacheProvider,
    acceptedClockSkewMs: CLOCK_SKEW_MS,
    identifierFormat: UNSPECIFIED_NAME_ID,
    // Requesting an authentication context (password) would make IdPs refuse passkeys or MFA-only users.
    disableRequestedAuthnContext: true,
    signatureAlgorithm: 'sha256',
    ...(requestId ? { generateUniqueId: () => requestId } : {}),
  });
}

/** The SP metadata an IdP administrator uploads (served at `GET /saml/metadata/{org}/`). */
export async function samlServiceProviderMetadata(sp: SamlServiceProvider): Promise<string> {
  const { generateServiceProviderMetadata } = await loadNodeSaml();
  return generateServiceProviderMetadata({
    issuer: sp.entityId,
    callbackUrl: sp.acsUrl,
    identifierFormat: UNSPECIFIED_NAME_ID,
    wantAssertionsSigned: true,
  });
}

/** The IdP URL to redirect the browser to, and the request id to keep until the response arrives. */
export async function startSamlSignIn(
  idp: SamlIdpConfig,
  sp: SamlServiceProvider,
  relayState: string,
): Promise<{ url: string; requestId: string }> {
  // xs:ID values must not start with a digit.
  const requestId = `_${randomBytes(20).toString('hex')}`;
  const saml = await samlClient(idp, sp, forgetfulCache, requestId);
  const url = await saml.getAuthorizeUrlAsync(relayState, undefined, {});
  return { url, requestId };
}

/**
 * Validates a POSTed `SAMLResponse` for the sign-in that sent `pending.requestId`. Fails with
 * `SsoSignInError`: `bad-signature` (tampered, wrapped, wrong key), `unsigned-assertion`,
 * `wrong-issuer`, `wrong-audience`, `wrong-recipient`, `wrong-destination`, `expired`,
 * `not-yet-valid`, `unexpected-response` (not an answer to this request), `replayed`,
 * `provider-error` (the IdP reported a failure), `invalid-response`.
 */
export async function finishSamlSignIn(
  idp: SamlIdpConfig,
  sp: SamlServiceProvider,
  body: { SAMLResponse?: unknown },
  pending: SamlPendingSignIn,
): Promise<SsoIdentity> {
  const samlResponse = body.SAMLResponse;
  if (typeof samlResponse !== 'string' || samlResponse === '') throw new SsoSignInError('invalid-response', 'no SAMLResponse was posted');
  let profile: Profile | null;
  try {
    const saml = await samlClient(idp, sp, cacheKnowing(pending.requestId));
    ({ profile } = await saml.validatePostResponseAsync({ SAMLResponse: samlResponse }));
  } catch (error) {
    throw asSamlSignInError(error, samlResponse);
  }
  if (!profile) throw new SsoSignInError('invalid-response', 'the response carries no assertion');
  const ids = checkAssertion(profile, idp, sp, pending.requestId);
  // Recorded only now that the assertion is known to be genuine, so forged ids cannot fill the ledger.
  for (const id of ids.oneTime) {
    if (await pending.isAssertionSeen(id, ids.expiresAt)) throw new SsoSignInError('replayed', 'this response was already used');
  }
  return identityFromProfile(profile);
}
