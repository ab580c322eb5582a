import type { Config } from '../config.js';
import type { Tx } from '../platform/db/database.js';
import { recordAudit } from '../audit/record-audit.js';
import { detailError, permissionDenied } from '../platform/http/errors.js';
import { queueInviteEmail, queueSsoLinkEmail, ssoLinkUrl } from './invite-emails.js';
import { enforceInviteRateLimit } from './invite-rate-limit.js';
import type { OrgContext } from '../access/org-context.js';
import { hasScope } from '../access/access.js';
import { memberAuditData } from './member-audit.js';
import type { LockedEdit } from './member-edit-locks.js';
import { onlyResendKeys, type MemberUpdateRequest } from './member-update.validation.js';
import { inviteLink, issueInviteToken, type InviteToken } from './invite-token.js';
import { updateInviteToken, type LockedMember, type MemberView } from './members.queries.js';
import { isInviteExpired } from './members.presenter.js';

export interface ReinviteDeps {
  config: Pick<Config, 'publicUrl'>;
  now: Date;
}

/**
 * §5.4 step 6, `reinvite`: re-sends the invite email to a pending member, or the SSO-link email to a
 * full member whose account is not linked to the organization's SSO provider, and records
 * `member.reinvite`. Nothing else changes. Failure codes: 403 when other fields are sent too; 429
 * over the invite limits; 400 for `regenerate` without member:admin, an expired invite without
 * `regenerate`, or a full member with nothing to link. Returns the member as it now is (a new token).
 */
export async function reinviteMember(tx: Tx, deps: ReinviteDeps, { context, member }: LockedEdit, request: MemberUpdateRequest): Promise<LockedMember> {
  if (!onlyResendKeys(request.keys)) {
    throw permissionDenied('You cannot modify member details when resending an invitation. Separate requests are required.');
  }
  let reinvited = member;
  if (member.user_id === null) {
    const token = await resendInvite(tx, deps, context, member, request.regenerate);
    reinvited = { ...member, token_hash: token.hash, token_expires_at: token.expiresAt };
  } else if (context.authProvider && !member.sso_linked) {
    await queueSsoLinkEmail(tx, {
      organizationId: context.org.id,
      organizationName: context.org.name,
      to: member.user_email ?? '',
      actorEmail: context.requester.email,
      provider: context.authProvider.provider,
      link: ssoLinkUrl(deps.config.publicUrl, context.org.slug),
    });
  } else {
    throw detailError(400, 'You cannot send an invitation to a user who is already a full member.');
  }
  await recordAudit(tx, {
    organizationId: context.org.id,
    event: 'MEMBER_REINVITE',
    actor: context.requester,
    targetObject: member.id,
    targetUserId: member.user_id,
    data: memberAuditData(member, member.teams),
  });
  return reinvited;
}

/**
 * A new token and the invite email for a pending member. Only the token's hash is kept, so a resend
 * cannot repeat the old link: it issues a new token with the same expiry (the old link stops working),
 * and only `regenerate`, which needs member:admin, grants a fresh 30 days (decisions.md fix 9). Returns
 * the token stored.
 */
async function resendInvite(tx: Tx, { config, now }: ReinviteDeps, context: OrgContext, member: MemberView, regenerate: boolean): Promise<InviteToken> {
  const email = member.email ?? '';
  if (context.feature('invite-members-rate-limits')) {
    await enforceInviteRateLimit(tx, { organizationId: context.org.id, inviterId: context.requester.userId, email, now });
  }
  if (regenerate && !hasScope(context.access, 'member:admin')) throw detailError(400, 'You are missing the member:admin scope.');
  if (!regenerate && isInviteExpired(member, now)) {
    throw detailError(400, 'You cannot resend an expired invitation without regenerating the token.');
  }
  const token = issueInviteToken(now, regenerate ? undefined : (member.token_expires_at ?? undefined));
  await updateInviteToken(tx, context.org.id, member.id, token);
  await queueInviteEmail(tx, {
    organizationId: context.org.id,
    organizationName: context.org.name,
    to: email,
    link: inviteLink(config, member.id, token.token),
  });
  return token;
}
