import type { Tx } from '../platform/db/database.js';
import type { MemberRow, NewMember } from '../platform/db/schema.js';
import { violatedUniqueConstraint } from '../platform/db/constraint-errors.js';
import { underSavepoint } from '../platform/db/savepoint.js';
import { insertMember } from './members.queries.js';

// The writes of a member row's invite state (issue 14: members/ is the only writer of `members`):
// invites made, consumed by accepting, and memberships turned back into invites by enforcement.

/** Deletes the invite requests and join requests for this address, which a real invite replaces. */
export async function deleteInviteRequests(tx: Tx, orgId: string, email: string): Promise<void> {
  await tx.deleteFrom('members').where('organization_id', '=', orgId).where('email', '=', email).where('invite_status', 'in', [1, 2]).execute();
}

/**
 * Inserts a pending invite, or returns null when the organization already has a row for the address
 * (a concurrent invite of the same address committed first: `members_organization_email_key`).
 */
export async function insertInvite(tx: Tx, member: NewMember & { email: string }): Promise<MemberRow | null> {
  try {
    // Why a savepoint: the unique violation aborts the statement, and without the savepoint it would
    // abort the whole transaction too; this way the caller's transaction stays usable after a null.
    return await underSavepoint(tx, () => insertMember(tx, member));
  } catch (error) {
    if (violatedUniqueConstraint(error) === 'members_organization_email_key') return null;
    throw error;
  }
}

/**
 * Turns a pending invite into a membership of the user: attaches the user, clears the address, token
 * and expiry. Only a still-pending row changes; false when it was consumed already, or when the user
 * already has a member row in the organization (`members_organization_user_key`).
 */
export async function attachUserToInvite(tx: Tx, orgId: string, memberId: string, userId: string): Promise<boolean> {
  try {
    const row = await underSavepoint(tx, () =>
      tx
        .updateTable('members')
        .set({ user_id: userId, email: null, token_hash: null, token_expires_at: null })
        .where('organization_id', '=', orgId)
        .where('id', '=', memberId)
        .where('user_id', 'is', null)
        .returning('id')
        .executeTakeFirst(),
    );
    return row !== undefined;
  } catch (error) {
    if (violatedUniqueConstraint(error) === 'members_organization_user_key') return false;
    throw error;
  }
}

/** Deletes the pending invite for this address in this organization, which a detached membership supersedes. */
export async function deletePendingInviteByEmail(tx: Tx, orgId: string, email: string): Promise<void> {
  await tx.deleteFrom('members').where('organization_id', '=', orgId).where('email', '=', email).where('user_id', 'is', null).execute();
}

/**
 * Turns a membership back into a pending invite for the user's address (Sentry's `remove_user`): the
 * user is detached, a new invite token is stored (hashed); role, teams and flags stay.
 */
export async function detachMemberUser(
  tx: Tx,
  orgId: string,
  member: { id: string; userId: string; email: string; tokenHash: string; tokenExpiresAt: Date },
): Promise<boolean> {
  const result = await tx
    .updateTable('members')
    .set({ user_id: null, email: member.email, token_hash: member.tokenHash, token_expires_at: member.tokenExpiresAt })
    .where('organization_id', '=', orgId)
    .where('id', '=', member.id)
    .where('user_id', '=', member.userId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

