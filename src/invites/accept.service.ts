import type { Db, Executor } from '../platform/db/database.js';
import type { Requester } from '../access/requester.js';
import type { Clock } from '../platform/lib/clock.js';
import { ApiError } from '../platform/http/errors.js';
import { secretMatches } from '../platform/lib/secrets.js';
import { normalizeEmail } from '../platform/lib/email.js';
import { recordAudit } from '../audit/record-audit.js';
import { emitWebhookEvent } from '../platform/webhooks/emit-webhook.js';
import { webhookMember } from '../members/member-webhooks.js';
import { findUserByEmail, hasTwoFactor } from '../identity/users.queries.js';
import { memberAuditPayload } from '../members/member-audit.js';
import { attachUserToInvite } from '../members/member-invites.queries.js';
import { findTeamsOfMembers } from '../members/members.queries.js';
import { isInviteExpired } from '../members/members.presenter.js';
import { orgRole } from '../access/roles.js';
import { findInviteByLink, hasMemberRow, insertInvitedUser, type InviteByLink } from './accept.queries.js';
import type { AcceptInviteDetails } from './invites.schemas.js';

/** The link's parts: `/accept-invite/[{org}/]{member_id}/{token}/`. */
export interface InviteLinkParams {
  orgIdOrSlug: string | null;
  memberId: string;
  token: string;
}

// Sentry's accept-invite answers carry `details` (sic).
const invalidInvite = () => new ApiError(400, { details: 'Invalid invite code' }, 'invalid_invite');
const unableToAccept = () => new ApiError(400, { details: 'unable to accept organization invite' }, 'unable_to_accept');
const memberExists = () => new ApiError(400, { details: 'member already exists' }, 'member_exists');

export function createAcceptInviteService({ db, clock }: { db: Db; clock: Clock }) {
  /**
   * The pending, approved, unexpired invite the link names with its own token, or null. Unknown, used,
   * expired, mistyped and other organizations' links all look the same to the caller.
   */
  async function validInvite(executor: Executor, link: InviteLinkParams, forUpdate: boolean): Promise<InviteByLink | null> {
    if (!/^\d{1,18}$/.test(link.memberId)) return null;
    const invite = await findInviteByLink(executor, link.memberId, link.orgIdOrSlug, forUpdate);
    if (!invite || invite.user_id !== null || invite.email === null || invite.invite_status !== 0) return null;
    if (isInviteExpired(invite, clock.now())) return null;
    return secretMatches(link.token, invite.token_hash) ? invite : null;
  }

  return {
    /**
     * What the accept page needs to know about a valid invite, for anyone holding the link
     * (sentry-behavior.md §5.8). 400 `{"details": "Invalid invite code"}` for any bad link.
     */
    async details(requester: Requester | null, link: InviteLinkParams): Promise<AcceptInviteDetails> {
      const invite = await validInvite(db, link, false);
      if (!invite) throw invalidInvite();
      const hasProvider = invite.auth_provider !== null;
      const userHas2fa = requester ? await hasTwoFactor(db, requester.userId) : false;
      return {
        orgSlug: invite.org_slug,
        orgName: invite.org_name,
        orgRole: invite.role,
        roleName: orgRole(invite.role).name,
        needsAuthentication: requester === null,
        needsSso: hasProvider,
        hasAuthProvider: hasProvider,
        requireSso: hasProvider && invite.auth_allow_unlinked !== true,
        existingMember: requester ? await hasMemberRow(db, invite.organization_id, requester.userId) : false,
        needs2fa: invite.require_2fa && !userHas2fa,
        needsEmailVerification: false,
        ...(invite.auth_provider ? { ssoProvider: invite.auth_provider } : {}),
      };
    },

    /**
     * Accepts an invite (decisions.md item 9): binds it to the requester's account, which must own the
     * invited address; with no credentials, to a new verified account for that address (an existing
     * account must sign in). The invite row is locked, so of two concurrent accepts exactly one wins.
     * 400 `details`: "Invalid invite code", "unable to accept organization invite", "member already exists".
     */
    async accept(requester: Requester | null, ip: string, link: InviteLinkParams): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const invite = await validInvite(tx, link, true);
        if (!invite) throw invalidInvite();
        const email = invite.email!;

        let user: { id: string; email: string; name: string; is_superuser: boolean };
        if (requester) {
          if (normalizeEmail(requester.email) !== email) throw unableToAccept();
          if (invite.require_2fa && !(await hasTwoFactor(tx, requester.userId))) throw unableToAccept();
          user = { id: requester.userId, email: requester.email, name: requester.name, is_superuser: requester.isSuperuser };
        } else {
          // A new account has no second factor yet: an organization that requires one cannot take it.
          if (invite.require_2fa || (await findUserByEmail(tx, email))) throw unableToAccept();
          const created = await insertInvitedUser(tx, email);
          if (!created) throw unableToAccept();
          user = created;
        }

        if (await hasMemberRow(tx, invite.organization_id, user.id)) throw memberExists();
        if (!(await attachUserToInvite(tx, invite.organization_id, invite.id, user.id))) throw memberExists();

        const teams = await findTeamsOfMembers(tx, invite.organization_id, [invite.id]);
        await recordAudit(tx, {
          organizationId: invite.organization_id,
          event: 'MEMBER_ACCEPT',
          actor: { userId: user.id, email: user.email, name: user.name, ip },
          targetObject: invite.id,
          targetUserId: user.id,
          data: memberAuditPayload({ email: user.email, userId: user.id, role: invite.role, inviteStatus: 0 }, teams),
        });
        await emitWebhookEvent(tx, invite.organization_id, 'member.joined', {
          member: webhookMember({ id: invite.id, email: user.email, userId: user.id, role: invite.role, pending: false }, teams),
        });
      });
    },
  };
}

export type AcceptInviteService = ReturnType<typeof createAcceptInviteService>;
