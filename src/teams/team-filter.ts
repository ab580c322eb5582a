import type { Executor } from '../platform/db/database.js';
import { detailError, permissionDenied } from '../platform/http/errors.js';
import type { OrgContext } from '../access/org-context.js';
import { hasTeamAccess } from '../access/access.js';
import { findActiveTeamsByIds } from './teams.queries.js';

/**
 * Sentry's `get_teams` (sentry-behavior.md §4): the team ids a `?team=` list names, or null for no
 * filter. `myteams` stands for the requester's teams (every team for a superuser); other values must
 * be numeric (400 `Invalid Team ID: <value>`), name an active team of the organization (unknown ids
 * drop out) and one the requester may access (403 naming the team).
 */
export async function resolveTeamFilter(executor: Executor, context: OrgContext, values: readonly string[] | undefined) {
  if (!values || values.length === 0) return null;
  const requested = new Set(values);
  const verified = new Set<string>();
  if (requested.delete('myteams')) {
    // A superuser's teams are all of them: with `myteams` nothing is filtered out.
    if (context.access.isSuperuser) return null;
    for (const membership of context.memberships) verified.add(membership.teamId);
  }
  for (const value of requested) {
    if (!/^\d{1,18}$/.test(value)) throw detailError(400, `Invalid Team ID: ${value}`, 'invalid_team_id');
  }
  const teams = await findActiveTeamsByIds(executor, context.org.id, [...requested]);
  for (const team of teams) {
    if (!verified.has(team.id) && !hasTeamAccess(context.access, team.id)) {
      throw permissionDenied(`Error: You do not have permission to access ${team.name}`);
    }
  }
  return [...new Set([...verified, ...teams.map((team) => team.id)])];
}
