import crypto from 'node:crypto';
import type { Tx } from '../db/database.js';
import type { WebhookEventType, WebhookPayloads } from './webhook-payloads.js';
import { insertWebhookMessages, lockActiveEndpoints } from './webhook-outbox.queries.js';

export type { WebhookEventType, WebhookPayloads } from './webhook-payloads.js';

/** An event's data, or a function that reads it: called only when some endpoint wants the event. */
export type WebhookData<Type extends WebhookEventType> = WebhookPayloads[Type] | (() => Promise<WebhookPayloads[Type]>);

/**
 * Queues `type` for every active endpoint of the organization that subscribes to it, in the
 * transaction of the change (STYLE rule 9): the change and its messages commit together or not at
 * all, and the webhook worker sends them after commit. One message per endpoint, written now, so that
 * the subscriptions in force when the change happened decide who hears of it and each endpoint's
 * queue is claimed on its own. Costs one statement when nobody listens. Every message of one call
 * carries the same event id (the `webhook-id` header). Call it where the audit entry is written.
 */
export async function emitWebhookEvent<Type extends WebhookEventType>(tx: Tx, organizationId: string, type: Type, data: WebhookData<Type>): Promise<void> {
  const endpoints = (await lockActiveEndpoints(tx, organizationId)).filter((endpoint) => endpoint.events.includes(type));
  if (endpoints.length === 0) return;
  const payload = typeof data === 'function' ? await data() : data;
  const eventId = `msg_${crypto.randomUUID().replace(/-/g, '')}`;
  await insertWebhookMessages(
    tx,
    endpoints.map((endpoint) => ({
      organizationId,
      organizationSlug: endpoint.organization_slug,
      endpointId: endpoint.id,
      eventId,
      eventType: type,
      payload,
    })),
  );
}
