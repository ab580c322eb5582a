import { ORG_ROLES, TEAM_ROLES, orgRole, teamRole, type TeamRole, type TeamRoleId } from './roles.js';

/**
 * How an organization role and a team role combine (sentry-behavior.md §3.4), as pure functions over
 * roles.ts: the team role an org role implies, which team roles are worth storing, and which one acts.
 */

/** The team role every team membership of this org role has at least (§3.4). */
export function minimumTeamRole(orgRoleId: string): TeamRole {
  const role = orgRole(orgRoleId);
  const top = ORG_ROLES[ORG_ROLES.length - 1]!;
  if (role.id === top.id) return TEAM_ROLES[TEAM_ROLES.length - 1]!;
  let minimum = TEAM_ROLES[0]!;
  for (const candidate of TEAM_ROLES) {
    if (candidate.isMinimumRoleFor && orgRole(candidate.isMinimumRoleFor).priority <= role.priority) {
      if (candidate.priority > minimum.priority) minimum = candidate;
    }
  }
  return minimum;
}

/** An org role can manage the team roles up to its minimum team role. */
export function canManageTeamRole(orgRoleId: string, teamRoleId: string): boolean {
  return minimumTeamRole(orgRoleId).priority >= teamRole(teamRoleId).priority;
}

/**
 * The team role to store for a requested one: only a role above the org role's minimum is worth
 * keeping; anything at or below it is implied and stored as null.
 */
export function storedTeamRole(requested: TeamRoleId | null, orgRoleId: string): TeamRoleId | null {
  if (requested === null) return null;
  return teamRole(requested).priority > minimumTeamRole(orgRoleId).priority ? requested : null;
}

/** The team role a membership acts with: the stored one when team roles are on and it outranks the minimum. */
export function effectiveTeamRole(stored: string | null, orgRoleId: string, teamRolesEnabled: boolean): TeamRole {
  const minimum = minimumTeamRole(orgRoleId);
  if (stored && teamRolesEnabled && teamRole(stored).priority > minimum.priority) return teamRole(stored);
  return minimum;
}

/** Team roles that an org-role change makes redundant: those at or below the new minimum. */
export function redundantTeamRoles(newOrgRoleId: string): TeamRoleId[] {
  const minimum = minimumTeamRole(newOrgRoleId);
  return TEAM_ROLES.filter((role) => role.priority <= minimum.priority).map((role) => role.id);
}
