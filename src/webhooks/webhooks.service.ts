import type { Config } from '../config.js';
import type { Db } from '../platform/db/database.js';
import type { Clock } from '../platform/lib/clock.js';
import type { Requester } from '../access/requester.js';
import type { Scope } from '../access/roles.js';
import { loadOrgContext } from '../access/org-context.js';
import { recordAudit } from '../audit/record-audit.js';
import { detailError, fieldError, notFound } from '../platform/http/errors.js';
import { endpointAuditData, presentDelivery, presentEndpoint } from './webhooks.presenter.js';
import {
  countEndpoints,
  deleteEndpoint,
  findEndpoint,
  insertEndpoint,
  listDeliveries,
  listEndpoints,
  requeueDeliveredMessage,
  rotateEndpointSecret,
  updateEndpoint,
} from './webhooks.queries.js';
import type { CreateWebhookBody, UpdateWebhookBody } from './webhooks.schemas.js';
import { newWebhookSecret, PREVIOUS_SECRET_HOURS, sealWebhookSecret } from './webhook-secrets.js';

/** Webhooks are the organization's to configure: they send its membership to another system. */
export const WEBHOOK_SCOPES: readonly Scope[] = ['org:admin'];

/** Endpoints one organization may have: each change is sent to every one, so keep fan-out bounded. */
export const MAX_ENDPOINTS = 20;
/** Delivery attempts a list shows. */
const DELIVERY_PAGE = 100;

export interface WebhookServiceDeps {
  db: Db;
  config: Pick<Config, 'secretKey'>;
  clock: Clock;
}

/** An http(s) URL without credentials (they would be stored and shown in the clear). */
function checkUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw fieldError('url', 'Enter a valid URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw fieldError('url', 'The URL must start with http:// or https://.');
  if (url.username || url.password) throw fieldError('url', 'The URL may not hold a user name or password.');
  return url.toString();
}

