import type { Tx } from '../platform/db/database.js';

/**
 * Up to `limit` of the organization's records of people SCIM deprovisioned (the organization-deletion
 * job's batch, src/jobs.ts); returns how many went.
 */
export async function deleteOrganizationDeprovisioned(tx: Tx, organizationId: string, limit: number): Promise<number> {
  const result = await tx
    .deleteFrom('scim_deprovisioned')
    .where('organization_id', '=', organizationId)
    .where('email', 'in', (eb) => eb.selectFrom('scim_deprovisioned').select('email').where('organization_id', '=', organizationId).limit(limit))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
