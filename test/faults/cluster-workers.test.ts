import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { cpuMs } from '../../bench/proc.js';
import { freePort, startPrivatePostgres, type PrivatePostgres } from './helpers/private-postgres.js';
import { startRoster, type RosterProcess } from './helpers/roster-process.js';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const CLI = path.resolve('dist/cli.js');
const IN_FLIGHT = 8;

/** The pids of a process's children (its cluster workers), from /proc. */
function childrenOf(pid: number): number[] {
  const tasks = fs.readdirSync(`/proc/${pid}/task`);
  return tasks.flatMap((task) => fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
}

/** One request on a connection of its own (no keep-alive), so that the primary hands each to a worker in turn; its status, or the error's text. */
function requestOnce(url: string, token: string, body?: object): Promise<number | string> {
  return new Promise((resolve) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...(payload ? { 'content-type': 'application/json' } : {}) };
    http
      .request(url, { method: payload ? 'POST' : 'GET', agent: false, headers }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      })
      .on('error', (error) => resolve(String(error)))
      .setTimeout(40_000, function (this: http.ClientRequest) {
        this.destroy(new Error('no answer within 40 s'));
      })
      .end(payload);
  });
}

/**
 * `roster serve --workers 2` on PostgreSQL (issue 17): both workers answer requests on the one port and
 * the primary's metrics sum theirs; a SIGKILLed worker is replaced while the other keeps answering;
 * SIGTERM under load lets every request in flight finish and exits 0. On PGlite the flag is refused.
 */
