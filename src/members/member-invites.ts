import type { Executor } from '../platform/db/database.js';
import type { MemberRow } from '../platform/db/schema.js';
import { issueInviteToken, type InviteToken } from './invite-token.js';
import { deleteInviteRequests, insertInvite } from './member-invites.queries.js';
import { insertMemberTeams } from './member-teams.queries.js';

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
export async function createInvite(tx: Executor, invite: NewInvite, now: Date): Promise<{ member: MemberRow; token: InviteToken } | null> {
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
