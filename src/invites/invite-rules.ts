import { hasScope, isTeamMember, type Access } from '../access/access.js';
import { orgRole, type Scope } from '../access/roles.js';

/**
 * The rules of inviting (sentry-behavior.md §5.2), as pure functions over what the caller loaded.
 * They build on roles/access.ts; the service runs them in Sentry's order.
 */

/** Any one of these lets a requester reach the invite endpoint. */
export const INVITE_SCOPES: readonly Scope[] = ['member:write', 'member:admin', 'member:invite'];

/** Permission: without member:write or member:admin, inviting also needs member invites to be allowed. */
export function mayInvite(access: Access, memberInvitesDisabled: boolean): boolean {
  if (hasScope(access, 'member:write') || hasScope(access, 'member:admin')) return true;
  return hasScope(access, 'member:invite') && !memberInvitesDisabled;
}

/** Step 2: the organization must allow invites, except a billing invite where billing invites are on. */
export function organizationMayInvite(assignedRole: string, features: { inviteMembers: boolean; inviteBilling: boolean }): boolean {
  return (assignedRole === 'billing' && features.inviteBilling) || features.inviteMembers;
}

/**
 * Step 4 (`role` / `orgRole`): why this org role may not be given to a new invite, or null when it may.
 * Billing passes with the invite-billing feature; anything else must be among the roles the requester
 * may invite with, and a retired role is refused while team roles are on.
 */
export function inviteRoleProblem(
  role: string,
  allowedRoles: readonly string[],
  features: { inviteBilling: boolean; teamRoles: boolean },
): string | null {
  if (role === 'billing' && features.inviteBilling) return null;
  if (!allowedRoles.includes(role)) return 'You do not have permission to set that org-level role';
  if (features.teamRoles && orgRole(role).isRetired) return `The role '${role}' is deprecated and may no longer be assigned.`;
  return null;
}

/** A "member-level" inviter: may invite (member:invite) but not administer members (member:admin). */
export function isMemberLevelInviter(access: Access): boolean {
  return !hasScope(access, 'member:admin') && hasScope(access, 'member:invite');
}

/**
 * Step 6: while open membership is off and member invites are on, a member-level inviter may only put
 * new members on teams it belongs to itself.
 */
export function mayAssignInviteTeams(
  access: Access,
  teamIds: readonly string[],
  org: { openMembership: boolean; memberInvitesDisabled: boolean },
): boolean {
  if (teamIds.length === 0 || !isMemberLevelInviter(access)) return true;
  if (org.openMembership || org.memberInvitesDisabled) return true;
  return teamIds.every((teamId) => isTeamMember(access, teamId));
}

/** Step 7: may a member with this org role be given teams at all? (Billing may not.) */
export function orgRoleAllowsTeams(role: string): boolean {
  return orgRole(role).isTeamRolesAllowed;
}
