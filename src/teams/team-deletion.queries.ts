import type { Tx } from '../platform/db/database.js';

// The organization-deletion job's batches (src/jobs.ts): up to `limit` rows of one organization each,
// returning how many went.

export async function deleteOrganizationAccessRequests(tx: Tx, organizationId: string, limit: number): Promise<number> {
  const result = await tx
    .deleteFrom('team_access_requests')
    .where('organization_id', '=', organizationId)
    .where('id', 'in', (eb) => eb.selectFrom('team_access_requests').select('id').where('organization_id', '=', organizationId).limit(limit))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Teams; run after the member_teams and access requests that point at them. */
export async function deleteOrganizationTeams(tx: Tx, organizationId: string, limit: number): Promise<number> {
  const result = await tx
    .deleteFrom('teams')
    .where('organization_id', '=', organizationId)
    .where('id', 'in', (eb) => eb.selectFrom('teams').select('id').where('organization_id', '=', organizationId).limit(limit))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
