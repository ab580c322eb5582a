import type { Db } from '../platform/db/database.js';
import type { Requester } from '../access/requester.js';
import type { Clock } from '../platform/lib/clock.js';
import { presentUser } from '../identity/users.presenter.js';
import { recordAudit } from '../audit/record-audit.js';
import { emitWebhookEvent } from '../platform/webhooks/emit-webhook.js';
import { webhookMemberRef } from './team-webhooks.js';
import { notFound, permissionDenied } from '../platform/http/errors.js';
import { insertMemberTeam } from '../members/member-teams.queries.js';
import { findMemberView, selectMemberViews } from '../members/members.queries.js';
import { presentMember } from '../members/members.presenter.js';
import { loadOrgContext } from '../access/org-context.js';
import { canApproveTeamAccess, hasScope } from '../access/access.js';
import type { Scope } from '../access/roles.js';
import { memberContact } from './access-request-approvers.js';
import { queueAccessApprovedEmail } from './access-request-emails.js';
import { deleteAccessRequestById, findAccessRequestForUpdate, findRequesterUsers, listAccessRequests } from './access-requests.queries.js';
import { selectTeamViews } from './teams.queries.js';
import { membershipAuditData, presentTeam } from './teams.presenter.js';

// Sentry's AccessRequestPermission; who may answer a given request is canApproveTeamAccess.
const SCOPES = {
  get: ['org:read', 'org:write', 'org:admin', 'team:read', 'team:write', 'team:admin', 'member:read', 'member:write', 'member:admin'],
  put: ['org:read', 'org:write', 'org:admin', 'team:write', 'team:admin', 'member:write', 'member:admin'],
} as const satisfies Record<string, readonly Scope[]>;

export function createAccessRequestService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /**
     * The open requests the requester may answer: every team's with org:write (or as a superuser),
     * otherwise those of the teams it administers. Requests already answered by the member being on
     * the team are left out.
     */
    async list(requester: Requester, orgIdOrSlug: string) {
      const context = await loadOrgContext(db, requester, orgIdOrSlug, { anyScope: SCOPES.get });
      const { access, scopeOptions } = context;
      const teamIds =
        access.isSuperuser || hasScope(access, 'org:write')
          ? null
          : context.memberships.map((m) => m.teamId).filter((teamId) => canApproveTeamAccess(access, teamId, scopeOptions));
      const requests = await listAccessRequests(db, context.org.id, teamIds);
      if (requests.length === 0) return [];
      const orgId = context.org.id;
      const [members, teams, users] = await Promise.all([
        selectMemberViews(db, orgId).where('m.id', 'in', [...new Set(requests.map((r) => r.member_id))]).execute(),
        selectTeamViews(db, orgId, context.member?.id ?? null).where('t.id', 'in', [...new Set(requests.map((r) => r.team_id))]).execute(),
        findRequesterUsers(db, [...new Set(requests.flatMap((r) => (r.requester_id ? [r.requester_id] : [])))]),
      ]);
      const now = clock.now();
      const memberById = new Map(members.map((member) => [member.id, member]));
      const teamById = new Map(teams.map((team) => [team.id, team]));
      const userById = new Map(users.map((user) => [user.id, user]));
      return requests.map((request) => {
        const user = request.requester_id ? userById.get(request.requester_id) : undefined;
        return {
          id: request.id,
          team: presentTeam(teamById.get(request.team_id)!, context),
          member: presentMember(memberById.get(request.member_id)!, now),
          requester: user ? presentUser(user, user.has2fa === true) : null,
        };
      });
    },

    /**
     * Answers a request: approval puts the member on the team (audited, and the member is emailed),
     * denial just closes it. Only those who would be asked may answer (403); unknown requests are 404.
     */
    async decide(requester: Requester, orgIdOrSlug: string, requestId: string, isApproved: boolean) {
      await db.transaction().execute(async (tx) => {
        const context = await loadOrgContext(tx, requester, orgIdOrSlug, { anyScope: SCOPES.put });
        const request = await findAccessRequestForUpdate(tx, context.org.id, requestId);
        if (!request) throw notFound();
        if (!canApproveTeamAccess(context.access, request.team_id, context.scopeOptions)) throw permissionDenied();
        if (isApproved) {
          const member = await findMemberView(tx, context.org.id, { id: request.member_id });
          if (!member) throw notFound();
          const membership = await insertMemberTeam(tx, { orgId: context.org.id, memberId: member.id, teamId: request.team_id, role: null });
          // Already on the team (added meanwhile): the request just closes.
          if (membership) {
            const contact = memberContact(member);
            await recordAudit(tx, {
              organizationId: context.org.id,
              event: 'MEMBER_JOIN_TEAM',
              actor: requester,
              targetObject: membership.id,
              targetUserId: member.user_id,
              data: membershipAuditData(request.team_slug, { id: member.id, email: contact.email }, membership.is_active),
            });
            await emitWebhookEvent(tx, context.org.id, 'team.member_added', {
              team: { id: request.team_id, slug: request.team_slug, name: request.team_name },
              member: webhookMemberRef(member),
              teamRole: membership.role,
            });
            await queueAccessApprovedEmail(tx, {
              organizationId: context.org.id,
              organizationName: context.org.name,
              teamName: request.team_name,
              ...contact,
            });
          }
        }
        await deleteAccessRequestById(tx, context.org.id, request.id);
      });
    },
  };
}

export type AccessRequestService = ReturnType<typeof createAccessRequestService>;
