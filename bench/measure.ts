import { CompiledQuery } from 'kysely';
import pg from 'pg';
import type { Database } from '../src/platform/db/database.js';
import type { LoadDriver } from './load.js';
import type { BenchOptions } from './options.js';
import type { LineValue } from './output.js';
import { actorOf, type Scenario } from './scenarios.js';
import type { BetterAuthWorld } from './peers/better-auth/setup.js';
import type { PeerName } from './peers/peers.js';
import type { RosterProcess, ServerProcess } from './server.js';
import type { CountingSmtpServer } from './smtp.js';
import { floorSessionOptions, runPgbench, writeScript, type PgbenchResult } from './floors/pgbench.js';
import { parseScript } from './floors/script.js';
import { pgliteRunner, pgRunner, runScriptFloor } from './floors/node-floor.js';
import type { World } from './world.js';

export interface BenchContext {
  options: BenchOptions;
  driver: LoadDriver;
  smtp: CountingSmtpServer;
  /** Where each floor's script is written (for pgbench, and for the lead to read). */
  floorDir: string;
  note(text: string): void;
}

/** Where each scenario's rotation goes on from, per engine and server (requests already sent never repeat). */
export type RotationState = Map<string, number>;

/** Which server a run drives, and as whom. */
export interface HttpTarget {
  name: 'roster' | PeerName;
  server: ServerProcess;
  /** The request headers that authenticate, given the bearer token of the scenario's Roster actor. */
  headers(rosterToken: string): Record<string, string>;
  betterAuth: BetterAuthWorld | null;
}

export function rosterTarget(server: RosterProcess): HttpTarget {
  return { name: 'roster', server, headers: (token) => ({ authorization: `Bearer ${token}` }), betterAuth: null };
}

