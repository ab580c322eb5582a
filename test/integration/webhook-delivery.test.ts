import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { createHarness, type Harness } from '../helpers/harness.js';
import { buildOrg, type BuiltOrg } from '../helpers/org-factory.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';
import { createWebhookWorker } from '../../src/webhooks/webhook-worker.js';
import type { DeliveryOutcome } from '../../src/webhooks/webhook-outcome.js';
import { DAY_MS } from '../../src/platform/lib/clock.js';

/**
 * Issue 18: how the worker delivers: in order per endpoint, back-off on the injected clock, 410 and
 * 3 days of failures turn the endpoint off (the second emails the owners), no private addresses
 * without ROSTER_WEBHOOK_ALLOW_PRIVATE, redirects not followed, both secrets during a rotation.
 * Every delivery is verified with the `standardwebhooks` package.
 */
describe('webhook delivery', () => {
  let h: Harness;
  const key = crypto.randomBytes(32);
  const receivers: WebhookReceiver[] = [];
  const outcomes: DeliveryOutcome[] = [];

  before(async () => {
    h = await createHarness({ config: { secretKey: key } });
  });
  after(async () => {
    await Promise.all(receivers.map((receiver) => receiver.close()));
    await h.close();
  });

  const worker = (allowPrivate = true) =>
    createWebhookWorker({ db: h.database.db, clock: h.clock, secretKey: key, allowPrivate, publicUrl: 'http://roster.test', onOutcome: (outcome) => outcomes.push(outcome) });

  async function receiver(): Promise<WebhookReceiver> {
    const started = await startWebhookReceiver();
    receivers.push(started);
    return started;
  }

  /** An organization with one endpoint for team events at `url`; its receiver verifies with the secret. */
  async function orgWithEndpoint(url: string, target?: WebhookReceiver): Promise<{ org: BuiltOrg; endpointId: string; secret: string }> {
    const org = await buildOrg(h);
    const created = await h.request(org.tokens.owner!, 'POST', `/api/0/organizations/${org.slug}/webhooks/`, { url, events: ['team.created', 'team.deleted'] });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    if (target) target.secrets = [created.body.secret];
    return { org, endpointId: created.body.id, secret: created.body.secret };
  }

  const createTeam = async (org: BuiltOrg, slug: string) =>
    assert.equal((await h.request(org.tokens.owner!, 'POST', `/api/0/organizations/${org.slug}/teams/`, { slug })).status, 201);
  const endpointOf = (org: BuiltOrg, id: string) => h.request(org.tokens.owner!, 'GET', `/api/0/organizations/${org.slug}/webhooks/${id}/`);
  const teamSlugs = (target: WebhookReceiver) => target.received.map((webhook) => (webhook.payload.data.team as { slug: string }).slug);

  it('the API: org:admin only, the secret shown once and sealed at rest, audited, bad input named', async () => {
    const target = await receiver();
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, mgr: { role: 'manager' } } });
    const url = `/api/0/organizations/${org.slug}/webhooks/`;
    assert.equal((await h.request(org.tokens.mgr!, 'GET', url)).status, 403);
    assert.equal((await h.request(org.tokens.mgr!, 'POST', url, { url: target.url, events: ['team.created'] })).status, 403);
    const created = await h.request<{ id: string; secret: string }>(org.tokens.owner!, 'POST', url, { url: target.url, events: ['team.created'] });
    assert.equal(created.status, 201);
    assert.match(created.body.secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
    const listed = await h.request(org.tokens.owner!, 'GET', url);
    assert.equal(listed.status, 200);
    assert.equal(JSON.stringify(listed.body).includes(created.body.secret), false);
    const stored = await h.database.db.selectFrom('webhook_endpoints').selectAll().where('id', '=', created.body.id).executeTakeFirstOrThrow();
    assert.equal(JSON.stringify(stored).includes(created.body.secret.slice(6)), false);

    assert.deepEqual((await h.request(org.tokens.owner!, 'POST', url, { url: 'ftp://example.com/', events: ['team.created'] })).body, { url: ['The URL must start with http:// or https://.'] });
    assert.equal((await h.request(org.tokens.owner!, 'POST', url, { url: target.url, events: ['team.exploded'] })).status, 400);
    assert.equal((await h.request(org.tokens.owner!, 'POST', url, { url: target.url, events: [] })).status, 400);
    const edited = await h.request<{ events: string[]; active: boolean }>(org.tokens.owner!, 'PUT', `${url}${created.body.id}/`, { events: ['team.deleted'], active: false });
    assert.deepEqual([edited.status, edited.body.events, edited.body.active], [200, ['team.deleted'], false]);
    assert.equal((await h.request(org.tokens.owner!, 'POST', `${url}${created.body.id}/rotate-secret/`)).status, 200);
    assert.equal((await h.request(org.tokens.owner!, 'DELETE', `${url}${created.body.id}/`)).status, 204);
    assert.equal((await h.request(org.tokens.owner!, 'GET', `${url}${created.body.id}/`)).status, 404);
    const audit = await h.database.db.selectFrom('audit_log_entries').select('event').where('organization_id', '=', org.id).where('event', '>=', 1000).orderBy('id').execute();
    assert.deepEqual(audit.map((entry) => entry.event), [1000, 1001, 1003, 1002]);

    // Another organization's endpoint is not found, as if it did not exist.
    const other = await buildOrg(h);
    assert.equal((await h.request(other.tokens.owner!, 'GET', `/api/0/organizations/${other.slug}/webhooks/${created.body.id}/`)).status, 404);
  });

  it('in order per endpoint: a later message waits while an earlier one is retried; back-off follows the injected clock', async () => {
    const target = await receiver();
    const { org, endpointId } = await orgWithEndpoint(target.url, target);
    let failFirst = 2;
    target.respond = () => (failFirst-- > 0 ? 500 : 204);
    await createTeam(org, 'one');
    await createTeam(org, 'two');
    const w = worker();
    await w.runOnce();
    assert.deepEqual(teamSlugs(target), ['one'], 'the second waits behind the failed first');
    await w.runOnce();
    assert.equal(target.received.length, 1, 'not due again before its back-off (5 s)');
    h.clock.advance(5000);
    await w.runOnce();
    assert.deepEqual(teamSlugs(target), ['one', 'one'], 'the second attempt, still failing');
    h.clock.advance(5000);
    await w.runOnce();
    assert.equal(target.received.length, 2, 'the third waits 10 s');
    h.clock.advance(5000);
    await w.runOnce();
    assert.deepEqual(teamSlugs(target), ['one', 'one', 'one', 'two'], 'delivered, then the next in order');
    assert.ok(target.received.every((webhook) => webhook.verifiedBy.length === 1));
    assert.equal(target.received[0]!.id, target.received[2]!.id, 'every attempt of a message carries its webhook-id');

    const deliveries = await h.request(org.tokens.owner!, 'GET', `/api/0/organizations/${org.slug}/webhooks/${endpointId}/deliveries/`);
    assert.equal(deliveries.status, 200);
    assert.deepEqual(deliveries.body.map((delivery) => [delivery.eventType, delivery.responseStatus, delivery.succeeded]), [
      ['team.created', 204, true],
      ['team.created', 204, true],
      ['team.created', 500, false],
      ['team.created', 500, false],
    ]);
    assert.equal(deliveries.body[2]!.responseExcerpt, 'answer 500');

    const redelivered = await h.request(org.tokens.owner!, 'POST', `/api/0/organizations/${org.slug}/webhooks/${endpointId}/deliveries/${deliveries.body[0]!.id}/redeliver/`);
    assert.equal(redelivered.status, 202);
    await w.runOnce();
    assert.equal(target.received.length, 5);
    assert.equal(target.received[4]!.id, target.received[3]!.id, 'a redelivery carries the same webhook-id');
  });

  it('410 turns the endpoint off; later changes queue nothing for it', async () => {
    const target = await receiver();
    const { org, endpointId } = await orgWithEndpoint(target.url, target);
    target.respond = () => 410;
    await createTeam(org, 'gone');
    await worker().runOnce();
    const endpoint = await endpointOf(org, endpointId);
    assert.deepEqual([endpoint.body.active, endpoint.body.disabledReason], [false, 'gone']);
    await createTeam(org, 'later');
    await worker().runOnce();
    assert.equal(target.received.length, 1);
    assert.ok(outcomes.includes('gone'));
  });

  it('after 3 days of failures the endpoint is turned off and its owners are emailed through the outbox', async () => {
    const target = await receiver();
    const { org, endpointId } = await orgWithEndpoint(target.url, target);
    target.respond = () => 503;
    await createTeam(org, 'doomed');
    const w = worker();
    const start = h.clock.now().getTime();
    while (h.clock.now().getTime() - start <= 3 * DAY_MS + 6 * 60 * 60 * 1000) {
      await w.runOnce();
      h.clock.advance(60 * 60 * 1000);
    }
    const endpoint = await endpointOf(org, endpointId);
    assert.deepEqual([endpoint.body.active, endpoint.body.disabledReason], [false, 'failing']);
    assert.ok(target.received.length >= 15 && target.received.length <= 40, `${target.received.length} attempts in 3 days`);
    assert.ok(target.received.every((webhook) => webhook.verifiedBy.length === 1));
    const emails = await h.database.db.selectFrom('email_outbox').select(['recipient', 'subject']).where('organization_id', '=', org.id).where('type', '=', 'webhook.disabled').execute();
    assert.deepEqual(emails.map((email) => email.recipient), [org.emailOf('owner')]);
    assert.ok(outcomes.includes('given-up'));
  });

  it('no private address without ROSTER_WEBHOOK_ALLOW_PRIVATE: a name resolving to 127.0.0.1, 169.254.169.254; redirects not followed', async () => {
    const target = await receiver();
    const local = await orgWithEndpoint(`http://localhost:${target.port}/hook`, target);
    await createTeam(local.org, 'local');
    const metadata = await orgWithEndpoint('http://169.254.169.254/latest/meta-data/');
    await createTeam(metadata.org, 'metadata');
    await worker(false).runOnce();
    assert.equal(target.received.length, 0);
    for (const { org, endpointId } of [local, metadata]) {
      const deliveries = await h.request(org.tokens.owner!, 'GET', `/api/0/organizations/${org.slug}/webhooks/${endpointId}/deliveries/`);
      assert.equal(deliveries.body.length, 1);
      assert.equal(deliveries.body[0]!.responseStatus, null);
      assert.match(deliveries.body[0]!.error!, /^refused: .* resolves to (127\.0\.0\.1|::1|169\.254\.169\.254), a private, loopback or link-local address$/);
    }

    const elsewhere = await receiver();
    const redirecting = await receiver();
    redirecting.respond = () => 302;
    redirecting.headers = { location: elsewhere.url };
    const { org, endpointId } = await orgWithEndpoint(redirecting.url, redirecting);
    await createTeam(org, 'redirected');
    await worker().runOnce();
    assert.equal(redirecting.received.length, 1);
    assert.equal(elsewhere.received.length, 0, 'the redirect is not followed');
    const deliveries = await h.request(org.tokens.owner!, 'GET', `/api/0/organizations/${org.slug}/webhooks/${endpointId}/deliveries/`);
    assert.deepEqual([deliveries.body[0]!.responseStatus, deliveries.body[0]!.succeeded], [302, false]);
  });

  it('rotation: for 24 hours both secrets sign each delivery, then only the new one', async () => {
    const target = await receiver();
    const { org, endpointId, secret: oldSecret } = await orgWithEndpoint(target.url, target);
    const rotated = await h.request(org.tokens.owner!, 'POST', `/api/0/organizations/${org.slug}/webhooks/${endpointId}/rotate-secret/`);
    assert.equal(rotated.status, 200);
    target.secrets = [oldSecret, rotated.body.secret];
    await createTeam(org, 'during');
    await worker().runOnce();
    assert.deepEqual(target.received[0]!.verifiedBy, [0, 1]);
    assert.equal(target.received[0]!.signature.split(' ').length, 2);
    h.clock.advance(DAY_MS + 1000);
    await createTeam(org, 'after');
    await worker().runOnce();
    assert.deepEqual(target.received[1]!.verifiedBy, [1]);
  });

  it('a slow receiver holds up only its own endpoint: another organization is delivered meanwhile', async () => {
    const slow = await receiver();
    const fast = await receiver();
    let release: (status: number) => void = () => {};
    slow.respond = () => new Promise<number>((resolve) => (release = resolve));
    const first = await orgWithEndpoint(slow.url, slow);
    const second = await orgWithEndpoint(fast.url, fast);
    await createTeam(first.org, 'slow');
    await createTeam(second.org, 'fast');
    let arrived: () => void = () => {};
    const fastArrived = new Promise<void>((resolve) => (arrived = resolve));
    fast.respond = () => {
      arrived();
      return 204;
    };
    const running = worker().runOnce();
    await fastArrived;
    assert.equal(slow.received.length, 1, 'the slow receiver has its request and has not answered');
    release(204);
    await running;
    assert.deepEqual([teamSlugs(slow), teamSlugs(fast)], [['slow'], ['fast']]);
  });

  it('a send that outlives its lease leaves the message to the next claim: its late answer changes nothing', async () => {
    const target = await receiver();
    const held: Array<(status: number) => void> = [];
    target.respond = () => new Promise<number>((resolve) => held.push(resolve));
    const { org } = await orgWithEndpoint(target.url, target);
    await createTeam(org, 'late');
    const first = worker().runOnce();
    await target.waitFor(1);
    h.clock.advance(61_000); // past the 60-second lease: the message is claimable again
    const second = worker().runOnce();
    await target.waitFor(2);
    held[0]!(503);
    await first;
    h.clock.advance(5000); // when the late failure would have scheduled its retry
    await worker().runOnce();
    assert.equal(target.received.length, 2, 'nothing claims the message while the second send is in flight');
    held[1]!(204);
    await second;
    assert.deepEqual(new Set(target.received.map((webhook) => webhook.id)).size, 1);
    const message = await h.database.db.selectFrom('webhook_messages').select(['status', 'attempts']).where('organization_id', '=', org.id).executeTakeFirstOrThrow();
    assert.deepEqual(message, { status: 'delivered', attempts: 2 });
  });
});
