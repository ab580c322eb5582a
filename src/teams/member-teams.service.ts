import type { Static } from '@sinclair/typebox';
import { IDP_MANAGED_TEAM } from '../access/idp-managed.js';
import type { Config } from '../config.js';
import type { Db, Executor } from '../platform/db/database.js';
import type { Requester } from '../access/requester.js';
import { displayName } from '../access/requester.js';
import { recordAudit } from '../audit/record-audit.js';
import { emitWebhookEvent } from '../platform/webhooks/emit-webhook.js';
import { emitMemberUpdated } from '../members/member-webhooks.js';
import { findTeamsOfMembers } from '../members/members.queries.js';
import { webhookMemberRef, webhookTeam } from './team-webhooks.js';
import { detailError, notFound, permissionDenied } from '../platform/http/errors.js';
import { findAddressedMember } from '../members/member-details.js';
import { deleteMemberTeam, findMemberTeam, insertMemberTeam, updateMemberTeamRole } from '../members/member-teams.queries.js';
import type { MemberView } from '../members/members.queries.js';
import { loadOrgContext } from '../access/org-context.js';
import { canAdminTeam, canSetTeamRole, superuserAdminsTeams } from '../access/access.js';
import { minimumTeamRole, storedTeamRole } from '../access/team-roles.js';
import { orgRole, type Scope } from '../access/roles.js';
import { emailAccessRequestApprovers, memberContact } from './access-request-approvers.js';
import { deleteAccessRequest, insertAccessRequest } from './access-requests.queries.js';
import type { MemberTeamBody } from './member-teams.schemas.js';
import { teamObject } from './team-objects.js';
import { membershipAuditData } from './teams.presenter.js';
import { findActiveTeam } from './teams.queries.js';

// Sentry's OrganizationTeamMemberPermission (sentry-behavior.md §5.6).
const SCOPES = {
  get: ['org:read', 'org:write', 'org:admin', 'member:read', 'member:write', 'member:admin'],
  post: ['org:read', 'org:write', 'team:write'],
  put: ['org:read', 'org:write', 'org:admin', 'member:read', 'member:write', 'member:admin', 'team:admin', 'team:write'],
  delete: ['org:read', 'org:write', 'org:admin', 'team:admin'],
} as const satisfies Record<string, readonly Scope[]>;

const EDIT_DENIED = "You do not have permission to edit that user's membership.";

