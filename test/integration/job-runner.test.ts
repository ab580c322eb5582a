import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createJobRunner } from '../../src/platform/jobs/job-runner.js';
import type { JobRun, ScheduledJob } from '../../src/platform/jobs/scheduled-job.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { inTransaction } from '../helpers/database.js';

const MINUTE_MS = 60_000;

/**
 * A job that counts its runs; after `hold()`, its next run waits inside (`entered` resolves then) until
 * `release()`, with a checkpoint before and after the wait.
 */
function gatedJob(name: string, everySeconds: number) {
  let gate: Promise<void> | null = null;
  let open = () => {};
  let signalEntered = () => {};
  const job = {
    name,
    everySeconds,
    runs: 0,
    entered: Promise.resolve(),
    hold() {
      gate = new Promise<void>((resolve) => (open = resolve));
      job.entered = new Promise<void>((resolve) => (signalEntered = resolve));
    },
    release() {
      gate = null;
      open();
    },
    async run(run: JobRun) {
      job.runs++;
      await run.checkpoint();
      if (gate) {
        signalEntered();
        await gate;
      }
      await run.checkpoint();
      return { ranAt: run.now.toISOString() };
    },
  } satisfies ScheduledJob & Record<string, unknown>;
  return job;
}

/**
 * The runner every serve process runs (issue 18): a job runs no more often than its schedule, measured
 * on the injected clock; never beside another run of itself (its scheduled_jobs row is leased to the
 * run); a lease left by a process that died runs out; stop() ends a run at its next checkpoint.
 */
