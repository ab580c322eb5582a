import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../config.js';
import { startMetricsServer } from '../platform/metrics/metrics-server.js';
import { createLogger, openRuntime } from '../runtime.js';

/**
 * Set by the primary in the environment of the worker that runs the background work; read only in a
 * cluster worker, so setting it by hand does nothing.
 */
export const LEAD_WORKER_ENV = 'ROSTER_CLUSTER_LEAD';

/** A worker that dies within this long of its start counts as a crash loop: the next restart waits longer. */
const QUICK_DEATH_MS = 10_000;
const FIRST_RESTART_MS = 1000;
const LONGEST_RESTART_MS = 30_000;
/** What a worker's own shutdown may take beyond ROSTER_SHUTDOWN_SECONDS (closing its database: 5 s) before it is killed. */
const WORKER_CLOSE_MARGIN_MS = 10_000;

interface Slot {
  index: number;
  worker: Worker | null;
  startedAt: number;
  /** Deaths in a row, each within QUICK_DEATH_MS of its start. */
  quickDeaths: number;
  restart: NodeJS.Timeout | null;
}

/**
 * `roster serve --workers N` on PostgreSQL: this process (the primary) migrates once, serves the metrics
 * listener (the workers' metrics summed), and forks N workers (node:cluster) that share the HTTP port.
 * Worker 1 is the lead: it alone runs the mail and webhook workers and the scheduled jobs and seeds the
 * demo. A worker that dies unexpectedly is replaced after 1 s, doubling up to 30 s while it keeps dying
 * within 10 s of its start. SIGTERM, SIGINT and SIGHUP are passed to every worker as SIGTERM (each stops
 * gracefully, as one process does); the primary exits 0 once all have exited 0. A worker that fails
 * before every worker listens (the port is taken, say) stops the others and the primary, exit 1.
 */
export async function serveCluster(config: Config, workers: number): Promise<void> {
  const logger = createLogger(config);
  // Once, before any worker opens the database: the workers then find nothing pending.
  const runtime = await openRuntime(config, logger);
  await runtime.close();
  const metrics = config.metrics ? await startMetricsServer(config.metrics, logger, 'cluster') : null;

  const slots: Slot[] = Array.from({ length: workers }, (_, index) => ({ index, worker: null, startedAt: 0, quickDeaths: 0, restart: null }));
  let phase: 'starting' | 'serving' | 'stopping' = 'starting';
  let failedExit = false;

  const fork = (slot: Slot) => {
    slot.restart = null;
    slot.startedAt = Date.now();
    const worker = cluster.fork({ [LEAD_WORKER_ENV]: slot.index === 0 ? '1' : '0' });
    slot.worker = worker;
    worker.once('exit', (code, signal) => onExit(slot, worker, code, signal));
    return worker;
  };

  const stopAll = (signal: NodeJS.Signals) => {
    for (const slot of slots) {
      if (slot.restart) clearTimeout(slot.restart);
      slot.restart = null;
      slot.worker?.process.kill(signal);
    }
  };

  const allExited = () => slots.every((slot) => slot.worker === null);
  let finish: (code: number) => void = () => {};
  const finished = new Promise<number>((resolve) => (finish = resolve));

  function onExit(slot: Slot, worker: Worker, code: number | null, signal: string | null) {
    if (slot.worker !== worker) return;
    slot.worker = null;
    if (phase === 'stopping') {
      // SIGTERM ends a worker still starting (its graceful handler comes once it serves): nothing was in flight.
      if (code !== 0 && signal !== 'SIGTERM') failedExit = true;
      if (allExited()) finish(failedExit ? 1 : 0);
      return;
    }
    if (phase === 'starting') {
      // Its own error is already on stderr (the CLI prints it); a restart would only fail again.
      logger.error({ worker: slot.index + 1, workerPid: worker.process.pid, code, signal }, 'a worker failed to start: stopping the others');
      phase = 'stopping';
      failedExit = true;
      stopAll('SIGTERM');
      if (allExited()) finish(1);
      return;
    }
    slot.quickDeaths = Date.now() - slot.startedAt < QUICK_DEATH_MS ? slot.quickDeaths + 1 : 0;
    const delay = Math.min(FIRST_RESTART_MS * 2 ** slot.quickDeaths, LONGEST_RESTART_MS);
    logger.warn({ worker: slot.index + 1, workerPid: worker.process.pid, code, signal, restartInMs: delay }, 'a worker exited unexpectedly: starting another');
    slot.restart = setTimeout(() => fork(slot), delay);
  }

  const stop = () => {
    if (phase === 'stopping') return;
    phase = 'stopping';
    logger.info({ workers: slots.filter((slot) => slot.worker).length }, 'stopping: every worker drains its requests in flight');
    stopAll('SIGTERM');
    if (allExited()) finish(0);
    // A worker stops within ROSTER_SHUTDOWN_SECONDS plus closing its database; one that does not is killed.
    setTimeout(() => {
      logger.warn('workers still running after the shutdown deadline: killing them');
      stopAll('SIGKILL');
    }, config.shutdownSeconds * 1000 + WORKER_CLOSE_MARGIN_MS).unref();
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);

  await Promise.race([Promise.all(slots.map((slot) => listening(fork(slot)))), finished]);
  if (phase === 'starting') {
    phase = 'serving';
    logger.info({ workers, workerPids: slots.map((slot) => slot.worker?.process.pid) }, 'every worker is listening');
  }
  const code = await finished;
  await metrics?.close();
  process.exit(code);
}

function listening(worker: Worker): Promise<void> {
  return new Promise((resolve) => worker.once('listening', () => resolve()));
}