export function createMemberTeamService({ db, config }: { db: Db; config: Pick<Config, 'publicUrl'> }) {
  /**
   * The organization, the addressed member (approved members only) and the addressed team (active
   * teams only), decisions.md fix 7; 404 for anything unknown to the requester.
   */
  async function resolve(executor: Executor, requester: Requester, orgIdOrSlug: string, memberId: string, teamIdOrSlug: string, scopes: readonly Scope[]) {
    const context = await loadOrgContext(executor, requester, orgIdOrSlug, { anyScope: scopes });
    const member = await findAddressedMember(executor, context, memberId);
    const team = await findActiveTeam(executor, context.org.id, teamIdOrSlug);
    if (!team) throw notFound();
    return { context, member, team };
  }

  const membershipAudit = (team: { slug: string }, member: MemberView, isActive: boolean) =>
    membershipAuditData(team.slug, { id: member.id, email: memberContact(member).email }, isActive);

  return {
    /** The member's membership of the team: its raw team role. 404 when the member is not on it. */
    async get(requester: Requester, orgIdOrSlug: string, memberId: string, teamIdOrSlug: string) {
      const { context, member, team } = await resolve(db, requester, orgIdOrSlug, memberId, teamIdOrSlug, SCOPES.get);
      const membership = await findMemberTeam(db, context.org.id, member.id, team.id);
      if (!membership) throw notFound();
      return { isActive: membership.is_active, teamRole: membership.role };
    },

    /**
     * Adds the member to the team (201 with the Team object), or files an access request and emails
     * its approvers when the requester may not add directly (202), or does nothing when the member is
     * already on the team, also when a concurrent join got there first (204). 403 for roles without
     * team roles and for IdP-provisioned teams.
     */
    async add(requester: Requester, orgIdOrSlug: string, memberId: string, teamIdOrSlug: string) {
      return db.transaction().execute(async (tx) => {
        const { context, member, team } = await resolve(tx, requester, orgIdOrSlug, memberId, teamIdOrSlug, SCOPES.post);
        if (!orgRole(member.role).isTeamRolesAllowed) {
          throw permissionDenied(`The user with a '${member.role}' role cannot have team-level permissions.`);
        }
        const mayAdd = context.access.hasGlobalAccess || canAdminTeam(context.access, team.id, context.scopeOptions);
        // Being on the team already is a 204 before any other answer. On the common path (a team the
        // requester may add to) the insert's conflict says so, so the membership is not read first.
        if (team.idp_provisioned || !mayAdd) {
          if (await findMemberTeam(tx, context.org.id, member.id, team.id)) return { status: 204 as const };
        }
        if (team.idp_provisioned) throw permissionDenied(IDP_MANAGED_TEAM);
        if (!mayAdd) {
          const onBehalf = requester.userId !== member.user_id;
          const created = await insertAccessRequest(tx, {
            orgId: context.org.id,
            teamId: team.id,
            memberId: member.id,
            requesterId: onBehalf ? requester.userId : null,
          });
          if (created) {
            await emailAccessRequestApprovers(tx, config, { context, team, member, requesterName: onBehalf ? displayName(requester) : null });
          }
          return { status: 202 as const };
        }
        const membership = await insertMemberTeam(tx, { orgId: context.org.id, memberId: member.id, teamId: team.id, role: null });
        if (!membership) return { status: 204 as const };
        await deleteAccessRequest(tx, context.org.id, team.id, member.id);
        await recordAudit(tx, {
          organizationId: context.org.id,
          event: 'MEMBER_JOIN_TEAM',
          actor: requester,
          targetObject: membership.id,
          targetUserId: member.user_id,
          data: membershipAudit(team, member, membership.is_active),
        });
        await emitWebhookEvent(tx, context.org.id, 'team.member_added', { team: webhookTeam(team), member: webhookMemberRef(member), teamRole: membership.role });
        return { status: 201 as const, team: await teamObject(tx, context, team.id) };
      });
    },

    /**
     * Changes the member's team role (with team roles on); the requester must be allowed to set both
     * the current and the new role (400 otherwise). A role at or below the member's minimum is stored
     * as null. `isActive` is accepted and ignored, as in Sentry. 404 when the member is not on the team.
     */
    async changeRole(requester: Requester, orgIdOrSlug: string, memberId: string, teamIdOrSlug: string, body: Static<typeof MemberTeamBody>) {
      return db.transaction().execute(async (tx) => {
        const { context, member, team } = await resolve(tx, requester, orgIdOrSlug, memberId, teamIdOrSlug, SCOPES.put);
        let membership = await findMemberTeam(tx, context.org.id, member.id, team.id);
        if (!membership) throw notFound();
        if (body.teamRole !== undefined && context.feature('team-roles')) {
          const oldRole = membership.role ?? minimumTeamRole(member.role).id;
          const allowed = [body.teamRole, oldRole].every((role) => canSetTeamRole(context.access, team.id, role, context.scopeOptions));
          if (!allowed) throw detailError(400, EDIT_DENIED, 'insufficient_role');
          const teamsBefore = await findTeamsOfMembers(tx, context.org.id, [member.id]);
          membership = await updateMemberTeamRole(tx, context.org.id, membership.id, storedTeamRole(body.teamRole, member.role));
          await recordAudit(tx, {
            organizationId: context.org.id,
            event: 'MEMBER_EDIT',
            actor: requester,
            targetObject: membership.id,
            targetUserId: member.user_id,
            data: { email: memberContact(member).email, role: member.role, team_slug: team.slug, team_role: body.teamRole },
          });
          const newRole = membership.role;
          const teamsAfter = teamsBefore.map((row) => (row.team_id === team.id ? { ...row, role: newRole } : row));
          await emitMemberUpdated(tx, context.org.id, { member, teams: teamsBefore }, { member, teams: teamsAfter });
        }
        return { isActive: membership.is_active, teamRole: membership.role };
      });
    },

    /**
     * Takes the member off the team and answers with the Team object as the requester now sees it.
     * Allowed to superusers (when their token may administer teams), the member itself, managers and
     * owners (by org role), and the team's admins (400 otherwise); 403 for IdP-provisioned teams. Not
     * being on the team is no error.
     */
    async remove(requester: Requester, orgIdOrSlug: string, memberId: string, teamIdOrSlug: string) {
      return db.transaction().execute(async (tx) => {
        const { context, member, team } = await resolve(tx, requester, orgIdOrSlug, memberId, teamIdOrSlug, SCOPES.delete);
        const allowed =
          superuserAdminsTeams(context.access) ||
          member.user_id === requester.userId ||
          // By org role, not by token: Sentry's "owner or manager" check reads the role's scopes.
          (context.member !== null && orgRole(context.member.role).scopes.includes('org:write')) ||
          canAdminTeam(context.access, team.id, context.scopeOptions);
        if (!allowed) throw detailError(400, EDIT_DENIED, 'insufficient_role');
        if (team.idp_provisioned) throw permissionDenied(IDP_MANAGED_TEAM);
        const removed = await deleteMemberTeam(tx, context.org.id, member.id, team.id);
        if (removed) {
          await recordAudit(tx, {
            organizationId: context.org.id,
            event: 'MEMBER_LEAVE_TEAM',
            actor: requester,
            targetObject: removed.id,
            targetUserId: member.user_id,
            data: membershipAudit(team, member, removed.is_active),
          });
          await emitWebhookEvent(tx, context.org.id, 'team.member_removed', { team: webhookTeam(team), member: webhookMemberRef(member) });
        }
        return teamObject(tx, context, team.id);
      });
    },
  };
}

export type MemberTeamService = ReturnType<typeof createMemberTeamService>;
