import { WEBHOOK_SCOPES } from '../../src/webhooks/webhooks.service.js';
import { sealWebhookSecret, newWebhookSecret } from '../../src/webhooks/webhook-secrets.js';
import { orgGate, orgSlugOf, ORG_TARGETS, type Cell, type EndpointSpec } from './cells.js';

/**
 * The webhook routes (issue 18): org:admin after the organization gate. Cells that act on an endpoint
 * give the home organization one (with one delivery attempt, for redelivery) first; in the other
 * organization the same ids are not found.
 */

const LIST = '/api/0/organizations/{organization_id_or_slug}/webhooks/';
const ONE = `${LIST}{webhook_id}/`;

/** An endpoint of the home organization with one logged attempt: its id and the attempt's. */
async function giveHomeAnEndpoint(cell: Cell): Promise<{ webhook_id: string; delivery_id: string }> {
  const { h, home } = cell.world;
  const db = h.database.db;
  const endpoint = await db
    .insertInto('webhook_endpoints')
    .values({ organization_id: home.id, url: 'https://example.com/hook', events: ['team.created'], secret_sealed: sealWebhookSecret(h.config.secretKey!, home.id, newWebhookSecret()) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const message = await db
    .insertInto('webhook_messages')
    .values({ organization_id: home.id, endpoint_id: endpoint.id, event_id: 'msg_matrix', event_type: 'team.created', organization_slug: home.slug, payload: '{}', status: 'delivered' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const delivery = await db
    .insertInto('webhook_deliveries')
    .values({ organization_id: home.id, endpoint_id: endpoint.id, message_id: message.id, event_id: 'msg_matrix', event_type: 'team.created', attempted_at: new Date(), duration_ms: 1, response_status: 204, succeeded: true })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { webhook_id: endpoint.id, delivery_id: delivery.id };
}

function withEndpoint(method: EndpointSpec['method'], path: string, success: number, body?: unknown): EndpointSpec {
  return {
    method,
    path,
    needed: WEBHOOK_SCOPES,
    targets: ORG_TARGETS,
    foreignOrgPath: true,
    async build(cell) {
      const ids = await giveHomeAnEndpoint(cell);
      return { params: { organization_id_or_slug: orgSlugOf(cell), ...ids }, ...(body === undefined ? {} : { body }) };
    },
    expect: (cell) => orgGate(cell, WEBHOOK_SCOPES, cell.target === 'foreign') ?? (cell.target === 'foreign' ? 404 : success),
  };
}

export const WEBHOOK_ENDPOINTS: EndpointSpec[] = [
  {
    method: 'GET',
    path: LIST,
    needed: WEBHOOK_SCOPES,
    targets: ORG_TARGETS,
    foreignOrgPath: true,
    build: (cell) => ({ params: { organization_id_or_slug: orgSlugOf(cell) } }),
    expect: (cell) => orgGate(cell, WEBHOOK_SCOPES, cell.target === 'foreign') ?? 200,
  },
  {
    method: 'POST',
    path: LIST,
    needed: WEBHOOK_SCOPES,
    targets: ORG_TARGETS,
    foreignOrgPath: true,
    build: (cell) => ({ params: { organization_id_or_slug: orgSlugOf(cell) }, body: { url: 'https://example.com/hook', events: ['member.joined'] } }),
    expect: (cell) => orgGate(cell, WEBHOOK_SCOPES, cell.target === 'foreign') ?? 201,
  },
  withEndpoint('GET', ONE, 200),
  withEndpoint('PUT', ONE, 200, { active: false }),
  withEndpoint('POST', `${ONE}rotate-secret/`, 200),
  withEndpoint('GET', `${ONE}deliveries/`, 200),
  withEndpoint('POST', `${ONE}deliveries/{delivery_id}/redeliver/`, 202),
  withEndpoint('DELETE', ONE, 204),
];
