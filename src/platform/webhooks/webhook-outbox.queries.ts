import type { Tx } from '../db/database.js';
import { prepared } from '../db/prepared.js';

export interface ListeningEndpoint {
  id: string;
  events: string[];
  organization_slug: string;
}

const activeEndpointsLocked = prepared((db, { organizationId }: { organizationId: string }) =>
  db
    .selectFrom('webhook_endpoints as e')
    .innerJoin('organizations as o', 'o.id', 'e.organization_id')
    .select(['e.id', 'e.events', 'o.slug as organization_slug'])
    .where('e.organization_id', '=', organizationId)
    .where('e.active', '=', true)
    .orderBy('e.id')
    .forNoKeyUpdate('e'),
);

/**
 * The organization's active endpoints, locked until the transaction ends, in id order (two writers
 * lock them in the same order, so they cannot deadlock). The lock is what keeps each endpoint's
 * messages in commit order: a second change of the organization inserts its messages only after the
 * first has committed, so message ids follow commit order. No active endpoint, no lock. Prepared
 * (db/prepared.ts): every change that emits an event runs it, most often to find no endpoint, and
 * building and compiling it with Kysely each time cost more CPU than PostgreSQL spends on it.
 */
export function lockActiveEndpoints(tx: Tx, organizationId: string): Promise<ListeningEndpoint[]> {
  return activeEndpointsLocked.all(tx, { organizationId });
}

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
