import assert from 'node:assert/strict';
import type { Harness } from './harness.js';
import type { BuiltOrg } from './org-factory.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';
import { createWebhookWorker, type WebhookWorker } from '../../src/webhooks/webhook-worker.js';
import { WEBHOOK_EVENT_TYPES } from '../../src/platform/webhooks/webhook-payloads.js';

/**
 * The organization's owner registers an endpoint for every event on a receiver in the test, which
 * verifies each delivery with the endpoint's secret; the worker delivers when a test runs it.
 * The caller stops the worker and closes the receiver.
 */
export async function listenToEveryEvent(h: Harness, org: BuiltOrg, secretKey: Buffer): Promise<{ receiver: WebhookReceiver; worker: WebhookWorker }> {
  const receiver = await startWebhookReceiver();
  const worker = createWebhookWorker({ db: h.database.db, clock: h.clock, secretKey, allowPrivate: true, publicUrl: 'http://roster.test' });
  const created = await h.request<{ secret: string }>(org.tokens.owner!, 'POST', `/api/0/organizations/${org.slug}/webhooks/`, { url: receiver.url, events: WEBHOOK_EVENT_TYPES });
  assert.equal(created.status, 201);
  receiver.secrets = [created.body.secret];
  return { receiver, worker };
}
