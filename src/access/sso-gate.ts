import { ApiError } from '../platform/http/errors.js';

/** The organization context's columns the require-SSO gate reads (org-context.queries.ts). */
export type SsoGateColumn = 'sso_member_valid' | 'sso_session_done' | 'sso_owner_linked';

export interface SsoGateFacts {
  member_id: string | null;
  member_role: string | null;
  auth_provider: string | null;
  auth_allow_unlinked: boolean | null;
  /** The member is `sso:linked`, not `sso:invalid`, and its identity was verified within 24 hours. */
  sso_member_valid: boolean;
  /** This browser session came through the organization's provider. */
  sso_session_done: boolean;
  /** Some owner of the organization has a linked identity. */
  sso_owner_linked: boolean;
}

/**
 * Sentry's "Require SSO" gate (sso.md §4.2) for a browser session: with a provider that requires SSO,
 * a member passes only with a valid identity and a session that came through the provider. Not a
 * member (a superuser looking in): not gated. An owner passes while no owner has a linked identity,
 * so a broken configuration cannot lock the organization out. Tokens never reach this (the caller).
 */
export function ssoGateRefuses(facts: SsoGateFacts): boolean {
  if (!facts.member_id || !facts.auth_provider || facts.auth_allow_unlinked) return false;
  if (facts.member_role === 'owner' && !facts.sso_owner_linked) return false;
  return !(facts.sso_member_valid && facts.sso_session_done);
}

/** Sentry's 401 for the gate, naming the organization's sign-in page at the public URL. */
export const ssoRequired = (publicUrl: string, orgSlug: string) =>
  new ApiError(
    401,
    { detail: { code: 'sso-required', message: 'Must login via SSO', extra: { loginUrl: `${publicUrl}/auth/login/${orgSlug}/` } } },
    'sso_required',
  );
