import type { Tx } from '../platform/db/database.js';
import type { MemberRow, NewMember } from '../platform/db/schema.js';
import { violatedUniqueConstraint } from '../platform/db/constraint-errors.js';
import { preparedWrite } from '../platform/db/prepared.js';
import { underSavepoint } from '../platform/db/savepoint.js';

// The writes of a member row's invite state (issue 14: members/ is the only writer of `members`):
// invites made, consumed by accepting, and memberships turned back into invites by enforcement.

// Write-behind (db/prepared.ts): an invite clears the address's requests, which are rarely there, without
// a round trip of its own.
const inviteRequestsDelete = preparedWrite((db, { orgId, email }: { orgId: string; email: string }) =>
  db.deleteFrom('members').where('organization_id', '=', orgId).where('email', '=', email).where('invite_status', 'in', [1, 2]),
);

/** Deletes the invite requests and join requests for this address, which a real invite replaces. */
export function deleteInviteRequests(tx: Tx, orgId: string, email: string): Promise<void> {
  return inviteRequestsDelete.run(tx, { orgId, email });
}

/**
 * Inserts a pending invite, or returns null when the organization already has a row for the address
 * (a concurrent invite of the same address committed first: `members_organization_email_key`).
 * The conflict clause names only that key, so any other violation still fails the statement; without
 * a unique violation to catch there is no savepoint to set and release (two round trips).
 */
export async function insertInvite(tx: Tx, member: NewMember & { email: string }): Promise<MemberRow | null> {
  const row = await tx
    .insertInto('members')
    .values(member)
    .onConflict((conflict) => conflict.constraint('members_organization_email_key').doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
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

