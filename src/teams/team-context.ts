import type { Executor } from '../platform/db/database.js';
import type { Requester } from '../access/requester.js';
import { notFound, permissionDenied } from '../platform/http/errors.js';
import { loadOrgContext, type OrgContext } from '../access/org-context.js';
import { hasTeamScope } from '../access/access.js';
import type { Scope } from '../access/roles.js';
import { findActiveTeam, type TeamRow } from './teams.queries.js';

/** Scopes of Sentry's team endpoints, each checked on the team (org scope with team access, or team-role scope). */
export const TEAM_SCOPES = {
  read: ['team:read', 'team:write', 'team:admin'],
  write: ['team:write', 'team:admin'],
  admin: ['team:admin'],
} as const satisfies Record<string, readonly Scope[]>;

/**
 * The organization and one of its active teams for a `/teams/{org}/{team}/` request: 404 when either
 * is unknown to the requester, 403 when it holds none of `scopes` on that team (§3.7 `has_team_scope`).
 */
export async function loadTeamContext(
  executor: Executor,
  requester: Requester,
  orgIdOrSlug: string,
  teamIdOrSlug: string,
  scopes: readonly Scope[],
): Promise<{ context: OrgContext; team: TeamRow }> {
  const context = await loadOrgContext(executor, requester, orgIdOrSlug);
  const team = await findActiveTeam(executor, context.org.id, teamIdOrSlug);
  if (!team) throw notFound();
  if (!scopes.some((scope) => hasTeamScope(context.access, team.id, scope, context.scopeOptions))) throw permissionDenied();
  return { context, team };
}
