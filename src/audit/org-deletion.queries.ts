import type { Executor, Tx } from '../platform/db/database.js';
import { AUDIT_EVENTS } from './audit-events.js';

/**
 * Who asked for the organization's deletion: the actor of its latest org.remove entry (undefined when
 * there is none, e.g. a deletion scheduled by hand in the database).
 */
export function findDeletionRequester(db: Executor, organizationId: string) {
  return db
    .selectFrom('audit_log_entries as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select(['a.actor_id', 'a.actor_label', 'u.email'])
    .where('a.organization_id', '=', organizationId)
    .where('a.event', '=', AUDIT_EVENTS.ORG_REMOVE.id)
    .orderBy('a.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Up to `limit` audit entries of an organization that is being deleted (the organization-deletion
 * job's batches); returns how many went. What outlives them is the deleted_organizations record.
 */
export async function deleteOrganizationAuditEntries(tx: Tx, organizationId: string, limit: number): Promise<number> {
  const result = await tx
    .deleteFrom('audit_log_entries')
    .where('organization_id', '=', organizationId)
    .where('id', 'in', (eb) => eb.selectFrom('audit_log_entries').select('id').where('organization_id', '=', organizationId).limit(limit))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
