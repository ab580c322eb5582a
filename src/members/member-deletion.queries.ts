import type { Tx } from '../platform/db/database.js';

// The organization-deletion job's batches (src/jobs.ts): up to `limit` rows of one organization each,
// returning how many went. Team memberships go before the members they belong to, so that a batch of
// members never cascades into an unbounded number of rows.

export async function deleteOrganizationMemberTeams(tx: Tx, organizationId: string, limit: number): Promise<number> {
  const result = await tx
    .deleteFrom('member_teams')
    .where('organization_id', '=', organizationId)
    .where('id', 'in', (eb) => eb.selectFrom('member_teams').select('id').where('organization_id', '=', organizationId).limit(limit))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Members and pending invites alike (both are member rows). */
export async function deleteOrganizationMembers(tx: Tx, organizationId: string, limit: number): Promise<number> {
  const result = await tx
    .deleteFrom('members')
    .where('organization_id', '=', organizationId)
    .where('id', 'in', (eb) => eb.selectFrom('members').select('id').where('organization_id', '=', organizationId).limit(limit))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
