import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Db, Executor } from '../platform/db/database.js';
import type { Clock } from '../platform/lib/clock.js';
import { requireRequester, type Requester, type ScimCaller } from '../access/requester.js';
import { loadOrgContext, loadOrganization, type Organization } from '../access/org-context.js';
import type { Scope } from '../access/roles.js';
import type { AuditActor } from '../audit/record-audit.js';
import { notFound, permissionDenied } from '../platform/http/errors.js';
import { findAuthProvider } from '../sso/auth-provider.queries.js';

/** What the SCIM routes and services are built on. */
export interface ScimDeps {
  db: Db;
  config: Pick<Config, 'publicUrl'>;
  clock: Clock;
}

/** Who asks a SCIM route: the identity provider with the organization's SCIM token, or a user with a token or session. */
export type ScimPrincipal = ScimCaller | Requester;

export function scimPrincipal(request: FastifyRequest): ScimPrincipal {
  return request.scimCaller ?? requireRequester(request);
}

/** The organization a SCIM request works on, and whom its changes are recorded as. */
export interface ScimContext {
  readonly org: Organization;
  /** The actor of every audit entry; the identity provider when the SCIM token asks. */
  readonly actor: AuditActor;
  /** The user behind the request, or null for the identity provider's token. */
  readonly requester: Requester | null;
}

/** How the identity provider's changes appear in the audit log (Roster's choice 10). */
export const SCIM_ACTOR_NAME = 'Identity provider (SCIM)';

/** The scopes each kind of SCIM request needs, any one of them (spec scim.md §1.2). */
export const SCIM_SCOPES = {
  readUsers: ['member:read', 'member:write', 'member:admin'],
  writeUsers: ['member:write', 'member:admin'],
  deleteUsers: ['member:admin'],
  readGroups: ['team:read', 'team:write', 'team:admin'],
  writeGroups: ['team:write', 'team:admin'],
  deleteGroups: ['team:admin'],
  discovery: ['member:read', 'member:write', 'member:admin', 'team:read', 'team:write', 'team:admin'],
} as const satisfies Record<string, readonly Scope[]>;

export const SCIM_IS_OFF = "SCIM is not enabled for this organization's identity provider.";

/**
 * Loads the organization of a SCIM request and checks the caller may use it: a SCIM token works on
 * its own organization only (another one is a 404, as if it did not exist) and carries fixed scopes;
 * a user needs one of `anyScope` there as on every other route. Either way the organization's
 * provider must have SCIM on (403, as in Sentry). With `forUpdate` the organization row is locked.
 */
export async function loadScimContext(
  db: Executor,
  principal: ScimPrincipal,
  idOrSlug: string,
  anyScope: readonly Scope[],
  { forUpdate = false }: { forUpdate?: boolean } = {},
): Promise<ScimContext> {
  let context: ScimContext;
  if ('organizationId' in principal) {
    const org = await loadOrganization(db, idOrSlug, { forUpdate });
    if (org.id !== principal.organizationId) throw notFound();
    if (!anyScope.some((scope) => principal.scopes.includes(scope))) throw permissionDenied();
    context = { org, actor: { userId: null, email: '', name: SCIM_ACTOR_NAME, ip: principal.ip }, requester: null };
  } else {
    const { org } = await loadOrgContext(db, principal, idOrSlug, { anyScope, forUpdate });
    context = { org, actor: principal, requester: principal };
  }
  const provider = await findAuthProvider(db, context.org.id);
  if (!provider?.scim_enabled) throw permissionDenied(SCIM_IS_OFF);
  return context;
}
