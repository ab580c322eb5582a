import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createScheduledJobs } from '../../src/jobs.js';
import { createJobRunner } from '../../src/platform/jobs/job-runner.js';
import { JobInterrupted } from '../../src/platform/jobs/scheduled-job.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { inTransaction } from '../helpers/database.js';
import { buildOrg, orgRow, type BuiltOrg } from '../helpers/org-factory.js';

const HOUR_MS = 60 * 60 * 1000;

/** Every table that holds an organization's rows, and the column that names it. */
const ORG_TABLES = [
  ['organizations', 'id'],
  ['organization_options', 'organization_id'],
  ['members', 'organization_id'],
  ['member_teams', 'organization_id'],
  ['teams', 'organization_id'],
  ['team_access_requests', 'organization_id'],
  ['audit_log_entries', 'organization_id'],
  ['email_outbox', 'organization_id'],
  ['auth_providers', 'organization_id'],
  ['auth_identities', 'organization_id'],
  ['sso_pending_signins', 'organization_id'],
  ['saml_seen_ids', 'organization_id'],
  ['user_session_sso', 'organization_id'],
  ['scim_tokens', 'organization_id'],
  ['scim_deprovisioned', 'organization_id'],
  ['webhook_endpoints', 'organization_id'],
  ['webhook_messages', 'organization_id'],
  ['webhook_deliveries', 'organization_id'],
] as const;

/**
 * `delete-organizations` (issue 18): 24 hours after DELETE asked for it, an organization goes with
 * everything it owns, and leaves a deleted_organizations record; one asked for 23 hours ago stays, and
 * so do the people (their accounts are not the organization's).
 */
