/**
 * `npm run bench`: seeds its own schema (and a PGlite directory), starts Roster as a separate process,
 * drives every scenario at each concurrency from a driver process, measures the floors of the same SQL
 * (pgbench, then `pg` from Node; PGlite in-process), and prints one `key=value` line per scenario ×
 * engine × concurrency. Notes go to stderr; lines starting with `#` on stdout describe the run.
 */
import os from 'node:os';
import path from 'node:path';
import { LoadDriver } from './load.js';
import { measureHttp, measurePgliteFloor, measurePostgresFloors, rosterTarget, servedRoutes, type BenchContext, type HttpTarget, type RotationState } from './measure.js';
import { parseOptions, selected, UsageError, USAGE, WORKER_SCENARIOS, type BenchOptions } from './options.js';
import { formatLine, parseLine, type Line, type LineValue } from './output.js';
import { peerOperation, QUICK_PEER_SCENARIOS, type PeerName } from './peers/peers.js';
import { startBetterAuthPeer, startPlainPeer, type RunningPeer } from './peers/start.js';
import { SCENARIOS, SEARCH, type Scenario } from './scenarios.js';
import { ensureBuilt, ROOT, startRoster, type RosterProcess } from './server.js';
import { setupPglite, setupPostgres } from './setup.js';
import { startCountingSmtp } from './smtp.js';
import { checkTargets } from './targets.js';
import type { World } from './world.js';

const cleanups: Array<() => Promise<void> | void> = [];

/** Registers a clean-up step for the end (or an interruption) and returns it to call earlier: it runs once. */
function onCleanup(step: () => Promise<void> | void): () => Promise<void> {
  let done: Promise<void> | null = null;
  const once = () => (done ??= Promise.resolve().then(step));
  cleanups.push(once);
  return once;
}
const lines: Line[] = [];

const startedAt = Date.now();

function note(text: string): void {
  process.stderr.write(`# ${((Date.now() - startedAt) / 1000).toFixed(1)}s ${text}\n`);
}

function emit(fields: Record<string, LineValue>): void {
  const text = formatLine(fields);
  console.log(text);
  lines.push(parseLine(text)!);
}

function routeServed(routes: Set<string>, scenario: Scenario): boolean {
  return routes.has(`${scenario.route.method} ${scenario.route.path}`);
}

/** A fresh server answers its first requests slowly (connections, JIT): 2 s of this warm it before any window. */
async function warmUp(context: BenchContext, target: HttpTarget, world: World, scenarioName: string, rotation: RotationState): Promise<void> {
  const scenario = SCENARIOS.find((candidate) => candidate.name === scenarioName)!;
  await measureHttp({ ...context, options: { ...context.options, warmupMs: 0, durationMs: 2000 } }, target, world, scenario, 16, rotation);
}

const ratio = (rps: number | null, other: LineValue) => (rps !== null && typeof other === 'number' && other > 0 ? rps / other : null);

/** The peers' columns of a Roster line (each peer that has the scenario, driven the same way right after), and each peer's rps for the ratios. */
async function peerFields(context: BenchContext, peers: RunningPeer[], world: World, scenario: Scenario, conc: number, rotation: RotationState) {
  const fields: Record<string, LineValue> = {};
  const peerRps: Array<[string, LineValue]> = [];
  if (context.options.quick && !QUICK_PEER_SCENARIOS.includes(scenario.name)) return { fields, peerRps };
  for (const peer of peers) {
    if (!peerOperation(peer.name, scenario.name)) continue;
    note(`postgres ${scenario.name} conc=${conc}: ${peer.name} peer`);
    const http = await measureHttp(context, peer, world, scenario, conc, rotation);
    const key = peer.name.replace('-', '_');
    fields[`peer_${key}_rps`] = http.rps;
    fields[`peer_${key}_p99_ms`] = http.p99_ms;
    fields[`peer_${key}_cpu_ms_per_req`] = http.cpu_ms_per_req;
    if (http.errors) fields[`peer_${key}_errors`] = http.errors;
    peerRps.push([key, http.rps]);
  }
  return { fields, peerRps };
}

/** A Roster server of the run, started with `roster serve --workers <workers>`. */
interface RosterServer {
  workers: number;
  server: RosterProcess;
}