/** The routes Roster serves, as its OpenAPI document lists them (`get /api/0/...`). */
export async function servedRoutes(server: RosterProcess): Promise<Set<string>> {
  const response = await fetch(`${server.baseUrl}/api/0/openapi.json`);
  const document = (await response.json()) as { paths: Record<string, Record<string, unknown>> };
  return new Set(Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`)));
}

/** Drives Roster (or a peer) over HTTP for one scenario at one concurrency; the fields of its result line. */
export async function measureHttp(
  context: BenchContext,
  target: HttpTarget,
  world: World,
  scenario: Scenario,
  conc: number,
  rotation: RotationState,
): Promise<Record<string, LineValue>> {
  const emailsBefore = context.smtp.received();
  const started = performance.now();
  const rotationKey = `${target.name} ${scenario.name}`;
  const result = await context.driver.run(
    {
      baseUrl: target.server.baseUrl,
      target: target.name,
      headers: target.headers(actorOf(scenario, world).token),
      scenario: scenario.name,
      world,
      betterAuth: target.betterAuth,
      startIndex: rotation.get(rotationKey) ?? 0,
      conc,
      warmupMs: context.options.warmupMs,
      durationMs: context.options.durationMs,
    },
    target.server.pid,
  );
  rotation.set(rotationKey, result.nextIndex);
  const who = target.name === 'roster' ? '' : ` (${target.name} peer)`;
  if (result.errors > 0) context.note(`${scenario.name}${who} conc=${conc}: ${result.errors} errors ${JSON.stringify(result.statuses)}; first: ${result.firstError}`);
  const fields: Record<string, LineValue> = {
    rps: result.requests / (result.windowMs / 1000),
    p50_ms: result.p50Ms,
    p99_ms: result.p99Ms,
    errors: result.errors,
    cpu_ms_per_req: result.requests > 0 ? result.serverCpuMs / result.requests : null,
    driver_cpu_ms_per_req: result.requests > 0 ? result.driverCpuMs / result.requests : null,
    rss_mb: result.peakRssMb,
  };
  if (scenario.sendsEmail && target.name === 'roster') {
    // Every invite queued one email: wait until the SMTP server has them all.
    const expected = emailsBefore + result.succeeded;
    const backlog = expected - context.smtp.received();
    const drained = await context.smtp.waitFor(expected, 120_000);
    const seconds = (performance.now() - started) / 1000;
    fields.drain_per_s = drained ? result.succeeded / seconds : null;
    fields.drain_backlog = backlog;
    if (!drained) context.note(`${scenario.name}: outbox not drained after 120 s (${context.smtp.received() - emailsBefore} of ${result.succeeded})`);
  }
  return fields;
}

async function resetFloor(database: Database, world: World, scenario: Scenario): Promise<void> {
  if (scenario.floorReset) await database.db.executeQuery(CompiledQuery.raw(scenario.floorReset.sql, scenario.floorReset.params(world)));
}

export function floorDefines(scenario: Scenario, world: World): Record<string, string> {
  return scenario.floorVars(world);
}

export interface PostgresFloorTarget {
  url: string;
  schema: string;
  /** The seeding connection, for resets. */
  setup: Database;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * pgbench, retried while the server is out of connection slots: the machine's PostgreSQL is shared,
 * and 64 more clients may not fit while other test suites hold theirs.
 */
async function pgbenchWithRetries(context: BenchContext, run: Parameters<typeof runPgbench>[0]): Promise<PgbenchResult | null> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const result = await runPgbench(run);
      if (result.failed > 0) context.note(`pgbench: ${result.failed} failed transactions`);
      return result;
    } catch (error) {
      const full = /too many clients|remaining connection slots/.test(String(error));
      if (!full || attempt === 5) {
        context.note(`pgbench failed${full ? ' (no free connection slots after 5 tries)' : ''}: ${String(error).slice(0, 2000)}`);
        return null;
      }
      await sleep(2000);
    }
  }
}

/** pgbench, then the same script through `pg` from Node, both at `conc` connections. */
export async function measurePostgresFloors(
  context: BenchContext,
  target: PostgresFloorTarget,
  world: World,
  scenario: Scenario,
  conc: number,
): Promise<Record<string, LineValue>> {
  const scriptFile = writeScript(context.floorDir, scenario.name, scenario.floorScript);
  const planCache = context.options.planCache === 'roster' ? scenario.rosterPlans : context.options.planCache;
  const defines = floorDefines(scenario, world);
  await resetFloor(target.setup, world, scenario);
  const pgbench = await pgbenchWithRetries(context, { url: target.url, schema: target.schema, planCache, scriptFile, vars: defines, conc, seconds: context.options.pgbenchSeconds });
  const floorRps = pgbench?.tps ?? null;
  await resetFloor(target.setup, world, scenario);
  // Connected before the window opens (pgbench does not count its connection time either).
  const pool = new pg.Pool({ connectionString: target.url, options: floorSessionOptions(target.schema, planCache), max: conc });
  let clients: pg.PoolClient[] = [];
  try {
    clients = await Promise.all(Array.from({ length: conc }, () => pool.connect()));
    const node = await runScriptFloor({
      key: scenario.name.replace(/-/g, '_'),
      steps: parseScript(scenario.floorScript),
      defines,
      runners: clients.map(pgRunner),
      warmupMs: Math.min(1000, context.options.warmupMs),
      durationMs: context.options.durationMs,
    });
    if (node.errors > 0) context.note(`${scenario.name} node floor: ${node.errors} errors; first: ${node.firstError}`);
    return { floor_rps: floorRps, floor_p99_ms: pgbench?.p99Ms, node_floor_rps: node.tps, floor_failed: floorRps === null ? 'pgbench' : undefined };
  } catch (error) {
    context.note(`${scenario.name} node floor failed: ${String(error)}`);
    return { floor_rps: floorRps, floor_p99_ms: pgbench?.p99Ms, floor_failed: floorRps === null ? 'pgbench,node' : 'node' };
  } finally {
    clients.forEach((client) => client.release());
    await pool.end();
  }
}

/** The same script through PGlite in this process: one connection, so one script at a time. */
export async function measurePgliteFloor(context: BenchContext, database: Database, world: World, scenario: Scenario): Promise<number> {
  await resetFloor(database, world, scenario);
  const result = await runScriptFloor({
    key: scenario.name,
    steps: parseScript(scenario.floorScript),
    defines: floorDefines(scenario, world),
    runners: [pgliteRunner(database)],
    warmupMs: Math.min(1000, context.options.warmupMs),
    durationMs: context.options.durationMs,
  });
  if (result.errors > 0) context.note(`${scenario.name} PGlite floor: ${result.errors} errors; first: ${result.firstError}`);
  return result.tps;
}
