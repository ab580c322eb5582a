import { AggregatorRegistry, Counter, Gauge, Histogram, Registry, collectDefaultMetrics, type PrometheusContentType } from 'prom-client';

/**
 * The process's Prometheus metrics (README, "Metrics"). One registry per process, as Prometheus sees a
 * process as one target: the mail and webhook workers, the scheduled jobs and the HTTP hook record into
 * it through the functions below, without being handed anything. What is read at scrape time (the
 * database pool, the outboxes) comes from sources the server names once it has them.
 */
const registry = new Registry();

/** Request count (`_count`) and latency, by route template (never the raw URL, so the label set stays bounded). */
const requestDuration = new Histogram({
  name: 'roster_http_request_duration_seconds',
  help: 'Time from receiving a request to sending its answer, by method, route template and status; _count is the request count',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

const deliveries = new Counter({
  name: 'roster_deliveries_total',
  help: 'Delivery attempts of outbox messages, by kind (email, webhook) and outcome (sent, failed, …)',
  labelNames: ['kind', 'outcome'] as const,
  registers: [registry],
});

const jobRuns = new Counter({
  name: 'roster_job_runs_total',
  help: 'Runs of scheduled jobs, by job name and outcome',
  labelNames: ['job', 'outcome'] as const,
  registers: [registry],
});

const jobDuration = new Histogram({
  name: 'roster_job_duration_seconds',
  help: 'How long runs of scheduled jobs took, by job name',
  labelNames: ['job'] as const,
  buckets: [0.01, 0.1, 0.5, 1, 5, 15, 60, 300],
  registers: [registry],
});

/** What an outbox holds now: messages not delivered yet, and the age of the oldest of them (0 when empty). */
export interface OutboxBacklog {
  depth: number;
  oldestAgeSeconds: number;
}
const outboxSources = new Map<string, () => Promise<OutboxBacklog>>();
let connectionSource: (() => { inUse: number; waiting: number }) | null = null;

new Gauge({
  name: 'roster_db_pool_in_use',
  help: 'Database connections running a query or a transaction now (PGlite: its one connection, 0 or 1)',
  registers: [registry],
  collect() {
    if (connectionSource) this.set(connectionSource().inUse);
  },
});

new Gauge({
  name: 'roster_db_pool_waiting',
  help: 'Queries waiting for a free database connection now',
  registers: [registry],
  collect() {
    if (connectionSource) this.set(connectionSource().waiting);
  },
});

new Gauge({
  name: 'roster_outbox_depth',
  help: 'Messages in the outbox not delivered yet, by kind (the same for every process on one database)',
  labelNames: ['kind'] as const,
  registers: [registry],
  async collect() {
    const backlogs = await backlogsOfThisScrape();
    this.reset();
    for (const [kind, backlog] of backlogs) this.set({ kind }, backlog.depth);
  },
});

new Gauge({
  name: 'roster_outbox_oldest_age_seconds',
  help: 'Age of the oldest message in the outbox not delivered yet, by kind (0 when there is none)',
  labelNames: ['kind'] as const,
  registers: [registry],
  async collect() {
    const backlogs = await backlogsOfThisScrape();
    this.reset();
    for (const [kind, backlog] of backlogs) this.set({ kind }, backlog.oldestAgeSeconds);
  },
});

let backlogRead: Promise<Map<string, OutboxBacklog>> | null = null;

/**
 * One read of the outboxes for both gauges: a scrape collects them at once, so the second collector
 * gets the read the first one started; it is forgotten when it settles, so the next scrape reads anew.
 */
function backlogsOfThisScrape(): Promise<Map<string, OutboxBacklog>> {
  backlogRead ??= readOutboxes().finally(() => (backlogRead = null));
  return backlogRead;
}

/** Each kind's backlog; a kind whose database read fails is left out of this scrape (its series go missing) rather than failing it. */
async function readOutboxes(): Promise<Map<string, OutboxBacklog>> {
  const read = await Promise.all([...outboxSources].map(async ([kind, source]) => [kind, await source().catch(() => null)] as const));
  return new Map(read.filter((entry): entry is readonly [string, OutboxBacklog] => entry[1] !== null));
}

type RequestObserver = { observe(seconds: number): void };
/** Children by label values: a label lookup hashes its labels, a Map lookup of one string is cheaper (the benchmark counts CPU per request). */
const requestObservers = new Map<string, RequestObserver>();

/** Records one answered request. `route` is the route template, or null for a request no route matched. */
export function observeRequest(method: string, route: string | null, status: number, seconds: number): void {
  const key = `${method} ${route ?? ''} ${status}`;
  let observer = requestObservers.get(key);
  if (!observer) {
    observer = requestDuration.labels(method, route ?? UNMATCHED_ROUTE, String(status));
    requestObservers.set(key, observer);
  }
  observer.observe(seconds);
}

/** The route label of a request no route matched (a 404, or a request refused before routing). */
export const UNMATCHED_ROUTE = 'unmatched';

/** Counts one delivery attempt of an outbox message: `countDelivery('email', 'sent')`. */
export function countDelivery(kind: string, outcome: string): void {
  deliveries.inc({ kind, outcome });
}

/** Counts one run of a scheduled job, with how long it took when known: `observeJobRun('purge-sessions', 'ok', 0.4)`. */
export function observeJobRun(job: string, outcome: string, seconds?: number): void {
  jobRuns.inc({ job, outcome });
  if (seconds !== undefined) jobDuration.observe({ job }, seconds);
}

/** Names the outbox of `kind` (`email`, `webhook`) for the outbox gauges; a later call for the same kind replaces it. */
export function watchOutbox(kind: string, read: () => Promise<OutboxBacklog>): void {
  outboxSources.set(kind, read);
}

/** Names where the pool gauges read their counts. */
export function watchConnections(read: () => { inUse: number; waiting: number }): void {
  connectionSource = read;
}

let processMetrics = false;

/** Starts the default process metrics (CPU, memory, event loop, GC): only when metrics are served, as they sample all the time. */
export function startProcessMetrics(): void {
  if (processMetrics) return;
  collectDefaultMetrics({ register: registry });
  processMetrics = true;
}

/** The text a scrape answers, in Prometheus' format. */
export async function metricsText(): Promise<{ contentType: string; body: string }> {
  return { contentType: registry.contentType, body: await registry.metrics() };
}

/**
 * In a worker of `roster serve --workers N`: this process records as usual, and answers the primary's
 * scrapes (prom-client's cluster messages) with its registry instead of serving a listener of its own.
 */
export function reportToClusterPrimary(): void {
  startProcessMetrics();
  AggregatorRegistry.setRegistries([registry]);
  // Constructing one installs prom-client's answer to the primary's requests in this worker.
  new AggregatorRegistry();
}

let clusterRegistry: AggregatorRegistry<PrometheusContentType> | null = null;

/**
 * In the primary of `roster serve --workers N`: the workers' metrics summed (counters, histograms, the
 * pool gauges: one total for the host), as one target for Prometheus. The outbox gauges are read by the
 * lead worker only, so their sum is that one reading.
 */
export async function clusterMetricsText(): Promise<{ contentType: string; body: string }> {
  clusterRegistry ??= new AggregatorRegistry();
  return { contentType: clusterRegistry.contentType, body: await clusterRegistry.clusterMetrics() };
}
