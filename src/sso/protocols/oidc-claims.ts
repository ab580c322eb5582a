/**
 * The identity an OIDC provider asserted, from the verified ID token and, when the token carries no
 * email, the userinfo response (already checked by openid-client to be about the same subject).
 */
import type { IDToken, UserInfoResponse } from 'openid-client';
import type { SsoIdentity } from './errors.js';

type Claims = Record<string, unknown>;

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Some providers send `email_verified` as the string "true"; anything else is unverified. */
function verified(value: unknown): boolean {
  return value === true || value === 'true';
}

function displayName(claims: Claims): string | null {
  const full = text(claims.name);
  if (full) return full;
  const parts = [text(claims.given_name), text(claims.family_name)].filter((part) => part !== null);
  return parts.length > 0 ? parts.join(' ') : null;
}

export function identityFromClaims(idToken: IDToken, userInfo?: UserInfoResponse): SsoIdentity {
  // The ID token wins where both speak: it is signed; userinfo only fills what it lacks.
  const claims: Claims = { ...(userInfo ?? {}), ...idToken };
  const email = text(claims.email);
  return {
    id: idToken.sub,
    email: email ? email.toLowerCase() : null,
    emailVerified: email !== null && verified(claims.email_verified),
    name: displayName(claims),
  };
}
