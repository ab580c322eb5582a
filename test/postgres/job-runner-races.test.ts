import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createScheduledJobs } from '../../src/jobs.js';
import type { Database } from '../../src/platform/db/database.js';
import { createJobRunner, type JobOutcome, type JobRunner } from '../../src/platform/jobs/job-runner.js';
import type { ScheduledJob } from '../../src/platform/jobs/scheduled-job.js';
import { ManualClock } from '../../src/platform/lib/clock.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { buildOrg } from '../helpers/org-factory.js';

const PROCESSES = 3;
const ROUNDS = 15;

/**
 * Issue 18: every serve process runs the job runner; on one PostgreSQL database three runners (each
 * with its own connection pool and clock, as processes have) race for the same jobs, round after
 * round, and a job never runs in two of them at once, nor more than once per period of its schedule.
 */
describe('scheduled jobs across processes (three runners on one PostgreSQL schema)', () => {
  let h: Harness;
  let databases: Database[];
  before(async () => {
    h = await createHarness();
    databases = [h.database];
    for (let i = 1; i < PROCESSES; i++) databases.push(await h.testDatabase.openAnother(4));
  });
  after(() => h.close());

  /** A job that notes how many runs of it are in progress at once, and holds the database a while. */
  function countingJob(db: Database['db'], shared: { active: number; most: number; runs: number }, everySeconds: number): ScheduledJob {
    return {
      name: 'counted',
      everySeconds,
      async run(run) {
        shared.runs++;
        shared.most = Math.max(shared.most, ++shared.active);
        try {
          for (let i = 0; i < 3; i++) {
            await run.checkpoint();
            await sql`select pg_sleep(0.01)`.execute(db);
          }
        } finally {
          shared.active--;
        }
        return {};
      },
    };
  }

  const tally = (outcomes: Record<string, JobOutcome>[], name: string) => outcomes.map((outcome) => outcome[name]!.status);

  it('on schedule: exactly one runner runs the job in each period, never two at once', async () => {
    const shared = { active: 0, most: 0, runs: 0 };
    const clocks = databases.map(() => new ManualClock(h.clock.now()));
    const runners: JobRunner[] = databases.map((database, i) =>
      createJobRunner({ db: database.db, clock: clocks[i]!, jobs: [countingJob(database.db, shared, 60)] }),
    );
    for (let round = 0; round < ROUNDS; round++) {
      const outcomes = await Promise.all(runners.map((runner) => runner.tick()));
      const statuses = tally(outcomes, 'counted');
      assert.equal(statuses.filter((status) => status === 'done').length, 1, `round ${round}: ${statuses.join(',')}`);
      assert.equal(statuses.filter((status) => status === 'skipped').length, PROCESSES - 1);
      for (const clock of clocks) clock.advance(60_000);
    }
    assert.equal(shared.runs, ROUNDS);
    assert.equal(shared.most, 1);
  });

  it('run now (the CLI) from every runner at once: the runs follow one another, never overlap', async () => {
    const shared = { active: 0, most: 0, runs: 0 };
    const runners = databases.map((database) => createJobRunner({ db: database.db, clock: h.clock, jobs: [countingJob(database.db, shared, 3600)] }));
    let done = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const statuses = tally(await Promise.all(runners.map((runner) => runner.runNow())), 'counted');
      assert.ok(statuses.includes('done'), statuses.join(','));
      assert.ok(statuses.every((status) => status === 'done' || status === 'skipped'), statuses.join(','));
      done += statuses.filter((status) => status === 'done').length;
    }
    assert.equal(shared.runs, done);
    assert.equal(shared.most, 1);
  });

  it('delete-organizations in three runners at once deletes each due organization once', async () => {
    const orgs = await Promise.all(Array.from({ length: 6 }, () => buildOrg(h, { members: { owner: { role: 'owner' }, ada: { role: 'member' } } })));
    for (const org of orgs) assert.equal((await h.request(org.tokens.owner!, 'DELETE', `/api/0/organizations/${org.slug}/`)).status, 202);
    h.clock.advance(25 * 60 * 60 * 1000);
    const runners = databases.map((database) =>
      createJobRunner({ db: database.db, clock: h.clock, jobs: createScheduledJobs({ db: database.db, clock: h.clock }) }),
    );
    const deleted: string[] = [];
    for (let round = 0; round < 3; round++) {
      const outcomes = await Promise.all(runners.map((runner) => runner.runNow(['delete-organizations'])));
      for (const outcome of outcomes) {
        const result = outcome['delete-organizations']!;
        assert.ok(result.status === 'done' || (result.status === 'skipped' && result.reason === 'already running'), JSON.stringify(result));
        if (result.status === 'done') deleted.push(...(result.result.deleted as { id: string }[]).map(({ id }) => id));
      }
    }
    assert.deepEqual([...deleted].sort(), orgs.map((org) => org.id).sort(), 'each organization deleted by exactly one run');
    const records = await h.database.db.selectFrom('deleted_organizations').select(['id', 'deleted_at', 'deleted_rows']).where('id', 'in', orgs.map((org) => org.id)).execute();
    assert.equal(records.length, orgs.length);
    for (const record of records) {
      assert.notEqual(record.deleted_at, null);
      assert.equal(record.deleted_rows.members, 2, 'counted once');
    }
    assert.equal((await h.database.db.selectFrom('organizations').select('id').where('id', 'in', orgs.map((org) => org.id)).execute()).length, 0);
  });
});
