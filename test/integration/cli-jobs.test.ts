import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { pgliteDir } from '../../src/platform/db/paths.js';
import { TEST_ENGINE, createTestDatabase, testDatabaseUrl, type TestDatabase } from '../helpers/database.js';
import { roster, rosterOk } from '../helpers/roster-cli.js';

/**
 * `roster jobs run [NAME]` (issue 18) in its own process, on a data directory or a PostgreSQL schema
 * the test also writes to between commands (an organization due for deletion, an expired session):
 * it runs the jobs once, due or not, and prints what each did as JSON; a wrong name is one line, exit 2.
 */
describe('roster jobs run', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let testDatabase: TestDatabase | null = null;

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-jobs-'));
    env = { ...process.env, ROSTER_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' };
    if (TEST_ENGINE === 'postgres') {
      testDatabase = await createTestDatabase(1);
      const url = new URL(testDatabaseUrl());
      url.searchParams.set('options', `-c search_path=${testDatabase.schema}`);
      env.DATABASE_URL = url.toString();
    }
  });
  after(async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    await testDatabase?.close();
  });

  /** The database the CLI uses, opened by the test between two commands (PGlite allows one process at a time). */
  async function withDatabase(work: (database: Database) => Promise<void>): Promise<void> {
    if (testDatabase) return work(testDatabase.database);
    const database = await openDatabase({ url: null, dataDir: pgliteDir(dataDir) });
    try {
      await work(database);
    } finally {
      await database.close();
    }
  }

  it('runs every job once and prints what each did', async () => {
    const fixture = path.join(dataDir, 'fixture.json');
    fs.writeFileSync(fixture, JSON.stringify({ organizations: [{ slug: 'cli-jobs', name: 'CLI jobs', members: [{ email: 'o@example.com', role: 'owner' }] }] }));
    const seeded = JSON.parse(await rosterOk(env, 'seed', fixture));
    const orgId: string = seeded.organizations['cli-jobs'].id;
    await withDatabase(async ({ db }) => {
      await sql`update organizations set status = 1, deletion_scheduled_at = now() - interval '1 hour' where id = ${orgId}`.execute(db);
      await sql`insert into user_sessions (user_id, token_hash, csrf_token, expires_at)
                select id, 'expired-session', 'c', now() - interval '1 minute' from users where email = 'o@example.com'`.execute(db);
    });

    const printed = JSON.parse(await rosterOk(env, 'jobs', 'run'));
    assert.deepEqual(Object.keys(printed), ['delete-organizations', 'purge-expired']);
    assert.equal(printed['delete-organizations'].status, 'done');
    assert.deepEqual(
      printed['delete-organizations'].result.deleted.map(({ id, slug, rows }: { id: string; slug: string; rows: { members: number } }) => ({ id, slug, members: rows.members })),
      [{ id: orgId, slug: 'cli-jobs', members: 1 }],
    );
    assert.equal(printed['purge-expired'].status, 'done');
    assert.equal(printed['purge-expired'].result.deleted.sessions, 1);

    await withDatabase(async ({ db }) => {
      assert.equal((await db.selectFrom('organizations').select('id').where('id', '=', orgId).execute()).length, 0);
      const record = await db.selectFrom('deleted_organizations').select(['slug', 'deleted_at']).where('id', '=', orgId).executeTakeFirstOrThrow();
      assert.equal(record.slug, 'cli-jobs');
      assert.notEqual(record.deleted_at, null);
    });
  });

  it('runs one job by name, due or not', async () => {
    const printed = JSON.parse(await rosterOk(env, 'jobs', 'run', 'purge-expired'));
    assert.deepEqual(Object.keys(printed), ['purge-expired']);
    assert.equal(printed['purge-expired'].status, 'done', 'run again at once: the CLI does not wait for the schedule');
    assert.equal(printed['purge-expired'].result.deleted.sessions, 0);
  });

  it('an unknown job is one line naming the jobs, exit 2; a bad call of the command too', async () => {
    const unknown = await roster(env, 'jobs', 'run', 'vacuum');
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stdout, '');
    assert.equal(unknown.stderr.trim(), 'roster: unknown job "vacuum" (jobs: delete-organizations, purge-expired)');

    const two = await roster(env, 'jobs', 'run', 'purge-expired', 'delete-organizations');
    assert.equal(two.code, 2);
    assert.equal(two.stderr.trim(), 'roster: jobs run takes at most one job name (usage: roster jobs run [NAME])');

    const noRun = await roster(env, 'jobs');
    assert.equal(noRun.code, 2);
    assert.match(noRun.stderr, /^roster: unknown command "jobs"\n\nUsage: roster <command>/);
    assert.match(noRun.stderr, /jobs run \[NAME\]/);
  });
});
