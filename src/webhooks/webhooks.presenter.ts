import type { Static } from '@sinclair/typebox';
import type { WebhookEndpointRow } from '../platform/db/schema.js';
import type { DeliveryView } from './webhooks.queries.js';
import type { DeliverySchema, WebhookEndpointSchema } from './webhooks.schemas.js';
import type { WebhookEndpointPayload } from '../audit/audit-payloads.js';

export function presentEndpoint(row: WebhookEndpointRow, now: Date): Static<typeof WebhookEndpointSchema> {
  const rotating = row.previous_secret_expires_at && new Date(row.previous_secret_expires_at) > now;
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events,
    active: row.active,
    disabledReason: row.disabled_reason,
    previousSecretExpiresAt: rotating ? new Date(row.previous_secret_expires_at!).toISOString() : null,
    dateCreated: row.date_added,
    dateUpdated: row.date_updated,
  };
}

export function presentDelivery(row: DeliveryView): Static<typeof DeliverySchema> {
  return {
    id: row.id,
    messageId: row.message_id,
    eventId: row.event_id,
    eventType: row.event_type,
    attemptedAt: row.attempted_at,
    durationMs: row.duration_ms,
    responseStatus: row.response_status,
    responseExcerpt: row.response_excerpt,
    error: row.error,
    succeeded: row.succeeded,
  };
}

export function endpointAuditData(row: WebhookEndpointRow): WebhookEndpointPayload {
  return { id: row.id, url: row.url, events: row.events, active: row.active };
}
