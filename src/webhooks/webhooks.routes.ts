import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireRequester } from '../access/requester.js';
import { BODY_LIMITS } from '../platform/http/body-limits.js';
import { ERROR_RESPONSES, NoContent, OrgIdOrSlug } from '../platform/http/schemas.js';
import type { WebhookService } from './webhooks.service.js';
import {
  CreatedWebhookSchema,
  CreateWebhookBody,
  DeliverySchema,
  RedeliverySchema,
  RotatedSecretSchema,
  UpdateWebhookBody,
  WebhookEndpointSchema,
  WebhookIdParam,
} from './webhooks.schemas.js';

const LIST = '/api/0/organizations/:organization_id_or_slug/webhooks/';
const ONE = `${LIST}:webhook_id/`;
const OrgParams = Type.Object({ organization_id_or_slug: OrgIdOrSlug });
const OneParams = Type.Object({ organization_id_or_slug: OrgIdOrSlug, webhook_id: WebhookIdParam });
const DeliveryParams = Type.Object({ organization_id_or_slug: OrgIdOrSlug, webhook_id: WebhookIdParam, delivery_id: WebhookIdParam });
const TAGS = ['Webhooks'];

/** Outbound webhook endpoints of an organization (issue 18), all org:admin. */
export function webhookRoutes(webhooks: WebhookService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      LIST,
      { schema: { operationId: 'listWebhooks', tags: TAGS, summary: "The organization's webhook endpoints", params: OrgParams, response: { 200: Type.Array(WebhookEndpointSchema), ...ERROR_RESPONSES } } },
      (request) => webhooks.list(requireRequester(request), request.params.organization_id_or_slug),
    );

    app.post(
      LIST,
      {
        bodyLimit: BODY_LIMITS.small,
        schema: {
          operationId: 'createWebhook',
          tags: TAGS,
          summary: 'Add a webhook endpoint; its signing secret is in this answer only',
          params: OrgParams,
          body: CreateWebhookBody,
          response: { 201: CreatedWebhookSchema, ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => reply.status(201).send(await webhooks.create(requireRequester(request), request.params.organization_id_or_slug, request.body)),
    );

    app.get(
      ONE,
      { schema: { operationId: 'getWebhook', tags: TAGS, summary: 'One webhook endpoint', params: OneParams, response: { 200: WebhookEndpointSchema, ...ERROR_RESPONSES } } },
      (request) => webhooks.get(requireRequester(request), request.params.organization_id_or_slug, request.params.webhook_id),
    );

    app.put(
      ONE,
      {
        bodyLimit: BODY_LIMITS.small,
        schema: {
          operationId: 'updateWebhook',
          tags: TAGS,
          summary: "Change a webhook endpoint's URL, events, description, or turn it on or off",
          params: OneParams,
          body: UpdateWebhookBody,
          response: { 200: WebhookEndpointSchema, ...ERROR_RESPONSES },
        },
      },
      (request) => webhooks.update(requireRequester(request), request.params.organization_id_or_slug, request.params.webhook_id, request.body),
    );

    app.delete(
      ONE,
      { schema: { operationId: 'deleteWebhook', tags: TAGS, summary: 'Delete a webhook endpoint and its delivery log', params: OneParams, response: { 204: NoContent, ...ERROR_RESPONSES } } },
      async (request, reply) => {
        await webhooks.remove(requireRequester(request), request.params.organization_id_or_slug, request.params.webhook_id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      `${ONE}rotate-secret/`,
      {
        bodyLimit: BODY_LIMITS.small,
        schema: {
          operationId: 'rotateWebhookSecret',
          tags: TAGS,
          summary: 'A new signing secret; the previous one also signs for 24 hours',
          params: OneParams,
          response: { 200: RotatedSecretSchema, ...ERROR_RESPONSES },
        },
      },
      (request) => webhooks.rotateSecret(requireRequester(request), request.params.organization_id_or_slug, request.params.webhook_id),
    );

    app.get(
      `${ONE}deliveries/`,
      {
        schema: {
          operationId: 'listWebhookDeliveries',
          tags: TAGS,
          summary: "The endpoint's latest 100 delivery attempts, newest first",
          params: OneParams,
          response: { 200: Type.Array(DeliverySchema), ...ERROR_RESPONSES },
        },
      },
      (request) => webhooks.deliveries(requireRequester(request), request.params.organization_id_or_slug, request.params.webhook_id),
    );

    app.post(
      `${ONE}deliveries/:delivery_id/redeliver/`,
      {
        bodyLimit: BODY_LIMITS.small,
        schema: {
          operationId: 'redeliverWebhook',
          tags: TAGS,
          summary: 'Send the message of a delivery attempt again (same webhook-id)',
          params: DeliveryParams,
          response: { 202: RedeliverySchema, ...ERROR_RESPONSES },
        },
      },
      async (request, reply) =>
        reply.status(202).send(await webhooks.redeliver(requireRequester(request), request.params.organization_id_or_slug, request.params.webhook_id, request.params.delivery_id)),
    );
  };
}