describe('roster serve --workers 2', { timeout: 180_000 }, () => {
  let pgServer: PrivatePostgres;
  let roster: RosterProcess;
  let token: string;
  let locker: pg.Client;
  let metricsPort: number;
  /** Where the invites' emails go as .eml files. */
  let dataDir: string;

  before(async () => {
    pgServer = await startPrivatePostgres();
    const { stdout } = await run(process.execPath, [CLI, 'seed', path.resolve('test/faults/fixtures/small-org.json')], {
      env: { ...process.env, DATABASE_URL: pgServer.url, LOG_LEVEL: 'warn' },
    });
    token = JSON.parse(stdout).users['owner@example.com'].token;
    metricsPort = await freePort();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-cluster-'));
    const env = { DATABASE_URL: pgServer.url, ROSTER_DATA_DIR: dataDir, ROSTER_SHUTDOWN_SECONDS: '30', ROSTER_METRICS_PORT: String(metricsPort) };
    roster = await startRoster(env, undefined, ['--workers', '2']);
    locker = new pg.Client({ connectionString: pgServer.url });
    await locker.connect();
  });
  after(async () => {
    await locker?.end().catch(() => {});
    await roster?.stop();
    await pgServer?.destroy();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const members = () => `${roster.url}/api/0/organizations/acme/members/`;

  async function until(condition: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 15_000;
    while (!condition()) {
      assert.ok(Date.now() < deadline, `${what}:\n${roster.output()}`);
      await sleep(20);
    }
  }

  /** Waits until the primary has `count` workers besides `gone`, and returns their pids. */
  async function workers(count: number, gone: number[] = []): Promise<number[]> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const pids = childrenOf(roster.child.pid!).filter((pid) => !gone.includes(pid));
      if (pids.length === count) return pids;
      assert.ok(Date.now() < deadline, `expected ${count} workers, found ${pids.length}:\n${roster.output()}`);
      await sleep(100);
    }
  }

  /** Requests on fresh connections until each of `pids` has spent CPU answering some (a worker that answers none spends next to nothing); how many it sent. */
  async function eachAnswers(pids: number[]): Promise<number> {
    const before = pids.map(cpuMs);
    const deadline = Date.now() + 30_000;
    for (let sent = 20; ; sent += 20) {
      for (let index = 0; index < 20; index += 1) assert.equal(await requestOnce(members(), token), 200);
      const spent = pids.map((pid, index) => cpuMs(pid) - before[index]!);
      if (spent.every((ms) => ms >= 30)) return sent;
      assert.ok(Date.now() < deadline, `each worker answers some requests: CPU ms per worker ${JSON.stringify(spent)}\n${roster.output()}`);
    }
  }

  it('forks two workers that both answer requests on the one port; the lead alone prints the banner; metrics sum both', async () => {
    const sent = await eachAnswers(await workers(2));
    // The other worker may answer before the lead has printed it.
    await until(() => /Roster is listening on/.test(roster.output()), 'the lead prints the banner');
    assert.equal(roster.output().match(/Roster is listening on/g)?.length, 1, roster.output());

    // prom-client's aggregator gives up on a scrape when a worker has not answered within 5 s, and the
    // primary answers that scrape 500 (and logs it): on a loaded machine right after start, the next one does.
    let scrape = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    for (let attempt = 1; scrape.status !== 200 && attempt < 4; attempt += 1) scrape = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    assert.equal(scrape.status, 200, roster.output());
    const text = await scrape.text();
    const count = /roster_http_request_duration_seconds_count\{[^}]*route="\/api\/0\/organizations\/:organization_id_or_slug\/members\/"[^}]*status="200"[^}]*\} (\d+)/.exec(text);
    assert.ok(count, `the members route is in the summed metrics:\n${text.slice(0, 3000)}`);
    // Each worker answered some of them, so only the sum of both counts them all.
    assert.equal(Number(count[1]), sent, "the primary sums both workers' requests");
  });

  it('replaces a worker that is SIGKILLed; the other answers meanwhile', async () => {
    const [victim, survivor] = await workers(2);
    process.kill(victim!, 'SIGKILL');
    // Once the primary has seen it die (a connection it accepted just before is lost with the worker),
    // and until the replacement starts (after 1 s), every new connection goes to the survivor.
    await until(() => /a worker exited unexpectedly/.test(roster.output()), 'the primary notices');
    for (let index = 0; index < 5; index += 1) assert.equal(await requestOnce(members(), token), 200);
    const now = await workers(2, [victim!]);
    assert.ok(now.includes(survivor!), 'the survivor was left alone');
    await eachAnswers(now);
    assert.equal(roster.child.exitCode, null);
  });

  it('SIGTERM under load: every request in flight gets its answer, and the primary exits 0', async () => {
    await workers(2);
    await locker.query('begin');
    await locker.query(`select id from organizations where slug = 'acme' for update`);
    // Each on a connection of its own, so both workers hold some.
    const invite = (email: string) => requestOnce(members(), token, { email, orgRole: 'member' });
    const inFlight = Array.from({ length: IN_FLIGHT }, (_, index) => invite(`cluster-${index}@example.com`));
    const deadline = Date.now() + 15_000;
    for (;;) {
      await locker.query('select pg_stat_clear_snapshot()');
      const { rows } = await locker.query<{ count: string }>(`select count(*) from pg_stat_activity where wait_event_type = 'Lock' and pid <> pg_backend_pid()`);
      if (Number(rows[0]!.count) === IN_FLIGHT) break;
      assert.ok(Date.now() < deadline, `only ${rows[0]!.count} of ${IN_FLIGHT} requests reached the lock`);
      await sleep(50);
    }
    roster.child.kill('SIGTERM');
    await sleep(500);
    assert.equal(roster.child.exitCode, null, `it waits for the requests in flight:\n${roster.output()}`);
    await locker.query('commit');
    assert.deepEqual(await Promise.all(inFlight), Array(IN_FLIGHT).fill(201), roster.output());
    const code = await roster.exited;
    assert.equal(code, 0, `exit code ${code}:\n${roster.output()}`);
    const { rows } = await locker.query(`select count(*)::int as n from members where email like 'cluster-%'`);
    assert.deepEqual(rows, [{ n: IN_FLIGHT }]);
  });

  it('refuses --workers 2 and ROSTER_WORKERS=2 on the embedded database, exit 2, naming DATABASE_URL', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-workers-'));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, ROSTER_DATA_DIR: dataDir, PORT: String(await freePort()), LOG_LEVEL: 'warn' };
      delete env.DATABASE_URL;
      for (const [args, extra] of [[['--workers', '2'], {}], [[], { ROSTER_WORKERS: '2' }]] as const) {
        const failed = await run(process.execPath, [CLI, 'serve', ...args], { env: { ...env, ...extra } }).then(
          () => assert.fail('serve started'),
          (error: { code: number; stderr: string }) => error,
        );
        assert.equal(failed.code, 2, failed.stderr);
        assert.match(failed.stderr, /needs DATABASE_URL/);
        assert.equal(failed.stderr.trim().split('\n').length, 1, failed.stderr);
      }
      assert.deepEqual(fs.readdirSync(dataDir), [], 'nothing was written');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
