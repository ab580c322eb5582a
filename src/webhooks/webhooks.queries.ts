import { sql } from 'kysely';
import type { Executor, Tx } from '../platform/db/database.js';
import type { WebhookEndpointRow } from '../platform/db/schema.js';

export interface NewEndpoint {
  orgId: string;
  url: string;
  description: string;
  events: readonly string[];
  active: boolean;
  secretSealed: string;
}

export function insertEndpoint(tx: Tx, endpoint: NewEndpoint): Promise<WebhookEndpointRow> {
  return tx
    .insertInto('webhook_endpoints')
    .values({
      organization_id: endpoint.orgId,
      url: endpoint.url,
      description: endpoint.description,
      events: [...endpoint.events],
      active: endpoint.active,
      secret_sealed: endpoint.secretSealed,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listEndpoints(db: Executor, orgId: string): Promise<WebhookEndpointRow[]> {
  return db.selectFrom('webhook_endpoints').selectAll().where('organization_id', '=', orgId).orderBy('id').execute();
}

export async function countEndpoints(db: Executor, orgId: string): Promise<number> {
  const row = await db.selectFrom('webhook_endpoints').select((eb) => eb.fn.countAll<string>().as('count')).where('organization_id', '=', orgId).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** One endpoint of the organization (another organization's is not found); locked when `forUpdate`. */
export function findEndpoint(db: Executor, orgId: string, id: string, forUpdate = false): Promise<WebhookEndpointRow | undefined> {
  const query = db.selectFrom('webhook_endpoints').selectAll().where('organization_id', '=', orgId).where('id', '=', id);
  return (forUpdate ? query.forNoKeyUpdate() : query).executeTakeFirst();
}

export interface EndpointChanges {
  url?: string;
  description?: string;
  events?: readonly string[];
  active?: boolean;
}

/** Applies the changes; turning an endpoint on clears why the worker had turned it off. */
export function updateEndpoint(tx: Tx, orgId: string, id: string, changes: EndpointChanges, now: Date): Promise<WebhookEndpointRow> {
  return tx
    .updateTable('webhook_endpoints')
    .set({
      ...(changes.url !== undefined ? { url: changes.url } : {}),
      ...(changes.description !== undefined ? { description: changes.description } : {}),
      ...(changes.events !== undefined ? { events: [...changes.events] } : {}),
      ...(changes.active !== undefined ? { active: changes.active } : {}),
      ...(changes.active === true ? { disabled_reason: null } : {}),
      date_updated: now,
    })
    .where('organization_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function rotateEndpointSecret(tx: Tx, orgId: string, id: string, secrets: { current: string; previous: string; previousExpiresAt: Date }, now: Date) {
  return tx
    .updateTable('webhook_endpoints')
    .set({ secret_sealed: secrets.current, previous_secret_sealed: secrets.previous, previous_secret_expires_at: secrets.previousExpiresAt, date_updated: now })
    .where('organization_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Deletes the endpoint with its messages and their delivery log. */
export async function deleteEndpoint(tx: Tx, orgId: string, id: string): Promise<void> {
  await tx.deleteFrom('webhook_endpoints').where('organization_id', '=', orgId).where('id', '=', id).execute();
}

/** The endpoint's latest delivery attempts, newest first, with the event each was for (kept after its message is purged). */
export function listDeliveries(db: Executor, orgId: string, endpointId: string, limit: number) {
  return db
    .selectFrom('webhook_deliveries as d')
    .select(['d.id', 'd.message_id', 'd.event_id', 'd.event_type', 'd.attempted_at', 'd.duration_ms', 'd.response_status', 'd.response_excerpt', 'd.error', 'd.succeeded'])
    .where('d.organization_id', '=', orgId)
    .where('d.endpoint_id', '=', endpointId)
    .orderBy('d.id', 'desc')
    .limit(limit)
    .execute();
}

export type DeliveryView = Awaited<ReturnType<typeof listDeliveries>>[number];

/**
 * Queues the message of delivery attempt `deliveryId` again, as a new message at the end of the
 * endpoint's queue with the same event (id, type, time, data): a receiver that already has it can
 * tell by its `webhook-id`. Returns the new message's id, or null when there is no such attempt or its
 * message was purged (7 days after it was delivered).
 */
export async function requeueDeliveredMessage(tx: Tx, orgId: string, endpointId: string, deliveryId: string): Promise<string | null> {
  const { rows } = await sql<{ id: string }>`
    insert into webhook_messages (organization_id, endpoint_id, event_id, event_type, organization_slug, payload, created_at)
    select m.organization_id, m.endpoint_id, m.event_id, m.event_type, m.organization_slug, m.payload, m.created_at
      from webhook_deliveries d
      join webhook_messages m on m.organization_id = d.organization_id and m.id = d.message_id
     where d.organization_id = ${orgId} and d.endpoint_id = ${endpointId} and d.id = ${deliveryId}
    returning id`.execute(tx);
  return rows[0]?.id ?? null;
}