/** Whether a scenario gets a line with this many workers: 1 always; more on WORKER_SCENARIOS, or on all when --workers was given. */
function measuredWith(options: BenchContext['options'], scenario: Scenario, workers: number): boolean {
  return workers === 1 || options.workersGiven || WORKER_SCENARIOS.includes(scenario.name);
}

/**
 * One line per scenario × concurrency × workers value; the floors and the peers are measured once per
 * scenario and concurrency (after every Roster), and their numbers are on each of its lines.
 */
async function runEngine(
  context: BenchContext,
  engine: 'postgres' | 'pglite',
  servers: RosterServer[],
  peers: RunningPeer[],
  world: World,
  scenarios: Scenario[],
  floorsOf: (scenario: Scenario, conc: number) => Promise<Record<string, LineValue>>,
): Promise<void> {
  const routes = await servedRoutes(servers[0]!.server);
  const rotation: RotationState = new Map();
  for (const { server } of servers) await warmUp(context, rosterTarget(server), world, 'auth-overhead', rotation);
  for (const peer of peers) await warmUp(context, peer, world, 'member-list-page1', rotation);
  for (const scenario of scenarios) {
    const served = routeServed(routes, scenario);
    for (const conc of context.options.concurrencies) {
      const measured: Array<{ workers: number; http: Record<string, LineValue> }> = [];
      for (const { workers, server } of servers.filter((candidate) => measuredWith(context.options, scenario, candidate.workers))) {
        note(`${engine} ${scenario.name} conc=${conc} workers=${workers}${served ? '' : ' (endpoint missing: floors only)'}`);
        const http = served ? await measureHttp(context, rosterTarget(server), world, scenario, conc, rotation) : { skipped: 'endpoint-missing' };
        measured.push({ workers, http });
      }
      const floors = await floorsOf(scenario, conc);
      const rpsOf = (http: Record<string, LineValue>) => (typeof http.rps === 'number' ? http.rps : null);
      const peerLine = await peerFields(context, peers, world, scenario, conc, rotation);
      for (const { workers, http } of measured) {
        const rps = rpsOf(http);
        emit({
          scenario: scenario.name,
          engine,
          conc,
          workers,
          ...http,
          ...floors,
          ratio_to_floor: ratio(rps, floors.floor_rps),
          ...peerLine.fields,
          ...Object.fromEntries(peerLine.peerRps.map(([key, peerRps]) => [`ratio_to_${key}`, ratio(rps, peerRps)])),
          org_members: scenario.org === 'large' ? world.large.members : undefined,
        });
      }
    }
  }
}

/** Starts the chosen peers (each registered for clean-up); their processes and schemas go at the end. */
async function startPeers(context: BenchContext, names: PeerName[], rosterUrl: string, world: World): Promise<RunningPeer[]> {
  const peers: RunningPeer[] = [];
  for (const name of names) {
    const peer = name === 'plain' ? await startPlainPeer(rosterUrl) : await startBetterAuthPeer(context.options.databaseUrl, context.options, world, note);
    peers.push({ ...peer, stop: onCleanup(() => peer.stop()) });
  }
  return peers;
}

async function benchPostgres(context: BenchContext, scenarios: Scenario[]): Promise<void> {
  const { options } = context;
  const setup = await setupPostgres(options.databaseUrl, options, note);
  const drop = onCleanup(() => setup.drop());
  // One server per workers value, side by side on the one schema (several `roster serve` may share a database).
  const servers: Array<RosterServer & { stop: () => Promise<void> }> = [];
  for (const workers of options.workers.filter((count) => scenarios.some((scenario) => measuredWith(options, scenario, count)))) {
    const server = await startRoster(
      { DATABASE_URL: setup.serverUrl, SMTP_URL: context.smtp.url, ROSTER_PUBLIC_URL: 'http://roster.bench' },
      options.cpuProfDir,
      workers,
    );
    servers.push({ workers, server, stop: onCleanup(() => server.stop()) });
  }
  const peers = await startPeers(context, options.peers, setup.serverUrl, setup.world);
  const target = { url: options.databaseUrl, schema: setup.schema, setup: setup.database };
  await runEngine(context, 'postgres', servers, peers, setup.world, scenarios, (scenario, conc) =>
    measurePostgresFloors(context, target, setup.world, scenario, conc),
  );
  for (const peer of peers) await peer.stop();
  for (const server of servers) await server.stop();
  await drop();
  if (options.cpuProfDir) note(`CPU profile of Roster written to ${options.cpuProfDir}`);
}

