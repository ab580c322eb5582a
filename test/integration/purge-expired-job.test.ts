import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createScheduledJobs } from '../../src/jobs.js';
import { createJobRunner } from '../../src/platform/jobs/job-runner.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { inTransaction } from '../helpers/database.js';
import { buildOrg } from '../helpers/org-factory.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * `purge-expired` (issue 18): what has expired goes (sessions, sign-in links and verification tokens,
 * ended rate-limit windows, SSO pending sign-ins and SAML ids, emails sent more than 7 days ago, webhook
 * messages delivered more than 7 days ago and delivery attempts older than 30 days); what
 * still lives stays. Each kind is written once dead and once alive, by the test's clock.
 */
describe('purge-expired job', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
  });
  after(async () => h?.close());

  it('deletes the expired rows and keeps the live ones', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' } }, authProvider: { provider: 'saml2' } });
    const userId = org.userIds.owner!;
    const now = h.clock.now().getTime();
    const at = (offsetMs: number) => new Date(now + offsetMs);
    await inTransaction(h, async (tx) => {
      await tx
        .insertInto('user_sessions')
        .values([
          { user_id: userId, token_hash: 'session-expired', csrf_token: 'c', expires_at: at(-MINUTE_MS) },
          { user_id: userId, token_hash: 'session-revoked', csrf_token: 'c', expires_at: at(DAY_MS), revoked_at: at(-HOUR_MS) },
          { user_id: userId, token_hash: 'session-live', csrf_token: 'c', expires_at: at(DAY_MS) },
        ])
        .execute();
      await tx
        .insertInto('user_one_time_tokens')
        .values([
          { user_id: userId, purpose: 'signin', token_hash: 'signin-expired', email: 'a@example.com', expires_at: at(-MINUTE_MS) },
          { user_id: userId, purpose: 'verify-email', token_hash: 'verify-expired', email: 'a@example.com', expires_at: at(-DAY_MS), used_at: at(-2 * DAY_MS) },
          { user_id: userId, purpose: 'signin', token_hash: 'signin-live', email: 'a@example.com', expires_at: at(10 * MINUTE_MS) },
          { user_id: userId, purpose: 'verify-email', token_hash: 'verify-live', email: 'a@example.com', expires_at: at(DAY_MS) },
        ])
        .execute();
      await tx
        .insertInto('rate_limit_counters')
        .values([
          { bucket: 'invite:org:1', window_start: at(-DAY_MS - HOUR_MS), count: 3 },
          { bucket: 'signin:ip:1', window_start: at(-DAY_MS), count: 3 },
          { bucket: 'invite:org:1', window_start: at(-HOUR_MS), count: 3 },
        ])
        .execute();
      await tx
        .insertInto('sso_pending_signins')
        .values([
          { state_hash: 'pending-expired', organization_id: org.id, flow: 'login', expires_at: at(-MINUTE_MS) },
          { state_hash: 'pending-live', organization_id: org.id, flow: 'login', expires_at: at(5 * MINUTE_MS) },
        ])
        .execute();
      await tx
        .insertInto('saml_seen_ids')
        .values([
          { organization_id: org.id, seen_id: 'seen-expired', expires_at: at(-MINUTE_MS) },
          { organization_id: org.id, seen_id: 'seen-live', expires_at: at(HOUR_MS) },
        ])
        .execute();
      await tx
        .insertInto('scim_tokens')
        .values([
          { organization_id: org.id, token_hash: 'scim-rotated-out', token_last_characters: 'aaaa', expires_at: at(-MINUTE_MS) },
          { organization_id: org.id, token_hash: 'scim-in-grace', token_last_characters: 'bbbb', expires_at: at(HOUR_MS) },
          { organization_id: org.id, token_hash: 'scim-current', token_last_characters: 'cccc', expires_at: null },
        ])
        .execute();
      const email = (messageId: string, sentAt: Date | null) => ({
        organization_id: org.id,
        message_id: messageId,
        type: 'test',
        recipient: 'a@example.com',
        subject: 'S',
        text_body: '',
        html_body: '',
        created_at: at(-30 * DAY_MS),
        sent_at: sentAt,
      });
      await tx
        .insertInto('email_outbox')
        .values([email('<sent-8-days@test>', at(-8 * DAY_MS)), email('<sent-6-days@test>', at(-6 * DAY_MS)), email('<unsent-old@test>', null)])
        .execute();
      const endpoint = await tx
        .insertInto('webhook_endpoints')
        .values({ organization_id: org.id, url: 'https://example.com/hook', events: ['team.created'], secret_sealed: 'sealed' })
        .returning('id')
        .executeTakeFirstOrThrow();
      // Each message with one attempt: delivered 8, 6 and 31 days ago; failed for good 40 days ago; pending for 40 days.
      for (const [eventId, status, finishedDaysAgo, attemptDaysAgo] of [
        ['msg_delivered_8d', 'delivered', 8, 8],
        ['msg_delivered_6d', 'delivered', 6, 6],
        ['msg_delivered_31d', 'delivered', 31, 31],
        ['msg_failed_40d', 'failed', 40, 40],
        ['msg_pending_40d', 'pending', null, 40],
      ] as const) {
        const message = await tx
          .insertInto('webhook_messages')
          .values({
            organization_id: org.id,
            endpoint_id: endpoint.id,
            event_id: eventId,
            event_type: 'team.created',
            organization_slug: org.slug,
            payload: '{}',
            status,
            created_at: at(-attemptDaysAgo * DAY_MS - MINUTE_MS),
            finished_at: finishedDaysAgo === null ? null : at(-finishedDaysAgo * DAY_MS),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await tx
          .insertInto('webhook_deliveries')
          .values({
            organization_id: org.id,
            endpoint_id: endpoint.id,
            message_id: message.id,
            event_id: eventId,
            event_type: 'team.created',
            attempted_at: at(-attemptDaysAgo * DAY_MS),
            duration_ms: 5,
            response_status: status === 'delivered' ? 204 : 503,
            succeeded: status === 'delivered',
          })
          .execute();
      }
    });

    const runner = createJobRunner({ db: h.database.db, clock: h.clock, jobs: createScheduledJobs({ db: h.database.db, clock: h.clock }) });
    const outcomes = await runner.runNow(['purge-expired']);
    assert.deepEqual(outcomes, {
      'purge-expired': {
        status: 'done',
        result: {
          deleted: { sessions: 2, oneTimeTokens: 2, rateLimitCounters: 2, ssoPendingSignins: 1, samlSeenIds: 1, scimTokens: 1, sentEmails: 1, sentWebhookMessages: 2, webhookDeliveries: 3 },
        },
      },
    });

    const db = h.database.db;
    assert.deepEqual((await db.selectFrom('user_sessions').select('token_hash').where('user_id', '=', userId).execute()).map((row) => row.token_hash), ['session-live']);
    assert.deepEqual(
      (await db.selectFrom('user_one_time_tokens').select('token_hash').where('user_id', '=', userId).orderBy('token_hash').execute()).map((row) => row.token_hash),
      ['signin-live', 'verify-live'],
    );
    assert.deepEqual(await db.selectFrom('rate_limit_counters').select(['bucket', 'window_start']).execute(), [{ bucket: 'invite:org:1', window_start: at(-HOUR_MS) }]);
    assert.deepEqual((await db.selectFrom('sso_pending_signins').select('state_hash').execute()).map((row) => row.state_hash), ['pending-live']);
    assert.deepEqual((await db.selectFrom('saml_seen_ids').select('seen_id').execute()).map((row) => row.seen_id), ['seen-live']);
    assert.deepEqual(
      (await db.selectFrom('scim_tokens').select('token_hash').orderBy('token_hash').execute()).map((row) => row.token_hash),
      ['scim-current', 'scim-in-grace'],
    );
    assert.deepEqual(
      (await db.selectFrom('email_outbox').select('message_id').where('organization_id', '=', org.id).orderBy('message_id').execute()).map((row) => row.message_id),
      ['<sent-6-days@test>', '<unsent-old@test>'],
      'an unsent email is never purged, however old',
    );
    assert.deepEqual(
      (await db.selectFrom('webhook_messages').select('event_id').where('organization_id', '=', org.id).orderBy('event_id').execute()).map((row) => row.event_id),
      ['msg_delivered_6d', 'msg_failed_40d', 'msg_pending_40d'],
      'a delivered message goes 7 days after delivery; a failed or pending one stays, however old',
    );
    // The delivery log keeps 30 days, also of a message already purged: the API still lists that attempt
    // with its event, and a redelivery of it is a 404 (there is nothing left to send).
    const endpointId = (await db.selectFrom('webhook_endpoints').select('id').where('organization_id', '=', org.id).executeTakeFirstOrThrow()).id;
    const log = await h.request<Array<{ id: string; eventId: string; eventType: string }>>(org.tokens.owner!, 'GET', `/api/0/organizations/${org.slug}/webhooks/${endpointId}/deliveries/`);
    assert.equal(log.status, 200, JSON.stringify(log.body));
    assert.deepEqual(log.body.map((delivery) => delivery.eventId).sort(), ['msg_delivered_6d', 'msg_delivered_8d']);
    assert.equal(log.body.find((delivery) => delivery.eventId === 'msg_delivered_8d')!.eventType, 'team.created');
    const purgedAttempt = log.body.find((delivery) => delivery.eventId === 'msg_delivered_8d')!.id;
    const redelivery = await h.request(org.tokens.owner!, 'POST', `/api/0/organizations/${org.slug}/webhooks/${endpointId}/deliveries/${purgedAttempt}/redeliver/`);
    assert.equal(redelivery.status, 404);

    // A day later the sign-in link, the SAML id and the pending sign-in have expired too.
    h.clock.advance(DAY_MS + MINUTE_MS);
    const later = await runner.tick();
    assert.equal(later['purge-expired']!.status, 'done');
    assert.ok(later['purge-expired']!.status === 'done');
    assert.deepEqual(later['purge-expired']!.result.deleted, {
      sessions: 1,
      oneTimeTokens: 2,
      rateLimitCounters: 1,
      ssoPendingSignins: 1,
      samlSeenIds: 1,
      scimTokens: 1,
      sentEmails: 1,
      sentWebhookMessages: 1,
      webhookDeliveries: 0,
    });
  });
});
