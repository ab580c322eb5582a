import type { Executor, Tx } from '../platform/db/database.js';
import type { AuditRecord } from '../audit/record-audit.js';
import { detailError, permissionDenied } from '../platform/http/errors.js';
import type { OrgContext } from '../access/org-context.js';
import { canManageMemberRoleWith } from '../access/access.js';
import { storedTeamRole } from '../access/team-roles.js';
import { orgRole } from '../access/roles.js';
import { IDP_MANAGED_TEAM } from '../access/idp-managed.js';
import { memberEmail } from './member-audit.js';
import { emitTeamMembershipChanges } from './member-webhooks.js';
import type { LockedEdit } from './member-edit-locks.js';
import { deleteMemberTeamRows, findMemberTeamRows, upsertMemberTeamRows, type MemberTeamRowView } from './member-teams.queries.js';
import type { MemberUpdateRequest, RequestedTeam } from './member-update.validation.js';
import type { MemberTeamView, MemberView } from './members.queries.js';

/** The member's teams after a `PUT`: what is there now, and what replaces it (roles as they will be stored). */
export interface TeamAssignment {
  current: MemberTeamRowView[];
  teams: readonly RequestedTeam[];
}

/**
 * §5.4 steps 8–9 with decisions.md fixes 2 and 4, checks only: the role the member will have must
 * allow team roles when it will be on teams (400); an explicit team list needs a requester who could
 * manage the member's role (403). Returns the assignment to store (team roles at or below the minimum
 * of that org role become null), or null when no list was sent and the teams stay as they are.
 */
export async function planTeamAssignment(tx: Executor, { context, member, allowedRoles }: LockedEdit, request: MemberUpdateRequest): Promise<TeamAssignment | null> {
  const roleAfter = request.assignedRole ?? member.role;
  const teamRolesAllowed = orgRole(roleAfter).isTeamRolesAllowed;
  if (request.teams === null && teamRolesAllowed) return null;
  const current = await findMemberTeamRows(tx, context.org.id, member.id);
  const onTeams = request.teams ? request.teams.length > 0 : current.some((row) => row.counts);
  if (onTeams && !teamRolesAllowed) {
    throw detailError(400, `The user with a '${roleAfter}' role cannot have team-level permissions.`);
  }
  if (request.teams === null) return null;
  if (!canManageMemberRoleWith(context.access, allowedRoles, member.role)) {
    throw permissionDenied("You do not have permission to edit that user's membership.");
  }
  // Issue 16: joining or leaving a team the identity provider manages is for SCIM to do (roles on
  // the teams the member keeps may still change).
  const requested = new Set(request.teams.map((team) => team.teamId));
  const had = new Set(current.map((row) => row.team_id));
  const joinsManaged = request.teams.some((team) => team.idpProvisioned && !had.has(team.teamId));
  const leavesManaged = current.some((row) => row.idp_provisioned && row.counts && !requested.has(row.team_id));
  if (joinsManaged || leavesManaged) throw permissionDenied(IDP_MANAGED_TEAM);
  return { current, teams: request.teams.map((team) => ({ ...team, role: storedTeamRole(team.role, roleAfter) })) };
}

/** A team joined or left, as the caller records it. */
export type TeamChangeRecord = AuditRecord<'MEMBER_JOIN_TEAM' | 'MEMBER_LEAVE_TEAM'>;

/**
 * Replaces the member's team memberships with the planned list: memberships kept keep their row (and
 * id), and queues `team.member_removed` / `team.member_added` for the teams left and joined. Returns the `member.join-team` / `member.leave-team` entries for the teams joined and left, for
 * the caller to write with the rest of its audit entries.
 */
export async function saveTeamAssignment(tx: Tx, context: OrgContext, member: MemberView, assignment: TeamAssignment): Promise<TeamChangeRecord[]> {
  const orgId = context.org.id;
  const wanted = new Set(assignment.teams.map((team) => team.teamId));
  const had = new Set(assignment.current.map((row) => row.team_id));
  const left = assignment.current.filter((row) => !wanted.has(row.team_id));
  await deleteMemberTeamRows(tx, orgId, member.id, left.map((row) => row.team_id));
  const rows = await upsertMemberTeamRows(tx, orgId, member.id, assignment.teams);
  const rowIds = new Map(rows.map((row) => [row.team_id, row.id]));
  const joined = assignment.teams.filter((team) => !had.has(team.teamId));
  await emitTeamMembershipChanges(tx, orgId, member, {
    left: left.map((row) => row.team_id),
    joined: joined.map((team) => ({ teamId: team.teamId, role: team.role })),
  });

  const entry = (event: TeamChangeRecord['event'], rowId: string | undefined, teamSlug: string): TeamChangeRecord => ({
    organizationId: orgId,
    event,
    actor: context.requester,
    targetObject: rowId ?? null,
    targetUserId: member.user_id,
    data: { email: memberEmail(member), team_slug: teamSlug },
  });
  return [
    ...left.map((row) => entry('MEMBER_LEAVE_TEAM', row.id, row.slug)),
    ...joined.map((team) => entry('MEMBER_JOIN_TEAM', rowIds.get(team.teamId), team.slug)),
  ];
}

/** The member's teams as a saved assignment leaves them, in the order answers list them (by slug). */
export function teamsAfterAssignment(member: MemberView, assignment: TeamAssignment): MemberTeamView[] {
  return [...assignment.teams]
    .sort((a, b) => a.slugOrder - b.slugOrder)
    .map((team) => ({ member_id: member.id, team_id: team.teamId, slug: team.slug, role: team.role }));
}
