import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';
import { assertMembershipInvariants } from './helpers/invariants.js';
import { startPrivatePostgres, type PrivatePostgres } from './helpers/private-postgres.js';
import { startRoster, type RosterProcess } from './helpers/roster-process.js';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const LOAD_MS = 9000;
const WORKERS = 12;

/**
 * Three `roster serve` processes share one PostgreSQL under a bounded mixed load; one is SIGKILLed in
 * the middle and started again, and the SMTP server is down for a while. Afterwards the invariants
 * hold and every email the outbox accepted arrived; a duplicate is allowed only for a message whose
 * send was cut between the SMTP server's acceptance and the outbox's record of it (it was claimed twice).
 */
describe('three processes, a crash and an SMTP outage under load', () => {
  let pg: PrivatePostgres;
  let smtp: TestSmtpServer;
  let database: Database;
  let processes: RosterProcess[] = [];
  let tokens: Record<string, string>;
  let memberIds: string[];
  let teams: string[];

  before(async () => {
    pg = await startPrivatePostgres();
    smtp = await startSmtpServer();
    const { stdout } = await run(process.execPath, [path.resolve('dist/cli.js'), 'seed', path.resolve('test/faults/fixtures/busy-org.json')], {
      env: { ...process.env, DATABASE_URL: pg.url, LOG_LEVEL: 'warn' },
    });
    const seeded = JSON.parse(stdout);
    tokens = Object.fromEntries(Object.entries(seeded.users as Record<string, { token: string }>).map(([email, user]) => [email, user.token]));
    memberIds = Object.values(seeded.organizations.busy.members as Record<string, string>);
    teams = Object.keys(seeded.organizations.busy.teams);
    const env = { DATABASE_URL: pg.url, SMTP_URL: smtp.url, ROSTER_MAIL_RETRY_MAX_SECONDS: '2' };
    processes = await Promise.all([startRoster(env), startRoster(env), startRoster(env)]);
    database = await openDatabase({ url: pg.url, poolSize: 2 });
  });
  after(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await database?.close();
    await smtp?.stop();
    await pg?.destroy();
  });

  it('keeps every invariant, loses no email, and sends none twice except across the crash', async () => {
    const admins = ['owner1@example.com', 'owner2@example.com', 'owner3@example.com', 'manager1@example.com', 'manager2@example.com'];
    const statuses = new Map<string, number>();
    let invites = 0;
    const deadline = Date.now() + LOAD_MS;
    const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)]!;

    // Members come and go during the load: invites add ids, removals take them away.
    const live = new Set(memberIds);

    async function call(method: string, url: string, token: string, body?: unknown): Promise<{ status: string; json: unknown }> {
      const target = pick(processes);
      let status = 'refused';
      let json: unknown = null;
      try {
        const response = await fetch(`${target.url}${url}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
          body: body ? JSON.stringify(body) : undefined,
        });
        status = String(response.status);
        const text = await response.text();
        json = text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null;
      } catch {
        // the killed process: connection refused or reset
      }
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      return { status, json };
    }

    async function worker(index: number): Promise<void> {
      for (let i = 0; Date.now() < deadline && i < 5000; i++) {
        const token = tokens[pick(admins)]!;
        const member = pick([...live]);
        switch (Math.floor(Math.random() * 8)) {
          case 0:
          case 1: {
            invites++;
            const invited = await call('POST', '/api/0/organizations/busy/members/', token, {
              email: `load-${index}-${i}@example.com`,
              orgRole: pick(['member', 'manager']),
              teams: [pick(teams)],
            });
            if (invited.status === '201') live.add((invited.json as { id: string }).id);
            break;
          }
          case 2:
          case 3:
            await call('PUT', `/api/0/organizations/busy/members/${member}/`, token, { orgRole: pick(['member', 'manager', 'owner']) });
            break;
          case 4:
            await call('PUT', `/api/0/organizations/busy/members/${member}/`, token, {
              teamRoles: [{ teamSlug: pick(teams), role: pick(['admin', null]) }, { teamSlug: pick(teams), role: null }].filter(
                (item, position, all) => all.findIndex((other) => other.teamSlug === item.teamSlug) === position,
              ),
            });
            break;
          case 5:
            if ((await call('DELETE', `/api/0/organizations/busy/members/${member}/`, token)).status === '204') live.delete(member);
            break;
          case 6:
            await call('PUT', `/api/0/organizations/busy/members/${member}/`, token, { reinvite: true });
            break;
          default:
            await call('GET', '/api/0/organizations/busy/members/?per_page=50', token);
        }
      }
    }

    const load = Promise.all(Array.from({ length: WORKERS }, (_, index) => worker(index)));
    await sleep(2500);
    const victim = processes[1]!;
    await victim.kill();
    await smtp.stop();
    await sleep(2000);
    processes[1] = await startRoster({ DATABASE_URL: pg.url, SMTP_URL: smtp.url, ROSTER_MAIL_RETRY_MAX_SECONDS: '2' }, victim.port);
    await sleep(1500);
    await smtp.start();
    await load;

    const summary = JSON.stringify(Object.fromEntries(statuses));
    assert.equal(statuses.get('500') ?? 0, 0, `no 500s: ${summary}\n${processes.map((p) => p.output()).join('\n')}`);
    assert.ok((statuses.get('201') ?? 0) > 0 && (statuses.get('200') ?? 0) > 0, `the load did real work: ${summary}`);

    await assertMembershipInvariants(database.db);

    // Every email the outbox accepted is delivered once the SMTP server is back.
    const drainDeadline = Date.now() + 60_000;
    for (;;) {
      const unsent = await database.db.selectFrom('email_outbox').select('id').where('sent_at', 'is', null).execute();
      if (unsent.length === 0) break;
      assert.ok(Date.now() < drainDeadline, `${unsent.length} emails still unsent`);
      await sleep(250);
    }
    const outbox = await database.db.selectFrom('email_outbox').select(['message_id', 'attempts']).execute();
    await smtp.waitFor((messages) => new Set(messages.map((m) => m.messageId)).size >= outbox.length, 20_000);
    const received = new Map<string, number>();
    for (const message of smtp.messages) received.set(message.messageId!, (received.get(message.messageId!) ?? 0) + 1);
    for (const row of outbox) assert.ok(received.has(row.message_id), `email ${row.message_id} never arrived`);
    const attempts = new Map(outbox.map((row) => [row.message_id, row.attempts]));
    const duplicates = [...received].filter(([, count]) => count > 1);
    for (const [messageId] of duplicates) {
      assert.ok((attempts.get(messageId) ?? 0) > 1, `${messageId} arrived twice though it was claimed only once`);
    }
    console.log(
      `load: ${summary}; invites tried ${invites}; emails in outbox ${outbox.length}; received ${smtp.messages.length}; ` +
        `distinct ${received.size}; duplicates across the crash ${duplicates.length}`,
    );
  });
});
