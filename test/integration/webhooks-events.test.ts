import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { createHarness, type Harness } from '../helpers/harness.js';
import { buildOrg, type BuiltOrg } from '../helpers/org-factory.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';
import { listenToEveryEvent } from '../helpers/webhook-listener.js';
import type { WebhookWorker } from '../../src/webhooks/webhook-worker.js';
import { WEBHOOK_EVENT_TYPES } from '../../src/platform/webhooks/webhook-payloads.js';

/**
 * Issue 18: each event is queued by the real API change that causes it, in its transaction, and
 * delivered signed as Standard Webhooks says (checked with the `standardwebhooks` package); a refused
 * change queues nothing.
 */
describe('webhook events from API changes', () => {
  let h: Harness;
  let org: BuiltOrg;
  let receiver: WebhookReceiver;
  let worker: WebhookWorker;
  const key = crypto.randomBytes(32);

  before(async () => {
    h = await createHarness({ config: { secretKey: key } });
    org = await buildOrg(h, {
      members: { owner: { role: 'owner' }, mel: { role: 'member', teams: ['backend'] } },
      teams: ['backend'],
      features: { 'team-roles': true },
    });
    ({ receiver, worker } = await listenToEveryEvent(h, org, key));
  });
  after(async () => {
    await worker.stop();
    await receiver.close();
    await h.close();
  });

  /** The changes since the last call, delivered and verified: their types, and the events. */
  async function deliveredSince(): Promise<Array<{ type: string; data: Record<string, unknown> }>> {
    const start = receiver.received.length;
    await worker.runOnce();
    const fresh = receiver.received.slice(start);
    for (const webhook of fresh) assert.deepEqual(webhook.verifiedBy, [0], `${webhook.payload.type} verifies with the endpoint's secret`);
    return fresh.map((webhook) => ({ type: webhook.payload.type, data: webhook.payload.data }));
  }

  it('invite, accept, role change, team changes, settings, removal: each emits its event, in order, with its payload', async () => {
    const owner = org.tokens.owner!;
    const invited = await h.request(owner, 'POST', `/api/0/organizations/${org.slug}/members/`, { email: 'dana@example.com', orgRole: 'member', teams: ['backend'] });
    assert.equal(invited.status, 201);
    const danaId = invited.body.id;
    let events = await deliveredSince();
    assert.deepEqual(events.map((event) => event.type), ['member.invited']);
    assert.deepEqual({ ...events[0]!.data }, {
      member: { id: danaId, email: 'dana@example.com', userId: null, orgRole: 'member', pending: true, teamRoles: [{ teamSlug: 'backend', role: null }] },
    });

    // Accepting the invite: its link carries the token only the email holds; take it from the outbox.
    const outbox = await h.database.db.selectFrom('email_outbox').select('text_body').where('recipient', '=', 'dana@example.com').executeTakeFirstOrThrow();
    const link = /\/accept\/(\d+\/[0-9a-f]+\/)/.exec(outbox.text_body)![1]!;
    assert.equal((await h.request(null, 'POST', `/api/0/accept-invite/${link}`)).status, 204);
    events = await deliveredSince();
    assert.deepEqual(events.map((event) => event.type), ['member.joined']);
    assert.equal((events[0]!.data.member as { pending: boolean }).pending, false);

    const promoted = await h.request(owner, 'PUT', `/api/0/organizations/${org.slug}/members/${danaId}/`, { orgRole: 'manager' });
    assert.equal(promoted.status, 200, JSON.stringify(promoted.body));
    events = await deliveredSince();
    assert.deepEqual(events.map((event) => event.type), ['member.updated']);
    assert.deepEqual(events[0]!.data.before, { orgRole: 'member', teamRoles: [{ teamSlug: 'backend', role: null }] });
    assert.equal((events[0]!.data.after as { orgRole: string }).orgRole, 'manager');
    assert.equal((events[0]!.data.member as { orgRole: string }).orgRole, 'manager');

    const team = await h.request(owner, 'POST', `/api/0/organizations/${org.slug}/teams/`, { slug: 'frontend', name: 'Frontend' });
    assert.equal(team.status, 201);
    assert.equal((await h.request(owner, 'PUT', `/api/0/teams/${org.slug}/frontend/`, { name: 'Front end' })).status, 200);
    assert.equal((await h.request(owner, 'POST', `/api/0/organizations/${org.slug}/members/${danaId}/teams/frontend/`)).status, 201);
    assert.equal((await h.request(owner, 'PUT', `/api/0/organizations/${org.slug}/members/${danaId}/teams/frontend/`, { teamRole: 'admin' })).status, 200);
    assert.equal((await h.request(owner, 'DELETE', `/api/0/organizations/${org.slug}/members/${danaId}/teams/frontend/`)).status, 200);
    assert.equal((await h.request(owner, 'DELETE', `/api/0/teams/${org.slug}/frontend/`)).status, 204);
    events = await deliveredSince();
    assert.deepEqual(
      events.map((event) => event.type),
      // The team role asked for is the one a manager has anyway (stored as null): no member.updated.
      ['team.created', 'team.member_added', 'team.updated', 'team.member_added', 'team.member_removed', 'team.deleted'],
    );
    assert.deepEqual({ ...events[0]!.data }, { team: { id: team.body.id, slug: 'frontend', name: 'Frontend' } });
    assert.deepEqual({ ...events[2]!.data }, { team: { id: team.body.id, slug: 'frontend', name: 'Front end' }, before: { slug: 'frontend', name: 'Frontend' } });
    assert.deepEqual({ ...events[3]!.data }, { team: { id: team.body.id, slug: 'frontend', name: 'Front end' }, member: { id: danaId, email: 'dana@example.com', userId: events[3]!.data.member && (events[3]!.data.member as { userId: string }).userId }, teamRole: null });

    // A member's new team list: the team left and joined, then the member.
    assert.equal((await h.request(owner, 'PUT', `/api/0/organizations/${org.slug}/members/${danaId}/`, { teamRoles: [] })).status, 200);
    events = await deliveredSince();
    assert.deepEqual(events.map((event) => event.type), ['team.member_removed', 'member.updated']);

    assert.equal((await h.request(owner, 'PUT', `/api/0/organizations/${org.slug}/`, { name: 'Renamed' })).status, 200);
    events = await deliveredSince();
    assert.deepEqual(events.map((event) => event.type), ['organization.updated']);
    assert.equal((events[0]!.data.organization as { name: string }).name, 'Renamed');
    assert.match(JSON.stringify(events[0]!.data.changes), /Renamed/);

    assert.equal((await h.request(owner, 'DELETE', `/api/0/organizations/${org.slug}/members/${danaId}/`)).status, 204);
    events = await deliveredSince();
    assert.deepEqual(events.map((event) => event.type), ['member.removed']);
    assert.equal((events[0]!.data.member as { email: string }).email, 'dana@example.com');
  });

  it('every delivery carries the envelope: type, version 1, the time, the organization; one webhook-id per event', async () => {
    assert.ok(receiver.received.length >= 10);
    for (const webhook of receiver.received) {
      assert.equal(webhook.payload.version, 1);
      assert.equal(webhook.payload.organization.id, org.id);
      assert.ok(!Number.isNaN(Date.parse(webhook.payload.timestamp)));
      assert.match(webhook.id, /^msg_[0-9a-f]{32}$/);
    }
    assert.equal(new Set(receiver.received.map((webhook) => webhook.id)).size, receiver.received.length);
  });

  it('refused changes emit nothing: a bad role, a taken team slug, removing the last owner', async () => {
    const owner = org.tokens.owner!;
    const before = await h.database.db.selectFrom('webhook_messages').select('id').execute();
    assert.equal((await h.request(owner, 'PUT', org.memberUrl('mel'), { orgRole: 'emperor' })).status, 400);
    assert.equal((await h.request(owner, 'POST', `/api/0/organizations/${org.slug}/teams/`, { slug: 'backend' })).status, 409);
    assert.equal((await h.request(owner, 'DELETE', org.memberUrl('owner'))).status, 403);
    assert.equal((await h.request(org.tokens.mel!, 'POST', `/api/0/organizations/${org.slug}/teams/`, { slug: 'nope' })).status, 403);
    const afterwards = await h.database.db.selectFrom('webhook_messages').select('id').execute();
    assert.equal(afterwards.length, before.length);
    assert.deepEqual(await deliveredSince(), []);
  });

  it('changes made as a side effect emit too: a removed member\'s invites are withdrawn, 2FA enforcement turns members into invites', async () => {
    const side = await buildOrg(h, {
      members: {
        owner: { role: 'owner', totp: true },
        mgr: { role: 'manager', totp: true },
        lax: { role: 'member', teams: ['ops'] },
        sent: { role: 'member', pending: true, invitedBy: 'mgr', teams: ['ops'] },
      },
      teams: ['ops'],
    });
    const other = await startWebhookReceiver();
    try {
      const endpoint = await h.request(side.tokens.owner!, 'POST', `/api/0/organizations/${side.slug}/webhooks/`, { url: other.url, events: WEBHOOK_EVENT_TYPES });
      assert.equal(endpoint.status, 201);
      other.secrets = [endpoint.body.secret];
      const delivered = async () => {
        const start = other.received.length;
        await worker.runOnce();
        const fresh = other.received.slice(start);
        for (const webhook of fresh) assert.deepEqual(webhook.verifiedBy, [0]);
        return fresh.map((webhook) => ({ type: webhook.payload.type, data: { ...webhook.payload.data } }));
      };

      assert.equal((await h.request(side.tokens.owner!, 'DELETE', side.memberUrl('mgr'))).status, 204);
      assert.deepEqual(await delivered(), [
        { type: 'member.removed', data: { member: { id: side.ids.mgr, email: side.emailOf('mgr'), userId: side.userIds.mgr, orgRole: 'manager', pending: false, teamRoles: [] } } },
        { type: 'member.removed', data: { member: { id: side.ids.sent, email: side.emailOf('sent'), userId: null, orgRole: 'member', pending: true, teamRoles: [{ teamSlug: 'ops', role: null }] } } },
      ]);

      // lax has no second factor: requiring one makes lax's membership an invite (same id, role and teams).
      assert.equal((await h.request(side.tokens.owner!, 'PUT', `/api/0/organizations/${side.slug}/`, { require2FA: true })).status, 200);
      const lax = { id: side.ids.lax, email: side.emailOf('lax'), orgRole: 'member', teamRoles: [{ teamSlug: 'ops', role: null }] };
      const events = await delivered();
      assert.deepEqual(
        events.filter((event) => event.type !== 'organization.updated'),
        [
          { type: 'member.removed', data: { member: { ...lax, userId: side.userIds.lax, pending: false } } },
          { type: 'member.invited', data: { member: { ...lax, userId: null, pending: true } } },
        ],
      );
      assert.deepEqual(events.filter((event) => event.type === 'organization.updated').length, 1);
    } finally {
      await other.close();
    }
  });

  it('an endpoint gets only the events it subscribes to; an inactive one gets none', async () => {
    const other = await startWebhookReceiver();
    try {
      const owner = org.tokens.owner!;
      const teamsOnly = await h.request(owner, 'POST', `/api/0/organizations/${org.slug}/webhooks/`, { url: other.url, events: ['team.created'] });
      const off = await h.request(owner, 'POST', `/api/0/organizations/${org.slug}/webhooks/`, { url: other.url, events: ['team.created'], active: false });
      assert.equal(off.status, 201);
      other.secrets = [teamsOnly.body.secret];
      await h.request(owner, 'PUT', `/api/0/organizations/${org.slug}/members/${org.ids.mel}/`, { orgRole: 'manager' });
      await h.request(owner, 'POST', `/api/0/organizations/${org.slug}/teams/`, { slug: 'ops' });
      await worker.runOnce();
      assert.deepEqual(other.received.map((webhook) => webhook.payload.type), ['team.created']);
      assert.deepEqual(other.received[0]!.verifiedBy, [0]);
    } finally {
      await other.close();
    }
  });
});
