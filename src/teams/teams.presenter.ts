import type { Static } from '@sinclair/typebox';
import type { TeamMembershipPayload, TeamPayload } from '../audit/audit-payloads.js';
import type { OrgContext } from '../access/org-context.js';
import { teamRoleSeenByRequester } from '../access/access.js';
import type { TeamView } from './teams.queries.js';
import type { TeamSchema } from './teams.schemas.js';

/**
 * The Team object for the requester (sentry-behavior.md §6.5). Membership and the pending request
 * come from the view (read after any change the request made); the org role and global access from
 * the request's context.
 */
export function presentTeam(team: TeamView, context: OrgContext): Static<typeof TeamSchema> {
  const isMember = team.viewer_membership_id !== null;
  const hasAccess = isMember || context.access.hasGlobalAccess;
  const role = teamRoleSeenByRequester({
    hasAccess,
    storedRole: team.viewer_role,
    orgRoleId: context.member?.role ?? null,
    isSuperuser: context.access.isSuperuser,
  });
  return {
    id: team.id,
    slug: team.slug,
    name: team.name,
    dateCreated: team.date_added,
    isMember,
    teamRole: isMember && role ? role.id : null,
    flags: { 'idp:provisioned': team.idp_provisioned },
    access: role ? [...role.scopes] : [],
    hasAccess,
    isPending: team.viewer_request_pending === true,
    memberCount: Number(team.member_count ?? 0),
    // Teams only have letter avatars.
    avatar: { avatarType: 'letter_avatar', avatarUuid: null },
  };
}

/** Sentry's audit payload of a team (§2.3). */
export function teamAuditData(team: { id: string; slug: string; name: string; status: number }): TeamPayload {
  return { id: team.id, slug: team.slug, name: team.name, status: team.status };
}

/** Sentry's audit payload of a team membership (§2.4). */
export function membershipAuditData(teamSlug: string, member: { id: string; email: string }, isActive: boolean): TeamMembershipPayload {
  return { team_slug: teamSlug, member_id: member.id, email: member.email, is_active: isActive };
}
