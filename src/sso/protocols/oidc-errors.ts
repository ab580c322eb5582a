/**
 * Turns openid-client's exceptions into Roster's sign-in error codes. openid-client reports coded
 * errors (`ClientError.code`, and for claim checks the claim name on its cause); anything not
 * recognised becomes `provider-error`, so no raw library exception reaches a caller.
 */
import type * as OpenidClient from 'openid-client';
import { SsoSignInError, type SsoSignInErrorCode } from './errors.js';

/** The claim or attribute a failed comparison was about, from openid-client's error cause chain. */
function failedClaim(error: OpenidClient.ClientError): string | undefined {
  const inner = error.cause;
  if (!(inner instanceof Error)) return undefined;
  const detail = inner.cause;
  if (detail && typeof detail === 'object' && 'claim' in detail && typeof detail.claim === 'string') return detail.claim;
  return undefined;
}

const CLAIM_CODES: Record<string, SsoSignInErrorCode> = {
  nonce: 'nonce-mismatch',
  aud: 'wrong-audience',
  azp: 'wrong-audience',
  iss: 'wrong-issuer',
  exp: 'expired',
  iat: 'expired',
  nbf: 'not-yet-valid',
};

function codeOf(client: typeof OpenidClient, error: unknown): SsoSignInErrorCode {
  if (error instanceof client.ResponseBodyError) {
    // The token endpoint refused a code that reached our callback moments ago. Providers rarely say
    // why (oidc-provider answers only "grant request is invalid"), and all the reasons (a verifier
    // that does not match the challenge, a code already used or issued for another sign-in) mean the
    // code was not bound to this browser's PKCE verifier: one code for all of them.
    return error.error === 'invalid_grant' ? 'pkce-failed' : 'provider-error';
  }
  if (error instanceof client.AuthorizationResponseError) return 'provider-error';
  if (error instanceof client.ClientError) {
    switch (error.code) {
      case 'OAUTH_JWT_CLAIM_COMPARISON_FAILED':
      case 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED':
        return CLAIM_CODES[failedClaim(error) ?? ''] ?? 'invalid-response';
      case 'OAUTH_INVALID_RESPONSE': {
        // One code covers several checks here; only the inner message tells them apart.
        const detail = error.cause instanceof Error ? error.cause.message : '';
        if (/signature/.test(detail)) return 'bad-signature';
        // The authorization response's `iss` parameter names another issuer (RFC 9207).
        return /issuer/.test(detail) ? 'wrong-issuer' : 'invalid-response';
      }
      case 'OAUTH_KEY_SELECTION_FAILED':
        return 'bad-signature';
      default:
        return 'invalid-response';
    }
  }
  if (error instanceof TypeError || (error instanceof Error && error.name === 'TimeoutError')) return 'provider-unreachable';
  return 'provider-error';
}

/** Rethrows anything caught around a call into `client` (openid-client, as loaded) as an `SsoSignInError`. */
export function asSignInError(client: typeof OpenidClient, error: unknown): SsoSignInError {
  if (error instanceof SsoSignInError) return error;
  const code = codeOf(client, error);
  return new SsoSignInError(code, `OIDC sign-in refused (${code})`, { cause: error });
}
