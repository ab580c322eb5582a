import type { Db, Tx } from '../db/database.js';
import { deleteInBatches, type ScheduledJob } from './scheduled-job.js';

/** One kind of row that expires, purged by the module that owns its table. */
export interface PurgeStep {
  /** The key of its count in the job's result. */
  name: string;
  /** Deletes up to `limit` rows that are dead at `now`; returns how many. */
  purge(tx: Tx, now: Date, limit: number): Promise<number>;
}

export const PURGE_EXPIRED_JOB = 'purge-expired';

/** `purge-expired`: every step in bounded batches; the result counts the rows each deleted. */
export function createPurgeJob({ db, steps, everySeconds }: { db: Db; steps: readonly PurgeStep[]; everySeconds: number }): ScheduledJob {
  return {
    name: PURGE_EXPIRED_JOB,
    everySeconds,
    async run(run) {
      const deleted: Record<string, number> = {};
      for (const step of steps) deleted[step.name] = await deleteInBatches(db, run, (tx, limit) => step.purge(tx, run.now, limit));
      return { deleted };
    },
  };
}
