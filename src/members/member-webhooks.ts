import type { Tx } from '../platform/db/database.js';
import { emitWebhookEvent } from '../platform/webhooks/emit-webhook.js';
import type { WebhookMember, WebhookTeam } from '../platform/webhooks/webhook-payloads.js';
import { memberEmail } from './member-audit.js';
import { findWebhookTeams } from './member-webhooks.queries.js';
import type { MemberView } from './members.queries.js';

/** A team membership as the caller holds it: the team's slug and the stored team role. */
export interface HeldTeamRole {
  slug: string;
  role: string | null;
}

/** A member as webhook events carry it (webhook-payloads.ts), from what the caller read or wrote in its transaction. */
export function webhookMember(
  member: { id: string; email: string; userId: string | null; role: string; pending: boolean },
  teams: readonly HeldTeamRole[],
): WebhookMember {
  return {
    id: member.id,
    email: member.email,
    userId: member.userId,
    orgRole: member.role,
    pending: member.pending,
    teamRoles: teams.map((team) => ({ teamSlug: team.slug, role: team.role })),
  };
}

/** `webhookMember` of a stored member view. */
export function webhookMemberOf(member: MemberView, teams: readonly HeldTeamRole[]): WebhookMember {
  return webhookMember({ id: member.id, email: memberEmail(member), userId: member.user_id, role: member.role, pending: member.user_id === null }, teams);
}

/** A member's teams joined and left by one change, by team id. */
export interface TeamMembershipChanges {
  joined: ReadonlyArray<{ teamId: string; role: string | null }>;
  left: readonly string[];
}

/**
 * `team.member_left` and `team.member_added` for each team a change took the member off or put it
 * on (in that order, as the audit entries go), naming the teams as they are now.
 */
export async function emitTeamMembershipChanges(tx: Tx, orgId: string, member: MemberView, changes: TeamMembershipChanges): Promise<void> {
  if (changes.joined.length === 0 && changes.left.length === 0) return;
  const teams = new Map((await findWebhookTeams(tx, orgId, [...changes.left, ...changes.joined.map((team) => team.teamId)])).map((team) => [team.id, team]));
  const ref = { id: member.id, email: memberEmail(member), userId: member.user_id };
  for (const teamId of changes.left) {
    const team = teams.get(teamId);
    if (team) await emitTeamMemberRemoved(tx, orgId, team, ref);
  }
  for (const joined of changes.joined) {
    const team = teams.get(joined.teamId);
    if (team) await emitTeamMemberAdded(tx, orgId, team, ref, joined.role);
  }
}

/** Who a team event is about: the member's id, its address (the user's, else the invite's) and its user. */
export interface TeamMemberRef {
  id: string;
  email: string;
  userId: string | null;
}

/** `team.member_added`: the member was put on the team, with its team role (null: the one its org role implies). */
export function emitTeamMemberAdded(tx: Tx, orgId: string, team: WebhookTeam, member: TeamMemberRef, teamRole: string | null): Promise<void> {
  return emitWebhookEvent(tx, orgId, 'team.member_added', { team: { id: team.id, slug: team.slug, name: team.name }, member: { ...member }, teamRole });
}

/** `team.member_removed`: the member was taken off the team. */
export function emitTeamMemberRemoved(tx: Tx, orgId: string, team: WebhookTeam, member: TeamMemberRef): Promise<void> {
  return emitWebhookEvent(tx, orgId, 'team.member_removed', { team: { id: team.id, slug: team.slug, name: team.name }, member: { ...member } });
}

/** A member with its teams, before or after a change. */
export interface MemberState {
  member: MemberView;
  teams: readonly HeldTeamRole[];
}

const rolesOf = ({ member, teams }: MemberState) => ({ orgRole: member.role, teamRoles: teams.map((team) => ({ teamSlug: team.slug, role: team.role })) });

/** `member.updated` when the organization role or a team role changed between `before` and `after`; nothing otherwise. */
export async function emitMemberUpdated(tx: Tx, orgId: string, before: MemberState, after: MemberState): Promise<void> {
  const [was, is] = [rolesOf(before), rolesOf(after)];
  if (JSON.stringify(was) === JSON.stringify(is)) return;
  await emitWebhookEvent(tx, orgId, 'member.updated', { member: webhookMemberOf(after.member, after.teams), before: was, after: is });
}
