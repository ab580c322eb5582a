/**
 * The load generator, in its own process so that its CPU is never counted as Roster's. It keeps
 * `conc` requests in flight on as many keep-alive connections (a closed loop), for a warm-up and then
 * a measured window; only expected answers that complete inside the window count for rps and latency,
 * while errors count over the whole run. The parent sends `run` jobs over IPC and hears `window-start`,
 * `window-end` (to sample the server's CPU at exactly those moments) and `done`.
 */
import { Pool } from 'undici';
import type { BetterAuthWorld } from './peers/better-auth/setup.js';
import { peerOperation, type PeerName } from './peers/peers.js';
import { SCENARIOS, type HttpRequest } from './scenarios.js';
import { percentile } from './stats.js';
import type { World } from './world.js';

export interface DriverJob {
  baseUrl: string;
  /** Which server answers: Roster, or a peer taking its own form of the scenario's request. */
  target: 'roster' | PeerName;
  /** Who asks: Roster's bearer token, or a peer's session cookie. */
  headers: Record<string, string>;
  scenario: string;
  world: World;
  betterAuth: BetterAuthWorld | null;
  startIndex: number;
  conc: number;
  warmupMs: number;
  durationMs: number;
}

export interface DriverResult {
  /** Requests answered with the expected status inside the window (errors never count as throughput). */
  requests: number;
  windowMs: number;
  p50Ms: number;
  p99Ms: number;
  /** Unexpected statuses and failed requests, warm-up included. */
  errors: number;
  /** Requests answered with the expected status, warm-up included. */
  succeeded: number;
  statuses: Record<string, number>;
  firstError: string | null;
  /** Where the next run of this scenario should continue its rotation. */
  nextIndex: number;
}

export type DriverMessage = { type: 'window-start' } | { type: 'window-end' } | { type: 'done'; result: DriverResult } | { type: 'failed'; error: string };

/** The expected status and the i-th request of the job's scenario, as its target takes it. */
function requestsOf(job: DriverJob): { expectStatus: number; request(i: number): HttpRequest } {
  if (job.target === 'roster') {
    const scenario = SCENARIOS.find((candidate) => candidate.name === job.scenario);
    if (!scenario) throw new Error(`unknown scenario ${job.scenario}`);
    return { expectStatus: scenario.expectStatus, request: (i) => scenario.request(i, job.world) };
  }
  const operation = peerOperation(job.target, job.scenario);
  if (!operation) throw new Error(`${job.target} has no ${job.scenario}`);
  return { expectStatus: operation.expectStatus, request: (i) => operation.request(i, job.world, job.betterAuth) };
}

async function run(job: DriverJob, send: (message: DriverMessage) => void): Promise<DriverResult> {
  const scenario = requestsOf(job);
  const pool = new Pool(job.baseUrl, { connections: job.conc, pipelining: 1, keepAliveTimeout: 30_000 });
  const headers = job.headers;
  // Fastify refuses an empty body sent as JSON, so only requests with a body say so.
  const jsonHeaders = { ...headers, 'content-type': 'application/json' };
  let next = job.startIndex;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let succeeded = 0;
  let firstError: string | null = null;

  const start = performance.now();
  const windowStart = start + job.warmupMs;
  const windowEnd = windowStart + job.durationMs;
  const marked = new Set<'window-start' | 'window-end'>();
  const mark = (type: 'window-start' | 'window-end') => {
    if (marked.has(type)) return;
    marked.add(type);
    send({ type });
  };
  const startTimer = setTimeout(() => mark('window-start'), job.warmupMs);
  const endTimer = setTimeout(() => mark('window-end'), job.warmupMs + job.durationMs);

  const worker = async () => {
    while (performance.now() < windowEnd) {
      const request = scenario.request(next++);
      const sent = performance.now();
      let status = 'failed';
      try {
        const response = await pool.request({
          method: request.method,
          path: request.path,
          headers: request.body === undefined ? headers : jsonHeaders,
          body: request.body ?? null,
        });
        const text = await response.body.text();
        status = String(response.statusCode);
        if (response.statusCode !== scenario.expectStatus) firstError ??= `${request.method} ${request.path} → ${status} ${text.slice(0, 300)}`;
      } catch (error) {
        firstError ??= `${request.method} ${request.path} → ${error instanceof Error ? error.message : String(error)}`;
      }
      const done = performance.now();
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status !== String(scenario.expectStatus)) errors += 1;
      else {
        succeeded += 1;
        if (done >= windowStart && done <= windowEnd) latencies.push(done - sent);
      }
    }
  };
  await Promise.all(Array.from({ length: job.conc }, worker));
  clearTimeout(startTimer);
  clearTimeout(endTimer);
  // A busy event loop may not have run the end timer before the last request ended (the parent then had
  // no CPU sample at the window's end, and printed nan): the window's edges are marked, in order, anyway.
  mark('window-start');
  mark('window-end');
  await pool.close();
  return {
    requests: latencies.length,
    windowMs: job.durationMs,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    errors,
    succeeded,
    statuses,
    firstError,
    nextIndex: next,
  };
}

process.on('message', (message: { type: 'run'; job: DriverJob } | { type: 'exit' }) => {
  const send = (reply: DriverMessage) => process.send?.(reply);
  if (message.type === 'exit') {
    process.disconnect();
    return;
  }
  run(message.job, send).then(
    (result) => send({ type: 'done', result }),
    (error: unknown) => send({ type: 'failed', error: error instanceof Error ? error.stack ?? error.message : String(error) }),
  );
});
