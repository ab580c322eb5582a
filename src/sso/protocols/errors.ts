/**
 * What the SSO protocol adapters hand back and the two ways they fail. Callers map
 * `ProviderConfigError` to a 400 naming `field`, and `SsoSignInError` to a refused sign-in showing
 * `code`; neither ever carries a raw library exception to the caller (the cause is kept for logs).
 */

/** Who the identity provider says signed in. `id` is stable per provider (OIDC `sub`, SAML NameID). */
export interface SsoIdentity {
  id: string;
  email: string | null;
  /** Only a verified email may link an identity to an existing account. */
  emailVerified: boolean;
  name: string | null;
}

/** A provider configuration Roster cannot use; `field` is the request-body path (`config.issuer`). */
export class ProviderConfigError extends Error {
  readonly field: string;
  readonly reason: string;

  constructor(field: string, reason: string, options?: { cause?: unknown }) {
    super(`${field}: ${reason}`, options);
    this.name = 'ProviderConfigError';
    this.field = field;
    this.reason = reason;
  }
}

/** Why a sign-in was refused, as a short stable code the sign-in routes and tests can rely on. */
export type SsoSignInErrorCode =
  // OIDC
  | 'state-mismatch'
  | 'nonce-mismatch'
  | 'pkce-failed'
  | 'wrong-audience'
  | 'wrong-issuer'
  | 'expired'
  | 'not-yet-valid'
  | 'bad-signature'
  | 'provider-error'
  | 'provider-unreachable'
  | 'missing-subject'
  // SAML
  | 'unsigned-assertion'
  | 'wrong-recipient'
  | 'wrong-destination'
  | 'unexpected-response'
  | 'replayed'
  | 'invalid-response';

export class SsoSignInError extends Error {
  readonly code: SsoSignInErrorCode;

  constructor(code: SsoSignInErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SsoSignInError';
    this.code = code;
  }
}
