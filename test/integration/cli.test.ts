import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { TEST_ENGINE, createTestDatabase, testDatabaseUrl, type TestDatabase } from '../helpers/database.js';

const run = promisify(execFile);
const CLI = path.resolve('src/cli.ts');

/** The CLI runs in its own process, on an empty data directory or an empty PostgreSQL schema. */
describe('roster CLI', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let testDatabase: TestDatabase | null = null;

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-cli-'));
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

  const roster = (...args: string[]) => run(process.execPath, ['--import', 'tsx', CLI, ...args], { env });

  it('migrate works on an empty data directory', async () => {
    const { stdout } = await roster('migrate');
    assert.match(stdout, /up to date/);
  });

  it('user create, token create and seed print what they made', async () => {
    const user = JSON.parse((await roster('user', 'create', '--email', 'Admin@Example.com', '--name', 'Ada', '--superuser')).stdout);
    assert.equal(user.email, 'admin@example.com');
    assert.equal(user.isSuperuser, true);
    const { stdout: token } = await roster('token', 'create', '--email', 'admin@example.com', '--scopes', 'org:read,member:write');
    assert.match(token.trim(), /^[0-9a-f]{64}$/);

    const fixture = path.join(dataDir, 'fixture.json');
    fs.writeFileSync(fixture, JSON.stringify({ organizations: [{ slug: 'cli-org', name: 'CLI', members: [{ email: 'o@example.com', role: 'owner' }] }] }));
    const seeded = JSON.parse((await roster('seed', fixture)).stdout);
    assert.ok(seeded.organizations['cli-org'].id);
    assert.match(seeded.users['o@example.com'].token, /^[0-9a-f]{64}$/);
  });

  it('signin-link prints a one-time link into the console for an existing user, and refuses an unknown one', async () => {
    const { stdout } = await roster('signin-link', '--email', 'Admin@Example.com');
    assert.match(stdout.trim(), /^http:\/\/127\.0\.0\.1:9000\/signin\/[0-9a-f]{64}\/$/);
    await assert.rejects(roster('signin-link', '--email', 'nobody@example.com'), (error: { code: number; stderr: string }) => error.code === 2 && /no active user/.test(error.stderr));
  });

  it('user create refuses a name with control characters or line breaks, naming the option (issue 13)', async () => {
    await assert.rejects(
      roster('user', 'create', '--email', 'evil@example.com', '--name', 'Eve\r\nBcc: a@evil.test'),
      (error: { code: number; stderr: string }) => error.code === 2 && /--name: Names cannot contain control characters/.test(error.stderr),
    );
  });

  it('refuses a bad fixture with a message naming the entry, and a bad variable by name', async () => {
    const fixture = path.join(dataDir, 'bad.json');
    fs.writeFileSync(fixture, JSON.stringify({ users: [{ email: 'not-an-email' }] }));
    await assert.rejects(roster('seed', fixture), (error: { code: number; stderr: string }) => error.code === 1 && /users\[0\]\.email/.test(error.stderr));
    await assert.rejects(
      run(process.execPath, ['--import', 'tsx', CLI, 'migrate'], { env: { ...env, PORT: 'nope' } }),
      (error: { stderr: string }) => /PORT/.test(error.stderr),
    );
  });
});
