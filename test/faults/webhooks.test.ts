import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { WEBHOOK_EVENT_TYPES } from '../../src/platform/webhooks/webhook-payloads.js';
import { assertMembershipInvariants } from './helpers/invariants.js';
import { startPrivatePostgres, type PrivatePostgres } from './helpers/private-postgres.js';
import { startRoster, type RosterProcess } from './helpers/roster-process.js';
import { startWebhookSink, type Arrival, type WebhookSink } from './helpers/webhook-sink.js';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The phases go by each organization's progress, not by the clock, so that a slow machine gets the same
 * story: the crash after KILL_AFTER changes of each organization, the receiver away after DOWN_AFTER (and
 * once the killed process's leases have run out, so that live senders meet the outage) for DOWN_MS, and
 * AFTER_OUTAGE more changes of each once it is back.
 */
const KILL_AFTER = 10;
/** The lease of a message being sent: the killed process's messages come back after it. */
const LEASE_SECONDS = 6;
const DOWN_AFTER = 20;
const DOWN_MS = 4000;
const AFTER_OUTAGE = 12;
const PAUSE_MS = 60;

/** What an event must look like to be the one a change caused. */
interface Signature {
  type: string;
  label: string;
  matches(data: Record<string, unknown>): boolean;
}

/** One change the test asked for: answered 2xx (`ok`), 4xx (`refused`), or cut by the crash (no answer). */
interface Change {
  org: string;
  status: 'ok' | 'refused' | 'cut';
  code: number | null;
  label: string;
  /** The one event an accepted change causes (a cut one may or may not have caused it). */
  event?: Signature;
  /** Events a refused change would have caused, had it been accepted: none may arrive. */
  forbidden?: Signature;
}

const memberId = (data: Record<string, unknown>) => (data.member as { id?: string } | undefined)?.id;
const teamSlug = (data: Record<string, unknown>) => (data.team as { slug?: string } | undefined)?.slug;

/** A small seeded generator, so a failing run can be repeated with WEBHOOK_FAULTS_SEED. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]! };
}

/**
 * Issue 18's proof: three `roster serve` processes on one PostgreSQL cluster deliver the webhooks of
 * three organizations to a real receiver that verifies each with the `standardwebhooks` package. One
 * process is SIGKILLed mid-stream and the receiver is away for seconds. Afterwards: every event of a
 * change that answered 2xx arrived, none of a refused change; a `webhook-id` arrives twice only if its
 * first arrival came from an attempt the crash cut (before the kill, and never recorded); each
 * organization's deliveries arrive in the order of its changes.
 */
describe('webhooks across three processes, a crash and a receiver outage', () => {
  let pg: PrivatePostgres;
  let sink: WebhookSink;
  let database: Database;
  let dataDir: string;
  let env: Record<string, string>;
  let processes: RosterProcess[] = [];
  let seeded: {
    users: Record<string, { token: string }>;
    organizations: Record<string, { id: string; teams: Record<string, string>; members: Record<string, string> }>;
  };

  before(async () => {
    pg = await startPrivatePostgres();
    sink = await startWebhookSink({ answerMs: 20 });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-wh-'));
    const { stdout } = await run(process.execPath, [path.resolve('dist/cli.js'), 'seed', path.resolve('test/faults/fixtures/webhook-orgs.json')], {
      env: { ...process.env, DATABASE_URL: pg.url, LOG_LEVEL: 'warn', ROSTER_DATA_DIR: dataDir },
    });
    seeded = JSON.parse(stdout);
    env = {
      DATABASE_URL: pg.url,
      ROSTER_DATA_DIR: dataDir,
      ROSTER_SECRET_KEY: crypto.randomBytes(32).toString('hex'),
      ROSTER_WEBHOOK_ALLOW_PRIVATE: '1',
      ROSTER_WEBHOOK_RETRY_BASE_SECONDS: '1',
      ROSTER_WEBHOOK_LEASE_SECONDS: String(LEASE_SECONDS),
    };
    processes = await Promise.all([startRoster(env), startRoster(env), startRoster(env)]);
    database = await openDatabase({ url: pg.url, poolSize: 2 });
  });
  after(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await database?.close();
    await sink?.close();
    await pg?.destroy();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers every accepted change once, in order per organization, nothing of a refused one', async () => {
    const seed = Number(process.env.WEBHOOK_FAULTS_SEED ?? Date.now() % 1_000_000);
    console.log(`seed ${seed} (WEBHOOK_FAULTS_SEED repeats this run)`);
    const orgs = Object.keys(seeded.organizations).sort();
    const tokenOf = (email: string) => seeded.users[email]!.token;
    const alive = new Set(processes);
    let turn = 0;

    async function call(method: string, url: string, token: string, body?: unknown): Promise<{ code: number | null; json: Record<string, unknown> | null }> {
      const live = processes.filter((p) => alive.has(p));
      const target = live[turn++ % live.length]!;
      try {
        const response = await fetch(`${target.url}${url}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
          body: body ? JSON.stringify(body) : undefined,
        });
        const text = await response.text();
        return { code: response.status, json: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null };
      } catch {
        return { code: null, json: null };
      }
    }

    for (const slug of orgs) {
      const created = await call('POST', `/api/0/organizations/${slug}/webhooks/`, tokenOf(`owner-${slug.slice(-1)}@example.com`), { url: sink.url, events: WEBHOOK_EVENT_TYPES });
      assert.equal(created.code, 201, JSON.stringify(created.json));
      sink.secrets.set(slug, created.json!.secret as string);
    }

    const changes: Change[] = [];
    const started = Date.now();
    const progress = new Map(orgs.map((slug) => [slug, 0]));
    let resumed: Map<string, number> | null = null;
    let failure: unknown = null;
    const least = () => Math.min(...progress.values());
    async function until(condition: () => boolean, what: string): Promise<void> {
      const limit = Date.now() + 60_000;
      while (!condition()) {
        if (failure) throw failure;
        assert.ok(Date.now() < limit, `waited a minute for ${what}`);
        await sleep(50);
      }
    }

    /** One organization's changes, one after another (each waits for the answer to the last). */
    async function stream(slug: string, index: number): Promise<void> {
      const rng = random(seed + index);
      const letter = slug.slice(-1);
      const org = seeded.organizations[slug]!;
      const owner = tokenOf(`owner-${letter}@example.com`);
      const manager = tokenOf(`manager-${letter}@example.com`);
      const ownerId = org.members[`owner-${letter}@example.com`]!;
      const teams = Object.keys(org.teams);
      // The test's model of the members it may touch: role and teams. A member a cut change touched
      // leaves the model, since the test cannot know whether that change happened.
      const members = new Map<string, { role: 'member' | 'manager'; teams: Set<string> }>();
      for (let i = 1; i <= 8; i++) {
        members.set(org.members[`${letter}${i}@example.com`]!, { role: 'member', teams: new Set([`t${(i % 3) + 1}`]) });
      }
      const invites: string[] = [];
      const members_ = `/api/0/organizations/${slug}/members/`;

      // A failed assertion in another stream ends this one too, or the test would never end.
      for (let i = 0; !failure && !(resumed && i >= resumed.get(slug)! + AFTER_OUTAGE); i++) {
        progress.set(slug, i);
        await sleep(PAUSE_MS);
        const ids = [...members.keys()];
        const op = rng.next();
        const record = (change: Omit<Change, 'org' | 'status' | 'code'>, code: number | null, accepted: number, touched?: string) => {
          assert.ok(code === null || code === accepted, `${slug}: ${change.label} answered ${code}, not ${accepted}`);
          const status = code === null ? 'cut' : 'ok';
          if (status === 'cut' && touched) members.delete(touched);
          changes.push({ ...change, org: slug, status, code });
          return status;
        };

        if (op < 0.25 && ids.length > 0) {
          const id = rng.pick(ids);
          const state = members.get(id)!;
          const role = state.role === 'member' ? 'manager' : 'member';
          const { code } = await call('PUT', `${members_}${id}/`, owner, { orgRole: role });
          const event = { type: 'member.updated', label: `${id} → ${role}`, matches: (d: Record<string, unknown>) => memberId(d) === id && (d.after as { orgRole: string }).orgRole === role };
          if (record({ label: `role of ${id} to ${role}`, event }, code, 200, id) === 'ok') state.role = role;
        } else if (op < 0.45 && ids.length > 0) {
          const id = rng.pick(ids);
          const state = members.get(id)!;
          const team = rng.pick(teams);
          if (state.teams.has(team)) {
            const { code } = await call('DELETE', `${members_}${id}/teams/${team}/`, owner);
            const event = { type: 'team.member_removed', label: `${id} leaves ${team}`, matches: (d: Record<string, unknown>) => memberId(d) === id && teamSlug(d) === team };
            if (record({ label: `${id} off ${team}`, event }, code, 200, id) === 'ok') state.teams.delete(team);
          } else {
            const { code } = await call('POST', `${members_}${id}/teams/${team}/`, owner);
            const event = { type: 'team.member_added', label: `${id} joins ${team}`, matches: (d: Record<string, unknown>) => memberId(d) === id && teamSlug(d) === team };
            if (record({ label: `${id} onto ${team}`, event }, code, 201, id) === 'ok') state.teams.add(team);
          }
        } else if (op < 0.6) {
          const email = `${letter}-invite-${i}@example.com`;
          const { code, json } = await call('POST', members_, rng.next() < 0.5 ? owner : manager, { email, orgRole: 'member', teams: [rng.pick(teams)] });
          const event = { type: 'member.invited', label: `invite of ${email}`, matches: (d: Record<string, unknown>) => (d.member as { email: string }).email === email };
          if (record({ label: `invite ${email}`, event }, code, 201) === 'ok') {
            assert.equal(typeof json?.id, 'string', `${slug}: the invite of ${email} answered ${JSON.stringify(json)}`);
            invites.push(json!.id as string);
          }
        } else if (op < 0.7 && (invites.length > 0 || ids.length > 4)) {
          // A removal: an invite, or (while enough members remain) a member with their teams.
          const id = invites.length > 0 && (ids.length <= 4 || rng.next() < 0.6) ? invites.shift()! : rng.pick(ids);
          members.delete(id);
          const { code } = await call('DELETE', `${members_}${id}/`, owner);
          record({ label: `removal of ${id}`, event: { type: 'member.removed', label: `${id} removed`, matches: (d) => memberId(d) === id } }, code, 204);
        } else {
          // Refused changes: each names what it would have emitted, had it been accepted.
          const choice = Math.floor(rng.next() * 4);
          const target = ids.length > 0 ? rng.pick(ids) : ownerId;
          const refused = [
            { label: 'demote the last owner', request: () => call('PUT', `${members_}${ownerId}/`, owner, { orgRole: 'member' }), forbidden: { type: 'member.updated', label: 'owner demoted', matches: (d: Record<string, unknown>) => memberId(d) === ownerId } },
            { label: 'remove the last owner', request: () => call('DELETE', `${members_}${ownerId}/`, owner), forbidden: { type: 'member.removed', label: 'owner removed', matches: (d: Record<string, unknown>) => memberId(d) === ownerId } },
            { label: 'a manager makes an owner', request: () => call('PUT', `${members_}${target}/`, manager, { orgRole: 'owner' }), forbidden: { type: 'member.updated', label: 'made owner', matches: (d: Record<string, unknown>) => (d.after as { orgRole: string }).orgRole === 'owner' } },
            { label: 'a manager invites an owner', request: () => call('POST', members_, manager, { email: `${letter}-owner-${i}@example.com`, orgRole: 'owner' }), forbidden: { type: 'member.invited', label: 'owner invited', matches: (d: Record<string, unknown>) => (d.member as { email: string }).email === `${letter}-owner-${i}@example.com` } },
          ][choice]!;
          const { code } = await refused.request();
          assert.ok(code === null || (code >= 400 && code < 500), `${slug}: ${refused.label} answered ${code}`);
          changes.push({ org: slug, status: code === null ? 'cut' : 'refused', code, label: refused.label, forbidden: refused.forbidden });
        }
      }
    }

    const streams = Promise.all(orgs.map((slug, index) => stream(slug, index)));
    // Awaited below; a failed assertion in a stream ends the waits here instead of an unhandled rejection.
    streams.catch((error: unknown) => (failure = error));
    await until(() => least() >= KILL_AFTER, `${KILL_AFTER} changes of each organization`);
    const victim = processes[1]!;
    alive.delete(victim);
    await victim.kill();
    const killedAt = Date.now();
    await until(() => least() >= DOWN_AFTER && Date.now() > killedAt + LEASE_SECONDS * 1000, `${DOWN_AFTER} changes of each organization`);
    await sink.down();
    await sleep(DOWN_MS);
    await sink.up();
    resumed = new Map(progress);
    await streams;

    // The outbox drains: nothing pending, nothing given up.
    const drainDeadline = Date.now() + 40_000;
    for (;;) {
      const { rows } = await sql<{ pending: string }>`select count(*) as pending from webhook_messages where status = 'pending'`.execute(database.db);
      if (Number(rows[0]!.pending) === 0) break;
      assert.ok(Date.now() < drainDeadline, `${rows[0]!.pending} webhook messages still pending`);
      await sleep(200);
    }
    const drainedAfterMs = Date.now() - started;
    const { rows: messages } = await sql<{ event_id: string; event_type: string; id: string; slug: string; status: string; attempts: number; recorded: string; failed: string }>`
      select m.event_id, m.event_type, m.id, o.slug, m.status, m.attempts,
             (select count(*) from webhook_deliveries d where d.organization_id = m.organization_id and d.message_id = m.id) as recorded,
             (select count(*) from webhook_deliveries d where d.organization_id = m.organization_id and d.message_id = m.id and not d.succeeded) as failed
        from webhook_messages m join organizations o on o.id = m.organization_id`.execute(database.db);
    assert.deepEqual(messages.filter((m) => m.status !== 'delivered').map((m) => `${m.slug} ${m.event_id} ${m.status}`), [], 'every message delivered');

    assert.deepEqual(sink.unverified, [], 'every delivery verifies with its organization secret');
    const byEventId = new Map(messages.map((m) => [m.event_id, m]));
    const arrivals = new Map<string, Arrival[]>();
    for (const arrival of sink.arrivals) {
      assert.ok(byEventId.has(arrival.id), `${arrival.id} arrived but is no message of the outbox`);
      arrivals.set(arrival.id, [...(arrivals.get(arrival.id) ?? []), arrival]);
    }
    for (const message of messages) assert.ok(arrivals.has(message.event_id), `${message.slug} ${message.event_type} ${message.event_id} never arrived`);

    // A webhook-id twice only for a send the crash cut: its first arrival came before the kill, and one of
    // its attempts (claims) has no recorded outcome: the killed process never got to record it.
    const duplicates = [...arrivals].filter(([, list]) => list.length > 1);
    for (const [id, list] of duplicates) {
      const message = byEventId.get(id)!;
      assert.ok(list[0]!.at <= killedAt, `${id} arrived ${list.length} times, the first after the kill`);
      assert.ok(message.attempts > Number(message.recorded), `${id} arrived ${list.length} times, yet every attempt of it was recorded (${message.attempts})`);
      assert.equal(list.length, 2, `${id} arrived ${list.length} times`);
    }

    // Per organization: the first arrivals, in arrival order, are the accepted changes' events in the
    // order of the changes; an event no accepted change explains must be that of a change the crash cut.
    for (const slug of orgs) {
      const firsts = [...arrivals.values()].map((list) => list[0]!).filter((a) => a.organization === slug).sort((a, b) => a.seq - b.seq);
      const accepted = changes.filter((c) => c.org === slug && c.status === 'ok');
      const cut = changes.filter((c) => c.org === slug && c.status === 'cut' && c.event);
      let next = 0;
      for (const arrival of firsts) {
        const expected = accepted[next]?.event;
        if (expected && expected.type === arrival.type && expected.matches(arrival.data)) {
          next++;
          continue;
        }
        const explained = cut.findIndex((c) => c.event!.type === arrival.type && c.event!.matches(arrival.data));
        assert.ok(explained >= 0, `${slug}: ${arrival.type} ${JSON.stringify(arrival.data)} arrived where ${expected?.label ?? 'nothing more'} was due`);
        cut.splice(explained, 1);
      }
      assert.equal(next, accepted.length, `${slug}: ${accepted.length - next} accepted changes' events missing, first: ${accepted[next]?.label}`);
      const ids = firsts.map((a) => BigInt(byEventId.get(a.id)!.id));
      assert.ok(ids.every((id, i) => i === 0 || id > ids[i - 1]!), `${slug}: first arrivals follow the outbox order`);
      assert.ok(firsts.every((a, i) => i === 0 || a.timestamp >= firsts[i - 1]!.timestamp), `${slug}: first arrivals follow the events' times`);
      for (const refused of changes.filter((c) => c.org === slug && c.forbidden)) {
        const found = firsts.find((a) => a.type === refused.forbidden!.type && refused.forbidden!.matches(a.data));
        assert.equal(found, undefined, `${slug}: an event of a refused change (${refused.label}) arrived`);
      }
    }

    await assertMembershipInvariants(database.db);
    const count = (status: Change['status']) => changes.filter((c) => c.status === status).length;
    const failedAttempts = messages.reduce((sum, m) => sum + Number(m.failed), 0);
    assert.ok(count('ok') > 30 && count('refused') > 5, `the stream did real work: ${count('ok')} accepted, ${count('refused')} refused`);
    assert.ok(failedAttempts > 0, 'the outage was felt: some attempts failed and were retried');
    console.log(
      `seed ${seed}: changes ${count('ok')} accepted, ${count('refused')} refused, ${count('cut')} cut by the kill; ` +
        `messages ${messages.length}, arrivals ${sink.arrivals.length}, duplicates across the kill ${duplicates.length}, ` +
        `failed attempts ${failedAttempts}; drained ${drainedAfterMs} ms after the stream began`,
    );
  });
});
