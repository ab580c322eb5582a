import { findDeletionRequester } from '../audit/org-deletion.queries.js';
import type { Db, Tx } from '../platform/db/database.js';
import { BATCH_SIZE, deleteInBatches, type JobRun, type ScheduledJob } from '../platform/jobs/scheduled-job.js';
import type { Clock } from '../platform/lib/clock.js';
import {
  countDeletedRows,
  finishDeletion,
  insertDeletedOrganization,
  lockDeletionInProgress,
  startDueDeletion,
  type DeletionInProgress,
} from './org-deletion.queries.js';

/**
 * One kind of row an organization owns, deleted by the module that owns its table. The job runs the
 * steps in order, so a step whose rows others point at comes after them. Another module extends the
 * deletion by adding its step to the list (src/jobs.ts).
 */
export interface OrgDeletionStep {
  /** The key of its count in the deleted_organizations record and in the job's result. */
  name: string;
  /** Deletes up to `limit` of the organization's rows; returns how many. */
  deleteBatch(tx: Tx, organizationId: string, limit: number): Promise<number>;
}

export const DELETE_ORGANIZATIONS_JOB = 'delete-organizations';

export interface OrgDeletionJobDeps {
  db: Db;
  clock: Clock;
  steps: readonly OrgDeletionStep[];
  everySeconds: number;
}

/**
 * `delete-organizations`: each organization whose deletion was scheduled for `now` or earlier (24 hours
 * after DELETE asked for it) is marked in progress, which no restore undoes, and gets its
 * deleted_organizations record; its rows then go in bounded batches, each counted in the record in its
 * own transaction, and a last transaction deletes what requests added meanwhile and the organization
 * row itself. A run interrupted between batches is resumed by the next.
 */
export function createOrgDeletionJob({ db, clock, steps, everySeconds }: OrgDeletionJobDeps): ScheduledJob {
  async function deleteStepBatch(tx: Tx, org: DeletionInProgress, step: OrgDeletionStep, limit: number): Promise<number> {
    const deleted = await step.deleteBatch(tx, org.id, limit);
    await countDeletedRows(tx, org.id, step.name, deleted);
    return deleted;
  }

  async function deleteOrganization(org: DeletionInProgress, run: JobRun): Promise<Record<string, number> | null> {
    for (const step of steps) await deleteInBatches(db, run, (tx, limit) => deleteStepBatch(tx, org, step, limit));
    await run.checkpoint();
    return db.transaction().execute(async (tx) => {
      if (!(await lockDeletionInProgress(tx, org.id))) return null;
      for (const step of steps) while ((await deleteStepBatch(tx, org, step, BATCH_SIZE)) === BATCH_SIZE);
      return finishDeletion(tx, org.id, clock.now());
    });
  }

  return {
    name: DELETE_ORGANIZATIONS_JOB,
    everySeconds,
    async run(run) {
      const deleted: { id: string; slug: string; rows: Record<string, number> }[] = [];
      for (;;) {
        await run.checkpoint();
        const org = await db.transaction().execute(async (tx) => {
          const started = await startDueDeletion(tx, run.now);
          if (!started) return undefined;
          const requester = await findDeletionRequester(tx, started.id);
          const label = requester?.email ?? requester?.actor_label ?? null;
          await insertDeletedOrganization(tx, started, { userId: requester?.actor_id ?? null, label }, clock.now());
          return started;
        });
        if (!org) return { deleted };
        const rows = await deleteOrganization(org, run);
        if (rows) deleted.push({ id: org.id, slug: org.slug, rows });
      }
    },
  };
}
