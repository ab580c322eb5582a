import type { Config } from '../config.js';
import type { Tx } from '../platform/db/database.js';
import type { OrgContext } from '../access/org-context.js';
import type { MemberView } from '../members/members.queries.js';
import { receivesTeamAccessRequests } from '../access/access.js';
import { ORG_ROLES, type OrgRoleId } from '../access/roles.js';
import { queueAccessRequestEmail } from './access-request-emails.js';
import { findAccessRequestApproverCandidates } from './access-requests.queries.js';

// Org roles whose holders approve requests for every team (managers and owners).
const ORG_WIDE_APPROVER_ROLES: readonly OrgRoleId[] = ORG_ROLES.filter((role) => receivesTeamAccessRequests(role.id, null, true)).map((role) => role.id);

/** A member as emails name it: display name and address. */
export function memberContact(member: Pick<MemberView, 'user_name' | 'user_email' | 'email'>) {
  const email = member.user_email ?? member.email ?? '';
  return { name: member.user_name || email, email };
}

/**
 * Emails a new access request to everyone who may approve it (decisions.md fix 12): managers and
 * owners, and the team's own admins, team admins by team role included. Queued in the caller's
 * transaction, one email per approver.
 */
export async function emailAccessRequestApprovers(
  tx: Tx,
  config: Pick<Config, 'publicUrl'>,
  { context, team, member, requesterName }: { context: OrgContext; team: { id: string; name: string }; member: MemberView; requesterName: string | null },
): Promise<number> {
  const candidates = await findAccessRequestApproverCandidates(tx, context.org.id, team.id, ORG_WIDE_APPROVER_ROLES);
  const teamRolesEnabled = context.feature('team-roles');
  const approvers = candidates.filter((candidate) =>
    receivesTeamAccessRequests(candidate.role, candidate.team_membership_id ? { role: candidate.team_role } : null, teamRolesEnabled),
  );
  const target = memberContact(member);
  for (const approver of approvers) {
    await queueAccessRequestEmail(tx, {
      organizationId: context.org.id,
      organizationName: context.org.name,
      teamName: team.name,
      ...target,
      to: approver.email,
      url: `${config.publicUrl}/settings/${context.org.slug}/teams/`,
      requester: requesterName,
    });
  }
  return approvers.length;
}
