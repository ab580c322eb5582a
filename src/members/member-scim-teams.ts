import type { Tx } from '../platform/db/database.js';
import { recordAudit, type AuditActor } from '../audit/record-audit.js';
import { deleteMemberTeam, insertMemberTeam } from './member-teams.queries.js';
import type { ScimMemberRow } from './member-scim-teams.queries.js';
import { emitTeamMemberAdded, emitTeamMemberRemoved } from './member-webhooks.js';

/**
 * Team memberships the identity provider makes and ends (SCIM Groups PATCH). SCIM's rules are not the
 * member API's: no requester permissions, no access requests, no IdP-team refusal (the identity
 * provider is the one party allowed to change such a team). Each change is audited with `actor` and
 * emits the event the team API's would (`team.member_added` with no team role, `team.member_removed`).
 */

interface MembershipTarget {
  orgId: string;
  /** The team as it is after the PATCH's rename, if any: events name it so. */
  team: { id: string; slug: string; name: string };
  member: ScimMemberRow;
  actor: AuditActor;
}

const refOf = (member: ScimMemberRow) => ({ id: member.id, email: member.email, userId: member.user_id });

/** Puts the member on the team (no team role); already on it is no change. Returns whether it joined. */
export async function joinTeamAsIdp(tx: Tx, { orgId, team, member, actor }: MembershipTarget): Promise<boolean> {
  const membership = await insertMemberTeam(tx, { orgId, memberId: member.id, teamId: team.id, role: null });
  if (!membership) return false;
  await recordAudit(tx, {
    organizationId: orgId,
    event: 'MEMBER_JOIN_TEAM',
    actor,
    targetObject: membership.id,
    targetUserId: member.user_id,
    data: { team_slug: team.slug, member_id: member.id, email: member.email, is_active: membership.is_active },
  });
  await emitTeamMemberAdded(tx, orgId, team, refOf(member), null);
  return true;
}

/** Takes the member off the team; not on it is no change. Returns whether it left. */
export async function leaveTeamAsIdp(tx: Tx, { orgId, team, member, actor }: MembershipTarget): Promise<boolean> {
  const removed = await deleteMemberTeam(tx, orgId, member.id, team.id);
  if (!removed) return false;
  await recordAudit(tx, {
    organizationId: orgId,
    event: 'MEMBER_LEAVE_TEAM',
    actor,
    targetObject: removed.id,
    targetUserId: member.user_id,
    data: { team_slug: team.slug, member_id: member.id, email: member.email, is_active: removed.is_active },
  });
  await emitTeamMemberRemoved(tx, orgId, team, refOf(member));
  return true;
}