describe('delete-organizations job', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness({ config: { secretKey: null } });
  });
  after(async () => h?.close());

  const runner = () => createJobRunner({ db: h.database.db, clock: h.clock, jobs: createScheduledJobs({ db: h.database.db, clock: h.clock }) });
  const deletionJob = () => createScheduledJobs({ db: h.database.db, clock: h.clock }).find((job) => job.name === 'delete-organizations')!;

  async function rowsOf(orgId: string): Promise<Record<(typeof ORG_TABLES)[number][0], number>> {
    const counts = {} as Record<(typeof ORG_TABLES)[number][0], number>;
    for (const [table, column] of ORG_TABLES) {
      const { rows } = await sql<{ count: string }>`select count(*) as count from ${sql.table(table)} where ${sql.ref(column)} = ${orgId}`.execute(h.database.db);
      counts[table] = Number(rows[0]!.count);
    }
    return counts;
  }

  /** An organization with a row in every table it owns. */
  async function fullOrg(): Promise<BuiltOrg> {
    const org = await buildOrg(h, {
      members: {
        owner: { role: 'owner', teams: ['red'] },
        ada: { role: 'member', teams: [{ slug: 'red', role: 'admin' }, 'blue'] },
        bob: { role: 'member' },
        invited: { role: 'member', pending: true, invitedBy: 'owner' },
      },
      teams: ['red', 'blue'],
      authProvider: { provider: 'saml2' },
      settings: { allowJoinRequests: true },
    });
    const expiresAt = new Date(h.clock.now().getTime() + 30 * 24 * HOUR_MS);
    await inTransaction(h, async (tx) => {
      await tx.insertInto('organization_options').values({ organization_id: org.id, key: 'sentry:test-option', value: JSON.stringify(true) }).execute();
      await tx.insertInto('team_access_requests').values({ organization_id: org.id, team_id: org.teams.blue!, member_id: org.ids.bob! }).execute();
      await tx.insertInto('auth_identities').values({ organization_id: org.id, user_id: org.userIds.ada!, ident: `ada-${org.id}` }).execute();
      await tx.insertInto('saml_seen_ids').values({ organization_id: org.id, seen_id: `seen-${org.id}`, expires_at: expiresAt }).execute();
      await tx
        .insertInto('sso_pending_signins')
        .values({ state_hash: `state-${org.id}`, organization_id: org.id, flow: 'login', expires_at: expiresAt })
        .execute();
      const session = await tx
        .insertInto('user_sessions')
        .values({ user_id: org.userIds.ada!, token_hash: `session-${org.id}`, csrf_token: 'csrf', expires_at: expiresAt })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx.insertInto('user_session_sso').values({ session_id: session.id, organization_id: org.id }).execute();
      await tx.insertInto('scim_tokens').values({ organization_id: org.id, token_hash: `scim-${org.id}`, token_last_characters: 'abcd' }).execute();
      await tx.insertInto('scim_deprovisioned').values({ organization_id: org.id, email: `gone-${org.id}@example.com` }).execute();
      // Two endpoints, each with a delivered message and its attempt, and a pending message.
      for (const url of ['https://example.com/a', 'https://example.com/b']) {
        const endpoint = await tx
          .insertInto('webhook_endpoints')
          .values({ organization_id: org.id, url, events: ['member.invited'], secret_sealed: 'sealed' })
          .returning('id')
          .executeTakeFirstOrThrow();
        const message = (eventId: string, status: 'delivered' | 'pending') => ({
          organization_id: org.id,
          endpoint_id: endpoint.id,
          event_id: eventId,
          event_type: 'member.invited',
          organization_slug: org.slug,
          payload: '{}',
          status,
        });
        const [sent] = await tx.insertInto('webhook_messages').values([message('msg_sent', 'delivered'), message('msg_pending', 'pending')]).returning('id').execute();
        await tx
          .insertInto('webhook_deliveries')
          .values({
            organization_id: org.id,
            endpoint_id: endpoint.id,
            message_id: sent!.id,
            event_id: 'msg_sent',
            event_type: 'member.invited',
            attempted_at: h.clock.now(),
            duration_ms: 3,
            response_status: 204,
            succeeded: true,
          })
          .execute();
      }
      // More audit entries than one batch deletes, so that the job takes several.
      await sql`insert into audit_log_entries (organization_id, event, data) select ${org.id}, 11, '{}'::jsonb from generate_series(1, 1100)`.execute(tx);
    });
    return org;
  }

  it('deletes an organization asked for 25 hours ago with all its rows, keeps one asked for 23 hours ago, and records the deletion', async () => {
    const doomed = await fullOrg();
    const spared = await fullOrg();
    const active = await fullOrg();
    const askedAt = h.clock.now();
    assert.equal((await h.request(doomed.tokens.owner!, 'DELETE', `/api/0/organizations/${doomed.slug}/`)).status, 202);
    h.clock.advance(2 * HOUR_MS);
    assert.equal((await h.request(spared.tokens.owner!, 'DELETE', `/api/0/organizations/${spared.slug}/`)).status, 202);
    h.clock.advance(23 * HOUR_MS);

    const before = { doomed: await rowsOf(doomed.id), spared: await rowsOf(spared.id), active: await rowsOf(active.id) };
    for (const [table, count] of Object.entries(before.doomed)) assert.ok(count > 0, `the doomed organization has ${table} rows`);
    assert.ok(before.doomed.audit_log_entries > 1000, 'more audit entries than one batch');

    const outcomes = await runner().runNow(['delete-organizations']);
    const outcome = outcomes['delete-organizations']!;
    assert.equal(outcome.status, 'done');
    assert.ok(outcome.status === 'done');
    const deleted = outcome.result.deleted as { id: string; slug: string; rows: Record<string, number> }[];
    assert.deepEqual(
      deleted.map(({ id, slug }) => ({ id, slug })),
      [{ id: doomed.id, slug: doomed.slug }],
    );
    assert.deepEqual(deleted[0]!.rows, {
      memberTeams: 3,
      accessRequests: 1,
      members: 4,
      teams: 2,
      ssoIdentities: 1,
      ssoPendingSignins: 1,
      ssoSessionMarks: 1,
      samlSeenIds: 1,
      scimTokens: 1,
      scimDeprovisioned: 1,
      ssoProvider: 1,
      webhookDeliveries: 2,
      webhookMessages: 4,
      webhookEndpoints: 2,
      emails: before.doomed.email_outbox,
      options: before.doomed.organization_options,
      auditEntries: before.doomed.audit_log_entries,
    });

    for (const [table, count] of Object.entries(await rowsOf(doomed.id))) assert.equal(count, 0, `no ${table} row of the deleted organization is left`);
    assert.deepEqual(await rowsOf(spared.id), before.spared, 'the organization asked for 23 hours ago keeps every row');
    assert.equal((await orgRow(h, spared.id)).status, 1);
    assert.deepEqual(await rowsOf(active.id), before.active);

    const record = await h.database.db.selectFrom('deleted_organizations').selectAll().where('id', '=', doomed.id).executeTakeFirstOrThrow();
    assert.equal(record.slug, doomed.slug);
    assert.equal(record.name, doomed.name);
    assert.equal(record.requested_by_user_id, doomed.userIds.owner);
    assert.equal(record.requested_by, doomed.emailOf('owner'));
    assert.equal(record.deletion_scheduled_at.getTime(), askedAt.getTime() + 24 * HOUR_MS);
    assert.equal(record.deletion_started_at.getTime(), h.clock.now().getTime());
    assert.equal(record.deleted_at!.getTime(), h.clock.now().getTime());
    assert.deepEqual(record.deleted_rows, deleted[0]!.rows);
    assert.equal(
      (await h.database.db.selectFrom('deleted_organizations').select('id').where('id', 'in', [spared.id, active.id]).execute()).length,
      0,
    );

    // The people stay; the organization is gone for them, and its slug is free again.
    assert.equal((await h.database.db.selectFrom('users').select('id').where('id', 'in', Object.values(doomed.userIds)).execute()).length, 3);
    assert.equal((await h.request(doomed.tokens.owner!, 'GET', `/api/0/organizations/${doomed.slug}/`)).status, 404);
    assert.equal((await h.request(doomed.tokens.ada!, 'GET', '/api/0/organizations/')).status, 200);
    const again = await h.request(doomed.tokens.owner!, 'POST', '/api/0/organizations/', { name: 'Again', slug: doomed.slug });
    assert.equal(again.status, 201, JSON.stringify(again.body));

    h.clock.advance(2 * HOUR_MS);
    const later = await runner().runNow(['delete-organizations']);
    assert.ok(later['delete-organizations']!.status === 'done');
    assert.deepEqual(
      (later['delete-organizations']!.result.deleted as { id: string }[]).map(({ id }) => id),
      [spared.id],
      'the other goes once its 24 hours are up',
    );
  });

  it('a deletion interrupted between batches cannot be restored, and the next run finishes it', async () => {
    const org = await fullOrg();
    assert.equal((await h.request(org.tokens.owner!, 'DELETE', `/api/0/organizations/${org.slug}/`)).status, 202);
    h.clock.advance(25 * HOUR_MS);

    /** Runs the job until its `stopAt`-th checkpoint, where it stops as a stopping runner's run does. */
    const runUntilCheckpoint = async (stopAt: number) => {
      let checkpoints = 0;
      const run = deletionJob().run({
        now: h.clock.now(),
        checkpoint: async () => {
          if (++checkpoints === stopAt) throw new JobInterrupted('stopping');
        },
      });
      await assert.rejects(run, JobInterrupted);
    };

    // Stopped right after it marked the organization: nothing deleted yet, and no longer restorable
    // (Sentry would restore it; Roster does not, so a half-deleted organization never turns active).
    await runUntilCheckpoint(2);
    assert.equal((await orgRow(h, org.id)).status, 2, 'deletion in progress');
    const restore = await h.request(org.tokens.owner!, 'PUT', `/api/0/organizations/${org.slug}/`, { cancelDeletion: true });
    assert.equal(restore.status, 200);
    assert.deepEqual((restore.body as { status: unknown }).status, { id: 'deletion_in_progress', name: 'deletion_in_progress' });
    assert.equal((await orgRow(h, org.id)).status, 2);

    // Stopped again after its memberships and members went.
    await runUntilCheckpoint(5);
    const halfway = await rowsOf(org.id);
    assert.equal(halfway.members, 0, 'its members went in the first batches');
    assert.ok(halfway.audit_log_entries > 0, 'its audit entries are still there');
    assert.equal((await orgRow(h, org.id)).status, 2);
    const record = await h.database.db.selectFrom('deleted_organizations').selectAll().where('id', '=', org.id).executeTakeFirstOrThrow();
    assert.equal(record.deleted_at, null, 'the record says the deletion is in progress');

    const finished = await runner().runNow(['delete-organizations']);
    assert.ok(finished['delete-organizations']!.status === 'done');
    const [done] = finished['delete-organizations']!.result.deleted as { id: string; rows: Record<string, number> }[];
    assert.equal(done!.id, org.id);
    assert.equal(done!.rows.members, 4, 'the record counts the rows of both runs');
    assert.ok(done!.rows.auditEntries! > 1100);
    for (const [table, count] of Object.entries(await rowsOf(org.id))) assert.equal(count, 0, table);
  });
});
