import type { Tx } from '../db/database.js';

/**
 * The job's row, locked until the end of `tx`, created on first use; undefined while another process
 * holds it locked (it is claiming or finishing the same job at this moment).
 */
export async function lockJobRow(tx: Tx, name: string) {
  await tx
    .insertInto('scheduled_jobs')
    .values({ name })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .execute();
  return tx
    .selectFrom('scheduled_jobs')
    .select(['name', 'run_id', 'lease_until', 'last_started_at'])
    .where('name', '=', name)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
}

/** Gives the job's lease to run `runId` until `leaseUntil`, and counts its schedule from `now`. */
export async function startJobRun(tx: Tx, name: string, runId: string, now: Date, leaseUntil: Date): Promise<void> {
  await tx
    .updateTable('scheduled_jobs')
    .set({ run_id: runId, lease_until: leaseUntil, last_started_at: now })
    .where('name', '=', name)
    .execute();
}

/** Extends the lease of run `runId`; false when the run no longer holds it (it ran out and another took it). */
export async function renewJobLease(tx: Tx, name: string, runId: string, leaseUntil: Date): Promise<boolean> {
  const renewed = await tx
    .updateTable('scheduled_jobs')
    .set({ lease_until: leaseUntil })
    .where('name', '=', name)
    .where('run_id', '=', runId)
    .returning('name')
    .executeTakeFirst();
  return renewed !== undefined;
}

/** Ends run `runId`: frees the lease and records the outcome (nothing when the run had lost its lease). */
export async function finishJobRun(tx: Tx, name: string, runId: string, finishedAt: Date, outcome: { result: unknown; error: string | null }): Promise<void> {
  await tx
    .updateTable('scheduled_jobs')
    .set({
      run_id: null,
      lease_until: null,
      last_finished_at: finishedAt,
      last_result: outcome.result === null ? null : JSON.stringify(outcome.result),
      last_error: outcome.error === null ? null : outcome.error.slice(0, 1000),
    })
    .where('name', '=', name)
    .where('run_id', '=', runId)
    .execute();
}
