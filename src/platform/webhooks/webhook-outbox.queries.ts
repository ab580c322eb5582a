import type { Tx } from '../db/database.js';
import { prepared } from '../db/prepared.js';

export interface ListeningEndpoint {
  id: string;
  events: string[];
  organization_slug: string;
}

/**
 * The organization's active endpoints, locked until the transaction ends, in id order (two writers
 * lock them in the same order, so they cannot deadlock). The lock is what keeps each endpoint's
 * messages in commit order: a second change of the organization inserts its messages only after the
 * first has committed, so message ids follow commit order. No active endpoint, no lock.
 */
export function lockActiveEndpoints(tx: Tx, organizationId: string): Promise<ListeningEndpoint[]> {
  return activeEndpointsLock.all(tx, { organizationId });
}

// Prepared (db/prepared.ts): every audited change of an organization asks, mostly to hear "nobody".
const activeEndpointsLock = prepared((db, { organizationId }: { organizationId: string }) =>
  db
    .selectFrom('webhook_endpoints as e')
    .innerJoin('organizations as o', 'o.id', 'e.organization_id')
    .select(['e.id', 'e.events', 'o.slug as organization_slug'])
    .where('e.organization_id', '=', organizationId)
    .where('e.active', '=', true)
    .orderBy('e.id')
    .forNoKeyUpdate('e'),
);

export interface NewWebhookMessage {
  organizationId: string;
  organizationSlug: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  payload: unknown;
}

export async function insertWebhookMessages(tx: Tx, messages: readonly NewWebhookMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await tx
    .insertInto('webhook_messages')
    .values(
      messages.map((message) => ({
        organization_id: message.organizationId,
        organization_slug: message.organizationSlug,
        endpoint_id: message.endpointId,
        event_id: message.eventId,
        event_type: message.eventType,
        payload: JSON.stringify(message.payload),
      })),
    )
    .execute();
}

/**
 * The purge (src/jobs.ts): up to `limit` messages delivered before `deliveredBefore`; returns how many.
 * Their attempts stay in the delivery log (which carries the event's id and type) until its own purge.
 * A message not delivered (pending, failed, abandoned) is kept: it can still be sent again by hand.
 */
export async function deleteSentWebhookMessages(tx: Tx, deliveredBefore: Date, limit: number): Promise<number> {
  const result = await tx
    .deleteFrom('webhook_messages')
    .where('id', 'in', (eb) =>
      eb.selectFrom('webhook_messages').select('id').where('status', '=', 'delivered').where('finished_at', '<', deliveredBefore).limit(limit).forUpdate().skipLocked(),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The organization's deletion (src/jobs.ts): up to `limit` of its messages, sent or not; returns how many. */
export async function deleteOrganizationWebhookMessages(tx: Tx, organizationId: string, limit: number): Promise<number> {
  const result = await tx
    .deleteFrom('webhook_messages')
    .where('organization_id', '=', organizationId)
    .where('id', 'in', (eb) => eb.selectFrom('webhook_messages').select('id').where('organization_id', '=', organizationId).limit(limit))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
