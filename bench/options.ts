import { parseArgs } from 'node:util';
import { PEER_NAMES, type PeerName } from './peers/peers.js';

export interface BenchOptions {
  quick: boolean;
  engines: Array<'postgres' | 'pglite'>;
  /** Scenario names to run (all when empty); a name matches itself and names that start with it. */
  only: string[];
  concurrencies: number[];
  warmupMs: number;
  durationMs: number;
  /** pgbench's -T (whole seconds); the Node and PGlite floors use durationMs. */
  pgbenchSeconds: number;
  members: number;
  largeMembers: number;
  teams: number;
  databaseUrl: string;
  /** How floors plan their statements: as Roster plans the scenario's (roster), each with its values (custom), or as PostgreSQL picks (auto). */
  planCache: 'roster' | 'custom' | 'auto';
  /** Where to write Roster's CPU profile (node --cpu-prof), or null. */
  cpuProfDir: string | null;
  /** The peers (bench/peers/) measured beside Roster on PostgreSQL. */
  peers: PeerName[];
  /**
   * The `roster serve --workers` values measured on PostgreSQL (PGlite: 1 only). Values above 1 run only
   * on WORKER_SCENARIOS unless --workers was given.
   */
  workers: number[];
  workersGiven: boolean;
}

/** Issue 17's operations: the scenarios a run measures with more than one worker by default. */
export const WORKER_SCENARIOS = ['role-change', 'member-list-page1', 'add-to-team'];

export const USAGE = `Usage: npm run bench -- [--quick] [--engine postgres|pglite] [--only scenario[,scenario]]
                          [--seconds N] [--large-members N] [--cpu-prof DIR]
                          [--peers none|plain|better-auth|all] [--workers 1,2]

  --quick          0.7 s windows (pgbench 1 s) and a 20,000-member "large" organization (CI)
  --engine         one engine only (default: both)
  --only           scenarios by name or prefix, e.g. role-change,member-list-1m
  --seconds        measured window of each run (default 10; floors use the same)
  --large-members  size of the large organization (default 1000000, 20000 with --quick)
  --plan-cache     roster (default): each scenario's floor plans as Roster plans most of its statements
                   (prepared queries: auto; queries built per request: custom); custom: every floor
                   plans each statement with its values; auto: PostgreSQL may pick generic plans
  --cpu-prof       write Roster's CPU profile of the postgres runs into DIR (summarize with bench/profile.ts)
  --peers          the servers measured beside Roster on PostgreSQL (default all): plain, the
                   hand-written node:http + pg server; better-auth, its organization plugin
  --workers        roster serve --workers values on PostgreSQL, one line each (default 1,2; workers=2 only
                   on role-change, member-list-page1 and add-to-team unless given); PGlite runs 1 only

DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) names the PostgreSQL server; the run
creates its own schema there and drops it at the end.`;

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      engine: { type: 'string' },
      only: { type: 'string' },
      seconds: { type: 'string' },
      'large-members': { type: 'string' },
      'cpu-prof': { type: 'string' },
      'plan-cache': { type: 'string', default: 'roster' },
      peers: { type: 'string', default: 'all' },
      workers: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  });
  if (values.help) throw new UsageError('');
  const quick = values.quick === true;
  const engine = values.engine;
  if (engine !== undefined && engine !== 'postgres' && engine !== 'pglite') throw new UsageError(`--engine must be postgres or pglite, got "${engine}"`);
  const planCache = values['plan-cache'];
  if (planCache !== 'roster' && planCache !== 'custom' && planCache !== 'auto') throw new UsageError(`--plan-cache must be roster, custom or auto, got "${planCache}"`);
  const peers = values.peers === 'all' ? [...PEER_NAMES] : values.peers === 'none' ? [] : [values.peers];
  if (!peers.every((peer): peer is PeerName => (PEER_NAMES as readonly string[]).includes(peer))) {
    throw new UsageError(`--peers must be none, plain, better-auth or all, got "${values.peers}"`);
  }
  const seconds = values.seconds === undefined ? (quick ? 0.7 : 10) : Number(values.seconds);
  if (!(seconds >= 0.5 && seconds <= 120)) throw new UsageError('--seconds must be a number from 0.5 to 120');
  const workers = (values.workers ?? '1,2').split(',').map((value) => Number(value.trim()));
  if (workers.length === 0 || !workers.every((count) => Number.isInteger(count) && count >= 1 && count <= 16)) throw new UsageError('--workers must be a list of counts from 1 to 16, e.g. 1,2');
  const largeMembers = values['large-members'] === undefined ? (quick ? 20_000 : 1_000_000) : Number(values['large-members']);
  if (!Number.isInteger(largeMembers) || largeMembers < 1000 || largeMembers > 5_000_000) throw new UsageError('--large-members must be from 1000 to 5000000');
  return {
    quick,
    engines: engine ? [engine] : ['postgres', 'pglite'],
    only: values.only ? values.only.split(',').map((name) => name.trim()).filter(Boolean) : [],
    concurrencies: [16, 64],
    warmupMs: quick ? 200 : 2000,
    durationMs: Math.round(seconds * 1000),
    pgbenchSeconds: Math.max(1, Math.round(seconds)),
    members: 10_000,
    largeMembers,
    teams: 50,
    databaseUrl: env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test',
    planCache,
    cpuProfDir: values['cpu-prof'] ?? null,
    peers,
    workers: [...new Set(workers)].sort((a, b) => a - b),
    workersGiven: values.workers !== undefined,
  };
}

export class UsageError extends Error {}

export function selected(options: Pick<BenchOptions, 'only'>, name: string): boolean {
  return options.only.length === 0 || options.only.some((wanted) => name === wanted || name.startsWith(`${wanted}-`));
}
