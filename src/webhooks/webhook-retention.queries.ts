import type { Tx } from '../platform/db/database.js';

// The scheduled jobs' steps for the webhook endpoints and their delivery log (src/jobs.ts): up to
// `limit` rows each, returning how many went. The messages are the outbox's
// (src/platform/webhooks/webhook-outbox.queries.ts).

/** The purge: attempts made before `attemptedBefore` (the log keeps 30 days). */
export async function deleteOldWebhookDeliveries(tx: Tx, attemptedBefore: Date, limit: number): Promise<number> {
  const result = await tx
    .deleteFrom('webhook_deliveries')
    .where('id', 'in', (eb) => eb.selectFrom('webhook_deliveries').select('id').where('attempted_at', '<', attemptedBefore).limit(limit).forUpdate().skipLocked())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** An organization's deletion: its delivery log (run before its endpoints, which the log points at). */
export async function deleteOrganizationWebhookDeliveries(tx: Tx, organizationId: string, limit: number): Promise<number> {
  const result = await tx
    .deleteFrom('webhook_deliveries')
    .where('organization_id', '=', organizationId)
    .where('id', 'in', (eb) => eb.selectFrom('webhook_deliveries').select('id').where('organization_id', '=', organizationId).limit(limit))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** An organization's deletion: its endpoints (run after their messages and delivery log). */
export async function deleteOrganizationWebhookEndpoints(tx: Tx, organizationId: string, limit: number): Promise<number> {
  const result = await tx
    .deleteFrom('webhook_endpoints')
    .where('organization_id', '=', organizationId)
    .where('id', 'in', (eb) => eb.selectFrom('webhook_endpoints').select('id').where('organization_id', '=', organizationId).limit(limit))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
