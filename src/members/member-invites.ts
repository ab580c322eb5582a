import type { Tx } from '../platform/db/database.js';
import type { MemberRow } from '../platform/db/schema.js';
import type { MemberView } from './members.queries.js';
import { issueInviteToken, type InviteToken } from './invite-token.js';
import { deleteInviteRequests, deletePendingInviteByEmail, detachMemberUser, insertInvite } from './member-invites.queries.js';
import { insertMemberTeams } from './member-teams.queries.js';
import { emitWebhookEvent } from '../platform/webhooks/emit-webhook.js';
import { webhookMember, type HeldTeamRole } from './member-webhooks.js';

export interface NewInvite {
  orgId: string;
  email: string;
  role: string;
  inviterId: string;
  teamIds: readonly string[];
}

/**
 * Makes a pending invite of the address with a fresh token, replacing the address's invite and join
 * requests, and puts it on the teams with no team role of its own. Null when a concurrent invite of
 * the address committed first (the requests are deleted by then: the caller refuses, which rolls back).
 */
export async function createInvite(tx: Tx, invite: NewInvite, now: Date): Promise<{ member: MemberRow; token: InviteToken } | null> {
  await deleteInviteRequests(tx, invite.orgId, invite.email);
  const token = issueInviteToken(now);
  const member = await insertInvite(tx, {
    organization_id: invite.orgId,
    email: invite.email,
    role: invite.role,
    inviter_id: invite.inviterId,
    token_hash: token.hash,
    token_expires_at: token.expiresAt,
  });
  if (!member) return null;
  await insertMemberTeams(tx, invite.orgId, member.id, invite.teamIds.map((teamId) => ({ teamId, role: null })));
  return { member, token };
}

/**
 * Turns a membership back into a pending invite for its user's address (2FA and email-verification
 * enforcement): a pending invite of that address is superseded, the user is detached, and a fresh
 * invite token is stored; role, teams and flags stay. The user's membership ended and an invite
 * (the same row, the same id) awaits them: `member.removed` as the member was, then `member.invited` as
 * the invite is. Null when the member no longer has that user.
 */
export async function turnMemberIntoInvite(
  tx: Tx,
  orgId: string,
  member: { id: string; userId: string; email: string; role: string; teams: readonly HeldTeamRole[] },
  now: Date,
): Promise<InviteToken | null> {
  const invite = issueInviteToken(now);
  await deletePendingInviteByEmail(tx, orgId, member.email);
  const done = await detachMemberUser(tx, orgId, { id: member.id, userId: member.userId, email: member.email, tokenHash: invite.hash, tokenExpiresAt: invite.expiresAt });
  if (!done) return null;
  const as = (pending: boolean) => webhookMember({ id: member.id, email: member.email, userId: pending ? null : member.userId, role: member.role, pending }, member.teams);
  await emitWebhookEvent(tx, orgId, 'member.removed', { member: as(false) });
  await emitWebhookEvent(tx, orgId, 'member.invited', { member: as(true) });
  return invite;
}

/**
 * The view `findMemberView` would read back for an invite this transaction just made, built from the
 * inserted row and its inviter instead: a pending invite has no user (so no user fields and no second
 * factor), and its inviter is the requester, whose name and address the request already holds.
 */
export function newInviteView(member: MemberRow, inviter: { name: string; email: string }): MemberView {
  return {
    ...member,
    user_email: null,
    user_name: null,
    user_active: null,
    user_is_superuser: null,
    user_email_verified: null,
    user_date_joined: null,
    user_last_login: null,
    inviter_name: inviter.name,
    inviter_email: inviter.email,
    has2fa: false,
  };
}
