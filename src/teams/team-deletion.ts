import type { Tx } from '../platform/db/database.js';
import { recordAudit, type AuditActor } from '../audit/record-audit.js';
import { deleteAccessRequestsOfTeam } from './access-requests.queries.js';
import { releasedTeamSlug } from './team-slug.js';
import { markTeamPendingDeletion } from './teams.queries.js';
import { teamAuditData } from './teams.presenter.js';

/**
 * Schedules a team for deletion: it leaves every list and every member's teams at once, its slug is
 * free again, its open access requests go, and the deletion is audited. The one deletion of the team
 * API and of SCIM (whose caller has lifted the IdP lock). A team already being deleted by a
 * concurrent request is no change (that one wrote the audit entry).
 */
export async function deleteTeam(tx: Tx, orgId: string, team: { id: string; slug: string }, actor: AuditActor): Promise<void> {
  const removed = await markTeamPendingDeletion(tx, orgId, team.id, releasedTeamSlug(team.slug));
  if (!removed) return;
  await deleteAccessRequestsOfTeam(tx, orgId, team.id);
  await recordAudit(tx, { organizationId: orgId, event: 'TEAM_REMOVE', actor, targetObject: team.id, data: teamAuditData(removed) });
}