describe('scheduled job runner', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
  });
  after(async () => h?.close());
  beforeEach(async () => {
    await inTransaction(h, (tx) => tx.deleteFrom('scheduled_jobs').execute());
  });

  const jobRow = (name: string) => h.database.db.selectFrom('scheduled_jobs').selectAll().where('name', '=', name).executeTakeFirstOrThrow();

  it('runs each job when it is due by its own schedule, and records the run', async () => {
    const often = gatedJob('often', 15 * 60);
    const hourly = gatedJob('hourly', 60 * 60);
    const runner = createJobRunner({ db: h.database.db, clock: h.clock, jobs: [often, hourly] });

    const first = await runner.tick();
    assert.equal(first.often!.status, 'done');
    assert.equal(first.hourly!.status, 'done');
    assert.deepEqual(await runner.tick(), { often: { status: 'skipped', reason: 'not due' }, hourly: { status: 'skipped', reason: 'not due' } });

    h.clock.advance(15 * MINUTE_MS - 1);
    assert.equal((await runner.tick()).often!.status, 'skipped', 'not a millisecond early');
    h.clock.advance(1);
    const quarter = await runner.tick();
    assert.equal(quarter.often!.status, 'done');
    assert.deepEqual(quarter.hourly, { status: 'skipped', reason: 'not due' });
    h.clock.advance(45 * MINUTE_MS);
    const hour = await runner.tick();
    assert.equal(hour.often!.status, 'done');
    assert.equal(hour.hourly!.status, 'done');
    assert.deepEqual([often.runs, hourly.runs], [3, 2]);

    const row = await jobRow('often');
    assert.equal(row.run_id, null, 'the lease is given back');
    assert.equal(row.lease_until, null);
    assert.equal(row.last_started_at!.getTime(), h.clock.now().getTime());
    assert.deepEqual(row.last_result, { ranAt: h.clock.now().toISOString() });
    assert.equal(row.last_error, null);

    // runNow (the CLI) runs a job that is not due, and the schedule counts from that run.
    assert.equal((await runner.runNow(['hourly'])).hourly!.status, 'done');
    h.clock.advance(30 * MINUTE_MS);
    assert.equal((await runner.tick()).hourly!.status, 'skipped');
  });

  it('never runs a job beside a run of itself, in this runner or another', async () => {
    const job = gatedJob('exclusive', 60);
    const other = gatedJob('exclusive', 60);
    const runner = createJobRunner({ db: h.database.db, clock: h.clock, jobs: [job] });
    const second = createJobRunner({ db: h.database.db, clock: h.clock, jobs: [other] });

    job.hold();
    const running = runner.runNow();
    await job.entered;
    h.clock.advance(5 * MINUTE_MS);
    assert.deepEqual(await second.runNow(), { exclusive: { status: 'skipped', reason: 'already running' } });
    assert.deepEqual(await second.tick(), { exclusive: { status: 'skipped', reason: 'already running' } });
    assert.deepEqual(await runner.runNow(), { exclusive: { status: 'skipped', reason: 'already running' } });
    job.release();
    assert.equal((await running).exclusive!.status, 'done');
    assert.equal((await second.runNow()).exclusive!.status, 'done');
    assert.deepEqual([job.runs, other.runs], [1, 1]);
  });

  it('takes over a lease that ran out (its process died), and the run that lost it stops at its next checkpoint', async () => {
    await inTransaction(h, (tx) =>
      tx
        .insertInto('scheduled_jobs')
        .values({ name: 'orphaned', run_id: 'dead-process', lease_until: new Date(h.clock.now().getTime() + MINUTE_MS), last_started_at: new Date(h.clock.now().getTime() - 9 * MINUTE_MS) })
        .execute(),
    );
    const job = gatedJob('orphaned', 60);
    const runner = createJobRunner({ db: h.database.db, clock: h.clock, jobs: [job], leaseSeconds: 600 });
    assert.deepEqual(await runner.tick(), { orphaned: { status: 'skipped', reason: 'already running' } }, 'the lease still holds');
    h.clock.advance(MINUTE_MS);
    assert.equal((await runner.tick()).orphaned!.status, 'done', 'the lease ran out');

    // A run stuck past its lease loses the job to another process; it notices at its next checkpoint.
    const stuck = gatedJob('orphaned', 60);
    const slowRunner = createJobRunner({ db: h.database.db, clock: h.clock, jobs: [stuck], leaseSeconds: 600 });
    stuck.hold();
    const slow = slowRunner.runNow();
    await stuck.entered;
    h.clock.advance(601 * 1000);
    assert.equal((await runner.runNow()).orphaned!.status, 'done');
    stuck.release();
    assert.deepEqual(await slow, { orphaned: { status: 'interrupted', reason: 'another process took the job over' } });
    const row = await jobRow('orphaned');
    assert.equal(row.run_id, null, 'the interrupted run did not clear the new run’s record');
    assert.equal(row.last_error, null);
  });

  it('records a failed run, which waits for its schedule like any other', async () => {
    let fail = true;
    const job: ScheduledJob = {
      name: 'flaky',
      everySeconds: 60,
      async run() {
        if (fail) throw new Error('the disk is full');
        return {};
      },
    };
    const runner = createJobRunner({ db: h.database.db, clock: h.clock, jobs: [job] });
    assert.deepEqual(await runner.tick(), { flaky: { status: 'failed', error: 'the disk is full' } });
    assert.equal((await jobRow('flaky')).last_error, 'the disk is full');
    fail = false;
    assert.equal((await runner.tick()).flaky!.status, 'skipped');
    h.clock.advance(MINUTE_MS);
    assert.equal((await runner.tick()).flaky!.status, 'done');
    assert.equal((await jobRow('flaky')).last_error, null);
  });

  it('stop() ends a running job at its next checkpoint, waits for it and gives its lease back', async () => {
    const job = gatedJob('long', 60);
    const runner = createJobRunner({ db: h.database.db, clock: h.clock, jobs: [job] });
    job.hold();
    const running = runner.tick();
    await job.entered;
    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(stopped, false, 'stop() waits for the run');
    job.release();
    await stopping;
    assert.deepEqual(await running, { long: { status: 'interrupted', reason: 'the runner is stopping' } });
    const row = await jobRow('long');
    assert.equal(row.run_id, null);
    assert.equal(row.last_error, 'the runner is stopping');
    assert.deepEqual(await runner.runNow(), { long: { status: 'interrupted', reason: 'the runner is stopping' } }, 'a stopped runner starts nothing');
    assert.equal(job.runs, 1);
  });
});
