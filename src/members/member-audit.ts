import type { Executor } from '../db/database.js';
import { findTeamsOfMembers, type MemberView } from './members.queries.js';

const INVITE_STATUS_NAMES = ['approved', 'requested_to_be_invited', 'requested_to_join'];

/** Sentry's `get_email`: the user's email for a full member, the invite email for a pending one. */
export function memberEmail(member: Pick<MemberView, 'user_email' | 'email'>): string {
  return member.user_email ?? member.email ?? '';
}

/**
 * A member as audit entries record it (sentry-behavior.md §2.2, `get_audit_log_data`), with the slugs
 * of its active teams under `teams_slugs`, which the `member.edit` text names (decisions.md fix 6).
 */
export async function memberAuditData(db: Executor, orgId: string, member: MemberView) {
  const teams = await findTeamsOfMembers(db, orgId, [member.id]);
  return {
    email: memberEmail(member),
    user: member.user_id,
    teams: teams.map((team) => team.team_id),
    teams_slugs: teams.map((team) => team.slug),
    has_global_access: true,
    role: member.role,
    invite_status: INVITE_STATUS_NAMES[member.invite_status] ?? null,
  };
}
