/**
 * A member as audit entries record it (Sentry's `get_audit_log_data`, sentry-behavior.md §2.2):
 * `{email, user, teams, teams_slugs, has_global_access, role, invite_status}`.
 */
const INVITE_STATUS_NAMES = ['approved', 'requested_to_be_invited', 'requested_to_join'];

export interface MemberAuditInput {
  email: string | null;
  userId: string | null;
  role: string;
  inviteStatus: number;
  /** Active teams reached through active memberships. */
  teams: ReadonlyArray<{ id: string; slug: string }>;
}

export function memberAuditData(member: MemberAuditInput) {
  return {
    email: member.email,
    user: member.userId,
    teams: member.teams.map((team) => team.id),
    teams_slugs: member.teams.map((team) => team.slug),
    has_global_access: true,
    role: member.role,
    invite_status: INVITE_STATUS_NAMES[member.inviteStatus] ?? null,
  };
}
