import type { MemberPayload } from '../audit/audit-payloads.js';
import { INVITE_STATUS } from './members.presenter.js';
import type { MemberTeamView, MemberView } from './members.queries.js';

/** Sentry's `get_email`: the user's email for a full member, the invite email for a pending one. */
export function memberEmail(member: Pick<MemberView, 'user_email' | 'email'>): string {
  return member.user_email ?? member.email ?? '';
}

/**
 * A member as audit entries record it (Sentry's `get_audit_log_data`, sentry-behavior.md §2.2): its
 * address, user, role, invite status, and its active teams by id and by slug. The slugs go under
 * `teams_slugs`, which the `member.edit` text names (decisions.md fix 6).
 */
export function memberAuditPayload(
  member: { email: string; userId: string | null; role: string; inviteStatus: number },
  teams: ReadonlyArray<{ team_id: string; slug: string }>,
): MemberPayload {
  return {
    email: member.email,
    user: member.userId,
    teams: teams.map((team) => team.team_id),
    teams_slugs: teams.map((team) => team.slug),
    has_global_access: true,
    role: member.role,
    invite_status: INVITE_STATUS[member.inviteStatus] ?? null,
  };
}

/** The audit payload of a stored member with its active teams (as the caller read them in its transaction). */
export function memberAuditData(member: MemberView, teams: readonly MemberTeamView[]): MemberPayload {
  return memberAuditPayload(
    { email: memberEmail(member), userId: member.user_id, role: member.role, inviteStatus: member.invite_status },
    teams,
  );
}
