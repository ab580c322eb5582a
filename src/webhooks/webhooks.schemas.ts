import { Type, type Static } from '@sinclair/typebox';
import { DateTime, Id, Nullable } from '../platform/http/schemas.js';
import { WEBHOOK_EVENT_TYPES } from '../platform/webhooks/webhook-payloads.js';

export const WebhookEventType = Type.Union(WEBHOOK_EVENT_TYPES.map((type) => Type.Literal(type)));

const Url = Type.String({ minLength: 1, maxLength: 2048, description: 'http:// or https://; the address it resolves to must be public (see README, webhooks)' });
const Events = Type.Array(WebhookEventType, { minItems: 1, maxItems: WEBHOOK_EVENT_TYPES.length, uniqueItems: true, description: 'The events it receives' });
const Description = Type.String({ maxLength: 256 });

export const CreateWebhookBody = Type.Object(
  { url: Url, events: Events, description: Type.Optional(Description), active: Type.Optional(Type.Boolean({ description: 'Default true' })) },
  { additionalProperties: false },
);
export type CreateWebhookBody = Static<typeof CreateWebhookBody>;

export const UpdateWebhookBody = Type.Object(
  { url: Type.Optional(Url), events: Type.Optional(Events), description: Type.Optional(Description), active: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export type UpdateWebhookBody = Static<typeof UpdateWebhookBody>;

/** An endpoint as the API shows it: never a secret (the secret is shown once, at creation and rotation). */
export const WebhookEndpointSchema = Type.Object({
  id: Id,
  url: Type.String(),
  description: Type.String(),
  events: Type.Array(Type.String()),
  active: Type.Boolean(),
  disabledReason: Nullable(Type.String({ description: '`gone` (the receiver answered 410) or `failing` (3 days of failed deliveries), when Roster turned it off' })),
  previousSecretExpiresAt: Nullable(Type.String({ format: 'date-time', description: 'During a rotation, until when the previous secret also signs' })),
  dateCreated: DateTime,
  dateUpdated: DateTime,
});

export const CreatedWebhookSchema = Type.Object({
  ...WebhookEndpointSchema.properties,
  secret: Type.String({ description: 'The signing secret (whsec_…), shown only now' }),
});

export const RotatedSecretSchema = Type.Object({
  secret: Type.String({ description: 'The new signing secret (whsec_…), shown only now' }),
  previousSecretExpiresAt: Type.String({ format: 'date-time', description: 'Until then the previous secret signs too' }),
});

export const DeliverySchema = Type.Object({
  id: Id,
  messageId: Id,
  eventId: Type.String({ description: 'The webhook-id header it was sent with' }),
  eventType: Type.String(),
  attemptedAt: DateTime,
  durationMs: Type.Integer(),
  responseStatus: Nullable(Type.Integer()),
  responseExcerpt: Type.String({ description: 'The first 1 KB of the answer' }),
  error: Nullable(Type.String({ description: 'Why no answer came (refused address, timeout, connection error)' })),
  succeeded: Type.Boolean(),
});

export const RedeliverySchema = Type.Object({ messageId: Id });

export const WebhookIdParam = Type.String({ pattern: '^[0-9]{1,18}$' });
