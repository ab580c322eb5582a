import type { Executor } from '../platform/db/database.js';

/**
 * Whether the identity provider deprovisioned this person from the organization (Roster's choice 7):
 * a tombstone for one of their addresses, or for their account. Until the identity provider
 * provisions them again (which removes the tombstone), nothing else may bring them back.
 */
export async function isScimDeprovisioned(db: Executor, orgId: string, who: { emails: readonly string[]; userId: string | null }): Promise<boolean> {
  const emails = [...new Set(who.emails.map((email) => email.trim().toLowerCase()).filter((email) => email !== ''))];
  if (emails.length === 0 && who.userId === null) return false;
  const row = await db
    .selectFrom('scim_deprovisioned')
    .select('email')
    .where('organization_id', '=', orgId)
    .where((eb) => {
      const matches = [];
      if (emails.length > 0) matches.push(eb('email', 'in', emails));
      if (who.userId !== null) matches.push(eb('user_id', '=', who.userId));
      return eb.or(matches);
    })
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
