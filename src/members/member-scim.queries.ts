import type { Tx } from '../platform/db/database.js';
import { violatedUniqueConstraint } from '../platform/db/constraint-errors.js';
import { underSavepoint } from '../platform/db/savepoint.js';
import type { ScimProfile } from '../platform/db/schema.js';

// The writes SCIM makes to a member row and to the tombstones of deprovisioned people (issue 16;
// members/ is the only writer of `members`).

/** What the identity provider keeps of a member: its externalId and its profile (Roster's choice 12). */
export interface ScimMemberProfile {
  externalId: string | null;
  profile: ScimProfile | null;
}

/** Stores the identity provider's externalId and profile of a member. */
export async function updateScimProfile(tx: Tx, orgId: string, memberId: string, { externalId, profile }: ScimMemberProfile): Promise<void> {
  await tx
    .updateTable('members')
    .set({ scim_external_id: externalId, scim_profile: profile === null ? null : JSON.stringify(profile) })
    .where('organization_id', '=', orgId)
    .where('id', '=', memberId)
    .execute();
}

/** Sets a member's org role and IdP flags as a SCIM role sync decided them (no team-role cleanup, as in Sentry). */
export async function updateScimRole(tx: Tx, orgId: string, memberId: string, change: { role: string; roleRestricted: boolean }): Promise<void> {
  await tx
    .updateTable('members')
    .set({ role: change.role, idp_provisioned: true, idp_role_restricted: change.roleRestricted })
    .where('organization_id', '=', orgId)
    .where('id', '=', memberId)
    .execute();
}

/**
 * Changes the address of a pending invite. False when another row of the organization has that address
 * (`members_organization_email_key`); the caller's transaction stays usable (a savepoint).
 */
export async function updateInviteEmail(tx: Tx, orgId: string, memberId: string, email: string): Promise<boolean> {
  try {
    await underSavepoint(tx, () =>
      tx.updateTable('members').set({ email }).where('organization_id', '=', orgId).where('id', '=', memberId).where('user_id', 'is', null).execute(),
    );
    return true;
  } catch (error) {
    if (violatedUniqueConstraint(error) === 'members_organization_email_key') return false;
    throw error;
  }
}

/** Remembers that the identity provider took this person away (choice 7); a later deprovision of the address overwrites it. */
export async function insertScimTombstone(tx: Tx, orgId: string, tombstone: { email: string; userId: string | null }, now: Date): Promise<void> {
  const row = { user_id: tombstone.userId, deprovisioned_at: now };
  await tx
    .insertInto('scim_deprovisioned')
    .values({ organization_id: orgId, email: tombstone.email, ...row })
    .onConflict((oc) => oc.columns(['organization_id', 'email']).doUpdateSet(row))
    .execute();
}

/** Forgets the tombstone of an address: the identity provider provisions it again. */
export async function deleteScimTombstone(tx: Tx, orgId: string, email: string): Promise<void> {
  await tx.deleteFrom('scim_deprovisioned').where('organization_id', '=', orgId).where('email', '=', email).execute();
}
