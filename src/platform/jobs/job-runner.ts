import crypto from 'node:crypto';
import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import type { Clock } from '../lib/clock.js';
import { JobInterrupted, type JobResult, type ScheduledJob } from './scheduled-job.js';
import { finishJobRun, lockJobRow, renewJobLease, startJobRun } from './scheduled-jobs.queries.js';

/** What became of one job when the runner turned to it. */
export type JobOutcome =
  | { status: 'done'; result: JobResult }
  | { status: 'skipped'; reason: 'not due' | 'already running' }
  | { status: 'interrupted'; reason: string }
  | { status: 'failed'; error: string };

export interface JobRunnerOptions {
  db: Db;
  clock: Clock;
  jobs: readonly ScheduledJob[];
  logger?: Logger;
  /** How often a serving process looks for due jobs (every minute by default). */
  tickMs?: number;
  /**
   * How long a run holds its job without renewing the lease (each batch renews it) before another
   * process may take the job over: only a process that died, or a batch stuck that long, lets it go.
   */
  leaseSeconds?: number;
}

/**
 * Runs scheduled jobs in every serving process, each job in one process at a time (its scheduled_jobs
 * row is claimed under FOR UPDATE SKIP LOCKED and leased to the run) and no more often than its
 * schedule, measured on the injected clock. `stop()` ends a run at its next checkpoint and waits for it.
 */
export function createJobRunner({ db, clock, jobs, logger, tickMs = 60_000, leaseSeconds = 600 }: JobRunnerOptions) {
  let timer: NodeJS.Timeout | null = null;
  let stopping = false;
  const inFlight = new Set<Promise<unknown>>();
  const leaseEnd = (from: Date) => new Date(from.getTime() + leaseSeconds * 1000);

  async function claim(job: ScheduledJob, runId: string, now: Date, force: boolean): Promise<'not due' | 'already running' | null> {
    return db.transaction().execute(async (tx) => {
      const row = await lockJobRow(tx, job.name);
      if (!row || (row.lease_until && row.lease_until > now)) return 'already running';
      if (!force && row.last_started_at && row.last_started_at.getTime() + job.everySeconds * 1000 > now.getTime()) return 'not due';
      await startJobRun(tx, job.name, runId, now, leaseEnd(now));
      return null;
    });
  }

  async function runJob(job: ScheduledJob, force: boolean): Promise<JobOutcome> {
    if (stopping) return { status: 'interrupted', reason: 'the runner is stopping' };
    const runId = crypto.randomUUID();
    const now = clock.now();
    const refused = await claim(job, runId, now, force);
    if (refused) return { status: 'skipped', reason: refused };

    const checkpoint = async () => {
      if (stopping) throw new JobInterrupted('the runner is stopping');
      const held = await db.transaction().execute((tx) => renewJobLease(tx, job.name, runId, leaseEnd(clock.now())));
      if (!held) throw new JobInterrupted('another process took the job over');
    };
    let outcome: JobOutcome;
    try {
      outcome = { status: 'done', result: await job.run({ now, checkpoint }) };
      logger?.info({ job: job.name, result: outcome.result }, 'scheduled job ran');
    } catch (error) {
      if (error instanceof JobInterrupted) {
        outcome = { status: 'interrupted', reason: error.message };
        logger?.info({ job: job.name, reason: error.message }, 'scheduled job interrupted');
      } else {
        outcome = { status: 'failed', error: error instanceof Error ? error.message : String(error) };
        logger?.error({ err: error, job: job.name }, 'scheduled job failed');
      }
    }
    const record = outcome.status === 'done' ? { result: outcome.result, error: null } : { result: null, error: outcome.status === 'failed' ? outcome.error : outcome.reason };
    await db
      .transaction()
      .execute((tx) => finishJobRun(tx, job.name, runId, clock.now(), record))
      .catch((error: unknown) => logger?.warn({ err: error, job: job.name }, 'scheduled job lease not released (it runs out)'));
    return outcome;
  }

  /** Runs the jobs one after another, tracked so that stop() can wait for them. */
  function runAll(selected: readonly ScheduledJob[], force: boolean): Promise<Record<string, JobOutcome>> {
    const work = (async () => {
      const outcomes: Record<string, JobOutcome> = {};
      for (const job of selected) outcomes[job.name] = await runJob(job, force);
      return outcomes;
    })();
    inFlight.add(work);
    void work.catch(() => {}).finally(() => inFlight.delete(work));
    return work;
  }

  function schedule() {
    if (stopping) return;
    timer = setTimeout(() => {
      runAll(jobs, false)
        .catch((error: unknown) => logger?.warn({ error: error instanceof Error ? error.message : String(error) }, 'scheduled jobs cannot reach the database'))
        .finally(schedule);
    }, tickMs);
  }

  return {
    jobs,
    /** Runs every job that is due now (what the timer does every `tickMs`). */
    tick: () => runAll(jobs, false),
    /** Runs the named jobs (all when none is named) now, due or not, unless another run holds one. */
    runNow(names?: readonly string[]) {
      const selected = names && names.length > 0 ? jobs.filter((job) => names.includes(job.name)) : jobs;
      return runAll(selected, true);
    },
    start() {
      stopping = false;
      schedule();
    },
    /** Stops the timer; a running job ends at its next checkpoint (between batches) and is waited for. */
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      await Promise.allSettled([...inFlight]);
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
