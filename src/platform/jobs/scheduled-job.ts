import type { Db, Tx } from '../db/database.js';

/** What a job's run returns: printed by `roster jobs run` and kept in scheduled_jobs.last_result. */
export type JobResult = Record<string, unknown>;

/** What a job's run is given by the runner that holds its lease. */
export interface JobRun {
  /** The clock's time when the run started: what "expired" and "due" are measured against. */
  now: Date;
  /**
   * Called between two batches: renews the run's lease, and throws JobInterrupted when the runner is
   * stopping or another process has taken the lease over, so a run ends between batches, never inside one.
   */
  checkpoint(): Promise<void>;
}

export interface ScheduledJob {
  /** Its name in `roster jobs run NAME` and in scheduled_jobs. */
  name: string;
  /** The least time between the starts of two runs, in any of the processes. */
  everySeconds: number;
  run(run: JobRun): Promise<JobResult>;
}

/** A run that stopped at a checkpoint: the runner is stopping, or its lease was lost. */
export class JobInterrupted extends Error {
  override name = 'JobInterrupted';
}

/** How many rows one transaction of a clean-up deletes at most. */
export const BATCH_SIZE = 500;

/**
 * Runs `batch` in a transaction of its own, again and again, until it deletes fewer than BATCH_SIZE
 * rows; passes a checkpoint before each. Returns how many rows it deleted in all.
 */
export async function deleteInBatches(db: Db, run: JobRun, batch: (tx: Tx, limit: number) => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    await run.checkpoint();
    const deleted = await db.transaction().execute((tx) => batch(tx, BATCH_SIZE));
    total += deleted;
    if (deleted < BATCH_SIZE) return total;
  }
}
