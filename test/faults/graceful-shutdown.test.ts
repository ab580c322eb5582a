import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';
import { startPrivatePostgres, type PrivatePostgres } from './helpers/private-postgres.js';
import { startRoster, type RosterProcess } from './helpers/roster-process.js';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const IN_FLIGHT = 8;
const SMTP_HOLD_MS = 5000;

/**
 * SIGTERM while requests are in flight and the mail worker is in the middle of a send (issue 18): the
 * process stops taking connections, every request it had finishes with its real answer, the email
 * being sent is accepted once and recorded as sent, and it exits 0. The requests are held in flight by
 * a lock the test takes on their organization's row (each invite inserts a member, which must share
 * it); the send by an SMTP server that takes 5 s to accept a message.
 */
describe('graceful shutdown under load', () => {
  let pgServer: PrivatePostgres;
  let smtp: TestSmtpServer;
  let roster: RosterProcess;
  let successor: RosterProcess | null = null;
  let token: string;
  let locker: pg.Client;
  let env: Record<string, string>;

  before(async () => {
    pgServer = await startPrivatePostgres();
    smtp = await startSmtpServer(0, { holdMs: SMTP_HOLD_MS });
    const { stdout } = await run(process.execPath, [path.resolve('dist/cli.js'), 'seed', path.resolve('test/faults/fixtures/small-org.json')], {
      env: { ...process.env, DATABASE_URL: pgServer.url, LOG_LEVEL: 'warn' },
    });
    token = JSON.parse(stdout).users['owner@example.com'].token;
    env = { DATABASE_URL: pgServer.url, SMTP_URL: smtp.url, ROSTER_SHUTDOWN_SECONDS: '30' };
    roster = await startRoster(env);
    locker = new pg.Client({ connectionString: pgServer.url });
    await locker.connect();
  });
  after(async () => {
    await locker?.end().catch(() => {});
    await roster?.stop();
    await successor?.stop();
    await smtp?.stop();
    await pgServer?.destroy();
  });

  /** Waits until `count` backends wait on a lock (the requests held by the test's lock), or fails saying what the database does. */
  async function waitForLockWaiters(count: number): Promise<void> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      // Inside a transaction the activity view is a snapshot taken once: clear it to see the waits grow.
      await locker.query('select pg_stat_clear_snapshot()');
      const { rows } = await locker.query<{ count: string }>(`select count(*) from pg_stat_activity where wait_event_type = 'Lock' and pid <> pg_backend_pid()`);
      if (Number(rows[0]!.count) === count) return;
      if (Date.now() > deadline) {
        const { rows: activity } = await locker.query(`select state, wait_event_type, wait_event, left(query, 80) as query from pg_stat_activity where pid <> pg_backend_pid() and datname is not null`);
        assert.fail(`only ${rows[0]!.count} of ${count} requests reached the lock: ${JSON.stringify(activity)}`);
      }
      await sleep(50);
    }
  }

  const invite = (email: string, target: RosterProcess = roster) =>
    fetch(`${target.url}/api/0/organizations/acme/members/`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email, orgRole: 'member' }),
    }).then(
      async (response) => ({ status: response.status, body: await response.text() }),
      (error: unknown) => ({ status: 0, body: String(error) }),
    );

  it('finishes the requests and the send in flight, takes no new connection, and exits 0', async () => {
    assert.equal((await fetch(`${roster.url}/_health/ready`)).status, 200);

    // An email in the middle of its send: the SMTP server has its data and holds its answer.
    assert.equal((await invite('first@example.com')).status, 201);
    const sendStarted = Date.now() + 15_000;
    while (smtp.started === 0) {
      assert.ok(Date.now() < sendStarted, 'the mail worker never started sending');
      await sleep(20);
    }

    // Requests in flight: invites waiting for the organization row the test holds.
    await locker.query('begin');
    await locker.query(`select id from organizations where slug = 'acme' for update`);
    const inFlight = Array.from({ length: IN_FLIGHT }, (_, index) => invite(`in-flight-${index}@example.com`));
    await waitForLockWaiters(IN_FLIGHT);

    roster.child.kill('SIGTERM');
    await sleep(500);
    // It no longer takes connections, but is still there for the requests it has.
    await assert.rejects(fetch(`${roster.url}/_health/ready`), 'a new connection after SIGTERM is refused');
    assert.equal(roster.child.exitCode, null, `it waits for the requests in flight:\n${roster.output()}`);

    await locker.query('commit');
    const answers = await Promise.all(inFlight);
    assert.deepEqual(
      answers.map((answer) => answer.status),
      Array(IN_FLIGHT).fill(201),
      `every request in flight got its answer: ${JSON.stringify(answers)}\n${roster.output()}`,
    );

    assert.equal(await roster.exited, 0, roster.output());
    // It waited for the send it had started: the SMTP server accepted it before the process was gone.
    assert.equal(smtp.messages.length, 1, 'the email being sent was accepted once');
    const { rows: first } = await locker.query<{ sent: boolean }>(`select sent_at is not null as sent from email_outbox where recipient = 'first@example.com'`);
    assert.deepEqual(first, [{ sent: true }], 'and recorded as sent');

    // Another process delivers what the stopped one left in the outbox; nothing arrives twice.
    successor = await startRoster(env);
    const outboxSize = 1 + IN_FLIGHT;
    await smtp.waitFor((messages) => messages.length >= outboxSize, 60_000);
    await sleep(1000);
    const arrivals = new Map<string, number>();
    for (const message of smtp.messages) arrivals.set(message.messageId!, (arrivals.get(message.messageId!) ?? 0) + 1);
    assert.equal(arrivals.size, outboxSize);
    assert.deepEqual([...arrivals.values()].filter((count) => count > 1), [], 'no email was sent twice');
  });

  it('cuts the requests still running at ROSTER_SHUTDOWN_SECONDS, exits 0 all the same, and their changes are rolled back', async () => {
    const impatient = await startRoster({ ...env, ROSTER_SHUTDOWN_SECONDS: '1' });
    await locker.query('begin');
    await locker.query(`select id from organizations where slug = 'acme' for update`);
    const held = [invite('cut-0@example.com', impatient), invite('cut-1@example.com', impatient)];
    await waitForLockWaiters(2);

    impatient.child.kill('SIGTERM');
    // The lock is still held: only the deadline lets it exit.
    assert.equal(await impatient.exited, 0, impatient.output());
    assert.match(impatient.output(), /cutting their connections/);
    const answers = await Promise.all(held);
    assert.deepEqual(answers.map((answer) => answer.status), [0, 0], `the cut requests got no answer, not a 5xx: ${JSON.stringify(answers)}`);

    await locker.query('commit');
    // The cut requests' backends go on once the lock is free, and find their client gone before any COMMIT.
    await sleep(1500);
    const { rows } = await locker.query(`select email from members where email like 'cut-%'`);
    assert.deepEqual(rows, [], 'a cut request left nothing behind');
  });
});