async function benchPglite(context: BenchContext, scenarios: Scenario[]): Promise<void> {
  const setup = await setupPglite(context.options, note);
  onCleanup(() => setup.remove());
  const closeDatabase = onCleanup(() => setup.database.close());
  // PGlite is one process's database: measure its floors here first, then hand the directory to Roster.
  const floors = new Map<string, number>();
  for (const scenario of scenarios) {
    note(`pglite floor ${scenario.name}`);
    floors.set(scenario.name, await measurePgliteFloor(context, setup.database, setup.world, scenario));
  }
  await closeDatabase();
  const server = await startRoster({ ROSTER_DATA_DIR: setup.dataDir, SMTP_URL: context.smtp.url, ROSTER_PUBLIC_URL: 'http://roster.bench' }, null);
  const stopServer = onCleanup(() => server.stop());
  await runEngine(context, 'pglite', [{ workers: 1, server }], [], setup.world, scenarios, async (scenario) => ({ floor_rps: floors.get(scenario.name)! }));
  await stopServer();
}

function describeRun(options: BenchOptions): void {
  const cpus = os.cpus();
  console.log(`# roster bench ${new Date().toISOString()} node ${process.version} on ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')}`);
  console.log(`# ${options.quick ? 'quick: ' : ''}warm-up ${options.warmupMs} ms, window ${options.durationMs} ms, pgbench ${options.pgbenchSeconds} s; org of ${options.members} members × ${options.teams} teams; free-text query "${SEARCH}"; floors plan ${{ roster: 'as Roster does (prepared scenarios: auto; the rest: force_custom_plan)', custom: 'every statement with its values (force_custom_plan)', auto: 'as PostgreSQL picks (auto)' }[options.planCache]}`);
  console.log(`# peers on PostgreSQL: ${options.peers.length > 0 ? options.peers.join(', ') : 'none'}`);
  console.log(`# roster serve --workers on PostgreSQL: ${options.workers.join(', ')}${options.workersGiven ? '' : ` (above 1 only on ${WORKER_SCENARIOS.join(', ')})`}; PGlite: 1`);
  if (options.largeMembers !== 1_000_000) console.log(`# the member-list-1m-* lines use a large organization of ${options.largeMembers} members, not 1,000,000`);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const scenarios = SCENARIOS.filter((scenario) => selected(options, scenario.name));
  if (scenarios.length === 0) throw new UsageError(`no scenario matches --only ${options.only.join(',')}`);
  await ensureBuilt(note);
  describeRun(options);
  const smtp = await startCountingSmtp();
  onCleanup(() => smtp.close());
  const driver = new LoadDriver();
  onCleanup(() => driver.close());
  const context: BenchContext = { options, driver, smtp, floorDir: path.join(ROOT, '.bench', 'floors'), note };
  const started = Date.now();
  for (const engine of options.engines) {
    if (engine === 'postgres') await benchPostgres(context, scenarios);
    else await benchPglite(context, scenarios);
  }
  const checks = checkTargets(lines);
  for (const check of checks.filter((candidate) => !candidate.ok)) console.log(`# target missed: ${check.target}: ${check.detail}`);
  console.log(`# targets met: ${checks.filter((check) => check.ok).length} of ${checks.length}; run took ${Math.round((Date.now() - started) / 1000)} s`);
}

async function cleanup(): Promise<void> {
  for (const step of cleanups.reverse()) await Promise.resolve().then(step).catch((error) => note(`cleanup: ${error}`));
  cleanups.length = 0;
}

process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));
process.once('SIGTERM', () => void cleanup().finally(() => process.exit(143)));

main()
  .catch((error: unknown) => {
    if (error instanceof UsageError) console.error(error.message ? `${error.message}\n\n${USAGE}` : USAGE);
    else console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
