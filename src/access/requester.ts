import type { FastifyRequest } from 'fastify';
import { notAuthenticated } from '../platform/http/errors.js';

/** Who is asking: an authenticated user, through an API token or a browser session. */
export interface Requester {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly isSuperuser: boolean;
  /** The API token's scopes, or null for a browser session (whose scopes are not capped). */
  readonly tokenScopes: readonly string[] | null;
  readonly tokenId: string | null;
  /** How the requester authenticated: Sentry's org gates (§1.3) apply to sessions only. */
  readonly via: 'token' | 'session';
  readonly ip: string;
  /**
   * The browser session behind a session requester: the require-SSO gate asks whether this session
   * came through the organization's identity provider, and names the sign-in page at the public URL.
   */
  readonly session?: { readonly id: string; readonly publicUrl: string };
}

/**
 * An identity provider calling its organization's SCIM API with that organization's SCIM token
 * (spec scim.md §1.2, Roster's choice 10): no user stands behind it, only the organization and the
 * token's fixed scopes.
 */
export interface ScimCaller {
  readonly organizationId: string;
  readonly tokenId: string;
  readonly scopes: readonly string[];
  readonly ip: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    requester: Requester | null;
    /** Set instead of `requester` when the bearer token is a SCIM token. */
    scimCaller: ScimCaller | null;
  }
}

/** The authenticated requester, or Sentry's 401. */
export function requireRequester(request: FastifyRequest): Requester {
  if (!request.requester) throw notAuthenticated();
  return request.requester;
}

/** How users show up in names and audit text: their name, else their email. */
export function displayName(user: { name: string; email: string }): string {
  return user.name || user.email;
}
