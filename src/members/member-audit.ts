import { INVITE_STATUS } from './members.presenter.js';

/**
 * A member as audit entries record it (Sentry's `get_audit_log_data`): its address, user, role, invite
 * status, and the active teams it belongs to, by id and by slug.
 */
export function memberAuditData(
  member: { email: string; userId: string | null; role: string; inviteStatus: number },
  teams: ReadonlyArray<{ team_id: string; slug: string }>,
) {
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