export function createWebhookService({ db, config, clock }: WebhookServiceDeps) {
  const gate = { anyScope: WEBHOOK_SCOPES };
  const locked = { anyScope: WEBHOOK_SCOPES, forUpdate: true };

  function secretKey(): Buffer {
    if (!config.secretKey) {
      throw detailError(400, 'The server has no ROSTER_SECRET_KEY, so it cannot keep a signing secret encrypted; set one (openssl rand -base64 32) and restart.', 'secret_key_missing');
    }
    return config.secretKey;
  }

  return {
    /** The organization's endpoints, oldest first. 403 without org:admin. */
    async list(requester: Requester, orgIdOrSlug: string) {
      const context = await loadOrgContext(db, requester, orgIdOrSlug, gate);
      const now = clock.now();
      return (await listEndpoints(db, context.org.id)).map((row) => presentEndpoint(row, now));
    },

    /** One endpoint. 403 without org:admin; 404 when the organization has no such endpoint. */
    async get(requester: Requester, orgIdOrSlug: string, id: string) {
      const context = await loadOrgContext(db, requester, orgIdOrSlug, gate);
      const row = await findEndpoint(db, context.org.id, id);
      if (!row) throw notFound();
      return presentEndpoint(row, clock.now());
    },

    /**
     * Adds an endpoint with a new signing secret, shown in this answer only; audited `webhook.create`.
     * 400 naming the field (url), or without ROSTER_SECRET_KEY; 400 past MAX_ENDPOINTS; 403 without org:admin.
     */
    async create(requester: Requester, orgIdOrSlug: string, body: CreateWebhookBody) {
      const url = checkUrl(body.url);
      const key = secretKey();
      return db.transaction().execute(async (tx) => {
        // The organization lock makes the count and the insert one step: two creates cannot both pass the limit.
        const context = await loadOrgContext(tx, requester, orgIdOrSlug, locked);
        if ((await countEndpoints(tx, context.org.id)) >= MAX_ENDPOINTS) {
          throw detailError(400, `An organization may have at most ${MAX_ENDPOINTS} webhook endpoints.`, 'too_many_webhooks');
        }
        const secret = newWebhookSecret();
        const row = await insertEndpoint(tx, {
          orgId: context.org.id,
          url,
          description: body.description ?? '',
          events: body.events,
          active: body.active ?? true,
          secretSealed: sealWebhookSecret(key, context.org.id, secret),
        });
        await recordAudit(tx, { organizationId: context.org.id, event: 'WEBHOOK_ADD', actor: requester, targetObject: row.id, data: endpointAuditData(row) });
        return { ...presentEndpoint(row, clock.now()), secret };
      });
    },

    /** Changes the URL, events, description or whether it is on; audited `webhook.edit`. 400 naming the field; 403; 404. */
    async update(requester: Requester, orgIdOrSlug: string, id: string, body: UpdateWebhookBody) {
      const url = body.url === undefined ? undefined : checkUrl(body.url);
      return db.transaction().execute(async (tx) => {
        const context = await loadOrgContext(tx, requester, orgIdOrSlug, gate);
        if (!(await findEndpoint(tx, context.org.id, id, true))) throw notFound();
        const row = await updateEndpoint(tx, context.org.id, id, { url, events: body.events, description: body.description, active: body.active }, clock.now());
        await recordAudit(tx, { organizationId: context.org.id, event: 'WEBHOOK_EDIT', actor: requester, targetObject: row.id, data: endpointAuditData(row) });
        return presentEndpoint(row, clock.now());
      });
    },

    /** Deletes the endpoint, its undelivered messages and its delivery log; audited `webhook.remove`. 403; 404. */
    async remove(requester: Requester, orgIdOrSlug: string, id: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const context = await loadOrgContext(tx, requester, orgIdOrSlug, gate);
        const row = await findEndpoint(tx, context.org.id, id, true);
        if (!row) throw notFound();
        await deleteEndpoint(tx, context.org.id, id);
        await recordAudit(tx, { organizationId: context.org.id, event: 'WEBHOOK_REMOVE', actor: requester, targetObject: row.id, data: endpointAuditData(row) });
      });
    },

    /**
     * A new signing secret, shown in this answer only; the current one keeps signing (alongside) for
     * PREVIOUS_SECRET_HOURS, so receivers can switch without losing a message. A secret rotated out
     * earlier stops at once. Audited `webhook.rotate-secret`. 400 without ROSTER_SECRET_KEY; 403; 404.
     */
    async rotateSecret(requester: Requester, orgIdOrSlug: string, id: string) {
      const key = secretKey();
      return db.transaction().execute(async (tx) => {
        const context = await loadOrgContext(tx, requester, orgIdOrSlug, gate);
        const current = await findEndpoint(tx, context.org.id, id, true);
        if (!current) throw notFound();
        const secret = newWebhookSecret();
        const now = clock.now();
        const previousExpiresAt = new Date(now.getTime() + PREVIOUS_SECRET_HOURS * 60 * 60 * 1000);
        const row = await rotateEndpointSecret(
          tx,
          context.org.id,
          id,
          { current: sealWebhookSecret(key, context.org.id, secret), previous: current.secret_sealed, previousExpiresAt },
          now,
        );
        await recordAudit(tx, { organizationId: context.org.id, event: 'WEBHOOK_ROTATE_SECRET', actor: requester, targetObject: row.id, data: endpointAuditData(row) });
        return { secret, previousSecretExpiresAt: previousExpiresAt.toISOString() };
      });
    },

    /** The endpoint's latest delivery attempts, newest first. 403; 404. */
    async deliveries(requester: Requester, orgIdOrSlug: string, id: string) {
      const context = await loadOrgContext(db, requester, orgIdOrSlug, gate);
      if (!(await findEndpoint(db, context.org.id, id))) throw notFound();
      return (await listDeliveries(db, context.org.id, id, DELIVERY_PAGE)).map(presentDelivery);
    },

    /**
     * Sends the message of a delivery attempt again: queued at the end of the endpoint's queue with
     * the same `webhook-id`, sent by the worker (once the endpoint is on). 403; 404 for another
     * endpoint's or organization's attempt, and for one whose message was purged (7 days after delivery).
     */
    async redeliver(requester: Requester, orgIdOrSlug: string, id: string, deliveryId: string) {
      return db.transaction().execute(async (tx) => {
        const context = await loadOrgContext(tx, requester, orgIdOrSlug, gate);
        if (!(await findEndpoint(tx, context.org.id, id, true))) throw notFound();
        const messageId = await requeueDeliveredMessage(tx, context.org.id, id, deliveryId);
        if (!messageId) throw notFound();
        return { messageId };
      });
    },
  };
}

export type WebhookService = ReturnType<typeof createWebhookService>;
