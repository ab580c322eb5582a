import { IDP_MANAGED_TEAM } from '../access/idp-managed.js';
import type { Config } from '../config.js';
import type { Db } from '../platform/db/database.js';
import type { Requester } from '../access/requester.js';
import type { Clock } from '../platform/lib/clock.js';
import { ApiError, detailError, fieldError, permissionDenied } from '../platform/http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { emitWebhookEvent } from '../platform/webhooks/emit-webhook.js';
import { webhookMember } from '../members/member-webhooks.js';
import { loadOrgContext } from '../access/org-context.js';
import { allowedOrgRoles } from '../access/access.js';
import { inviteLink } from '../members/invite-token.js';
import { createInvite, newInviteView } from '../members/member-invites.js';
import { memberAuditPayload } from '../members/member-audit.js';
import { presentMember } from '../members/members.presenter.js';
import { queueInviteEmail } from '../members/invite-emails.js';
import { enforceInviteRateLimit } from '../members/invite-rate-limit.js';
import { alreadyInvitedMessage, validateInviteRequest } from './invite-request.js';
import { INVITE_SCOPES, mayAssignInviteTeams, mayInvite, organizationMayInvite, orgRoleAllowsTeams } from './invite-rules.js';
import type { InviteBody } from './invites.schemas.js';

export interface InviteServiceDeps {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'publicUrl'>;
}

export function createInviteService({ db, clock, config }: InviteServiceDeps) {
  return {
    /**
     * Invites an address to the organization (sentry-behavior.md §5.2, every step in Sentry's order) and
     * returns the new pending Member. 403 without invite rights or when the organization may not invite,
     * 400 on a bad request (field map, detail, or `{"email": "…"}`), 429 over the invite rate limits.
     */
    async invite(requester: Requester, orgIdOrSlug: string, body: InviteBody, referrer: string | undefined) {
      // One transaction for the checks and the writes: a refused invite writes nothing (not even a
      // rate-limit hit), and an accepted one commits its member, teams, email and audit entry together.
      return db.transaction().execute(async (tx) => {
        const context = await loadOrgContext(tx, requester, orgIdOrSlug, { anyScope: INVITE_SCOPES });
        const { org } = context;
        if (!mayInvite(context.access, org.disable_member_invite)) throw permissionDenied();

        const assignedRole = body.orgRole ?? body.role ?? org.default_role;
        const features = { inviteMembers: context.feature('invite-members'), inviteBilling: context.feature('invite-billing') };
        if (!organizationMayInvite(assignedRole, features)) {
          throw new ApiError(403, { organization: 'Your organization is not allowed to invite members' }, 'invites_disabled');
        }

        const allowedRoles = allowedOrgRoles(context.access, context.scopeOptions, true);
        const invite = await validateInviteRequest(tx, context, body, allowedRoles);
        const now = clock.now();

        // The counters are upserted rows, locked until commit: concurrent invites of one organization take
        // turns from here on. Invites are rare and these transactions short, so that is the price of
        // limits that hold across processes and count only invites that were made.
        if (context.feature('invite-members-rate-limits')) {
          await enforceInviteRateLimit(tx, { organizationId: org.id, inviterId: requester.userId, email: invite.email, now });
        }
        const teamScope = { openMembership: org.allow_joinleave, memberInvitesDisabled: org.disable_member_invite };
        if (!mayAssignInviteTeams(context.access, invite.namedTeams.map((team) => team.id), teamScope)) {
          throw detailError(400, 'You cannot assign members to teams you are not a member of.');
        }
        // Issue 16: who is on a team the identity provider manages is its decision (SCIM), not an invite's.
        if (invite.teams.some((team) => team.idp_provisioned)) throw permissionDenied(IDP_MANAGED_TEAM);
        if (invite.teams.length > 0 && !orgRoleAllowsTeams(invite.role)) {
          throw new ApiError(400, { email: `The user with a '${invite.role}' role cannot have team-level permissions.` }, 'invalid_field');
        }

        const created = await createInvite(
          tx,
          { orgId: org.id, email: invite.email, role: invite.role, inviterId: requester.userId, teamIds: invite.teams.map((team) => team.id) },
          now,
        );
        // A concurrent invite of the same address committed between our check and our insert.
        if (!created) throw fieldError('email', alreadyInvitedMessage(invite.givenEmail));
        const { member, token } = created;

        if (body.sendInvite !== false) {
          await queueInviteEmail(tx, {
            organizationId: org.id,
            organizationName: org.name,
            to: invite.email,
            link: inviteLink(config, member.id, token.token, referrer),
          });
        }
        await recordAudit(tx, {
          organizationId: org.id,
          event: 'MEMBER_INVITE',
          actor: requester,
          targetObject: member.id,
          data: memberAuditPayload(
            { email: invite.email, userId: null, role: invite.role, inviteStatus: 0 },
            invite.teams.map((team) => ({ team_id: team.id, slug: team.slug })),
          ),
        });
        await emitWebhookEvent(tx, org.id, 'member.invited', {
          member: webhookMember(
            { id: member.id, email: invite.email, userId: null, role: invite.role, pending: true },
            invite.teams.map((team) => ({ slug: team.slug, role: null })),
          ),
        });
        // Not read back: what the answer shows of a new invite is the row just inserted and its inviter.
        return presentMember(newInviteView(member, requester), now);
      });
    },
  };
}

export type InviteService = ReturnType<typeof createInviteService>;
