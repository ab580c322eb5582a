import { CompiledQuery } from 'kysely';
import pg from 'pg';
import type { Database } from '../src/db/database.js';
import type { LoadDriver } from './load.js';
import type { BenchOptions } from './options.js';
import type { LineValue } from './output.js';
import { actorOf, type Scenario } from './scenarios.js';
import type { RosterProcess } from './server.js';
import type { CountingSmtpServer } from './smtp.js';
import { runPgbench, writeScript } from './floors/pgbench.js';
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

/** Where each scenario's rotation goes on from, per engine (requests already sent never repeat). */
export type RotationState = Map<string, number>;

/** The routes Roster serves, as its OpenAPI document lists them (`get /api/0/...`). */
export async function servedRoutes(server: RosterProcess): Promise<Set<string>> {
  const response = await fetch(`${server.baseUrl}/api/0/openapi.json`);
  const document = (await response.json()) as { paths: Record<string, Record<string, unknown>> };
  return new Set(Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`)));
}

/** Drives Roster over HTTP for one scenario at one concurrency; the fields of its result line. */
export async function measureHttp(
  context: BenchContext,
  server: RosterProcess,
  world: World,
  scenario: Scenario,
  conc: number,
  rotation: RotationState,
): Promise<Record<string, LineValue>> {
  const emailsBefore = context.smtp.received();
  const started = performance.now();
  const result = await context.driver.run(
    {
      baseUrl: server.baseUrl,
      token: actorOf(scenario, world).token,
      scenario: scenario.name,
      world,
      startIndex: rotation.get(scenario.name) ?? 0,
      conc,
      warmupMs: context.options.warmupMs,
      durationMs: context.options.durationMs,
    },
    server.pid,
  );
  rotation.set(scenario.name, result.nextIndex);
  if (result.errors > 0) context.note(`${scenario.name} conc=${conc}: ${result.errors} errors ${JSON.stringify(result.statuses)}; first: ${result.firstError}`);
  const fields: Record<string, LineValue> = {
    rps: result.requests / (result.windowMs / 1000),
    p50_ms: result.p50Ms,
    p99_ms: result.p99Ms,
    errors: result.errors,
    cpu_ms_per_req: result.requests > 0 ? result.serverCpuMs / result.requests : null,
    rss_mb: result.peakRssMb,
  };
  if (scenario.sendsEmail) {
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
  /** Connections held for the Node floor, as many as the highest concurrency (a run uses the first `conc`). */
  clients: pg.PoolClient[];
}

/** Opens and holds `count` connections on the schema, once per run: connecting is not part of any floor. */
export async function holdConnections(url: string, schema: string, count: number): Promise<{ clients: pg.PoolClient[]; close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max: count });
  const clients = await Promise.all(Array.from({ length: count }, () => pool.connect()));
  return {
    clients,
    async close() {
      clients.forEach((client) => client.release());
      await pool.end();
    },
  };
}

/** pgbench, then the same script through `pg` from Node, both at `conc` connections. */
export async function measurePostgresFloors(
  context: BenchContext,
  target: PostgresFloorTarget,
  world: World,
  scenario: Scenario,
  conc: number,
): Promise<{ floor_rps: number; node_floor_rps: number }> {
  const scriptFile = writeScript(context.floorDir, scenario.name, scenario.floorScript);
  const defines = floorDefines(scenario, world);
  await resetFloor(target.setup, world, scenario);
  const bench = await runPgbench({ url: target.url, schema: target.schema, scriptFile, vars: defines, conc, seconds: context.options.pgbenchSeconds });
  if (bench.failed > 0) context.note(`${scenario.name} pgbench: ${bench.failed} failed transactions`);
  await resetFloor(target.setup, world, scenario);
  const node = await runScriptFloor({
    key: scenario.name.replace(/-/g, '_'),
    steps: parseScript(scenario.floorScript),
    defines,
    runners: target.clients.slice(0, conc).map(pgRunner),
    warmupMs: Math.min(1000, context.options.warmupMs),
    durationMs: context.options.durationMs,
  });
  if (node.errors > 0) context.note(`${scenario.name} node floor: ${node.errors} errors; first: ${node.firstError}`);
  return { floor_rps: bench.tps, node_floor_rps: node.tps };
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
