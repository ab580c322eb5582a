import type { Executor, Tx } from '../platform/db/database.js';
import { ApiError, detailError, listError } from '../platform/http/errors.js';
import type { OrgContext } from '../access/org-context.js';
import { redundantTeamRoles } from '../access/team-roles.js';
import { TOP_ORG_ROLE, orgRole, type OrgRoleId } from '../access/roles.js';
import type { LockedEdit } from './member-edit-locks.js';
import type { MemberUpdateRequest } from './member-update.validation.js';
import { holdAnotherActiveOwner, otherActiveMemberHasRole, updateMemberRole, type MemberTeamView, type MemberView } from './members.queries.js';

export interface OrgRoleChange {
  from: string;
  to: OrgRoleId;
}

const roleError = (text: string) => new ApiError(403, { role: text }, 'permission_denied');

/**
 * §5.4 step 11 a–e, checks only, in Sentry's order: a role the requester may not assign (403), a
 * member whose role the requester may not assign (403), its own role (400), a retired role with team
 * roles on (400), the organization's last owner (400 `["An organization must have at least one
 * owner"]`). Returns the change, or null when the role stays.
 */
export async function planOrgRoleChange(tx: Executor, edit: LockedEdit, request: MemberUpdateRequest): Promise<OrgRoleChange | null> {
  const { context, member } = edit;
  const to = request.assignedRole;
  if (to === null || to === member.role) return null;
  const allowed: readonly string[] = edit.allowedRoles;
  if (!allowed.includes(to)) throw roleError('You do not have permission to assign the given role.');
  if (!allowed.includes(member.role)) throw roleError('You do not have permission to assign a role to the given user.');
  if (member.user_id !== null && member.user_id === context.requester.userId) {
    throw detailError(400, 'You cannot make changes to your own role.');
  }
  if (context.feature('team-roles') && orgRole(to).isRetired) {
    throw detailError(400, `The role '${to}' is deprecated and may no longer be assigned.`);
  }
  if (member.role === TOP_ORG_ROLE && !(await anotherOwnerStays(tx, edit))) {
    throw listError('An organization must have at least one owner');
  }
  return { from: member.role, to };
}

/**
 * Will an active owner other than the member stay once its role changes? Under the organization lock a
 * plain read answers: every change that can take an owner away waits for that lock. Without it (the
 * member became an owner after the edit chose its locks), taking the organization lock now, after the
 * member's, could deadlock; instead another active owner is held in place (a row lock that its own
 * demotion or removal must wait for), skipping owners other transactions hold, so nothing waits.
 */
function anotherOwnerStays(tx: Executor, { context, member, holdsOrgLock }: LockedEdit): Promise<boolean> {
  return holdsOrgLock
    ? otherActiveMemberHasRole(tx, context.org.id, member.id, [TOP_ORG_ROLE])
    : holdAnotherActiveOwner(tx, context.org.id, member.id);
}

/**
 * Gives the member its new org role. Team roles at or below the new role's minimum team role are
 * implied by it, so they are stored as null, after a promotion as after a demotion (decisions.md fix 1
 * and its clarification; Sentry means to do this and does not).
 */
export function changeOrgRole(tx: Tx, context: OrgContext, member: MemberView, change: OrgRoleChange): Promise<void> {
  return updateMemberRole(tx, context.org.id, member.id, change.to, redundantTeamRoles(change.to));
}

/** The member's teams as `changeOrgRole` leaves them: the team roles the new org role implies become null. */
export function teamsAfterRoleChange(teams: readonly MemberTeamView[], change: OrgRoleChange): MemberTeamView[] {
  const implied: readonly (string | null)[] = redundantTeamRoles(change.to);
  return teams.map((team) => (implied.includes(team.role) ? { ...team, role: null } : team));
}
