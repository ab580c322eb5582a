import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { TEST_ENGINE, createTestDatabase, testDatabaseUrl, type TestDatabase } from '../helpers/database.js';
import { freePort } from '../helpers/ports.js';
import { startServe, type ServeProcess } from '../helpers/roster-cli.js';

const execFileAsync = promisify(execFile);

/** The README's curl walk-through, exactly as written there (the first sh block of its section). */
function walkthrough(): string {
  const readme = fs.readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## A walk-through with curl'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(block, 'the README has a walk-through block');
  return block;
}

/**
 * Issue 12: the walk-through works when pasted as one block into a shell next to a running server on
 * an empty database. Only its address is changed, to the port this test serves on.
 */
describe(`the README walk-through (${TEST_ENGINE})`, () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let testDatabase: TestDatabase | null = null;
  let server: ServeProcess | null = null;

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-walkthrough-'));
    const port = await freePort();
    env = { ...process.env, ROSTER_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DATABASE_URL: '', ROSTER_PUBLIC_URL: '', SMTP_URL: '' };
    if (TEST_ENGINE === 'postgres') {
      testDatabase = await createTestDatabase(1);
      const url = new URL(testDatabaseUrl());
      url.searchParams.set('options', `-c search_path=${testDatabase.schema}`);
      env.DATABASE_URL = url.toString();
    }
    server = await startServe(env, port);
  });
  after(async () => {
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    await testDatabase?.close();
  });

  it('pasted as one block: invite, the emailed link, accept, team role, promotion, audit log', async () => {
    const script = walkthrough().replaceAll('http://127.0.0.1:9000', server!.url);
    const { stdout } = await execFileAsync('bash', ['-e', '-c', script], { env, timeout: 120_000 }).catch((error: { stdout?: string; stderr?: string }) => {
      throw new Error(`the walk-through failed:\n${error.stderr ?? ''}\n${error.stdout ?? ''}`);
    });
    const lines = stdout.trim().split('\n');
    assert.equal(lines.length, 6, stdout);
    const [invited, link, accepted, teamRole, promoted, audit] = lines as [string, string, string, string, string, string];
    assert.equal(JSON.parse(invited).pending, true);
    assert.equal(JSON.parse(link).orgSlug, 'acme');
    assert.equal(accepted, '204');
    assert.deepEqual(JSON.parse(teamRole).teamRoles, [{ teamSlug: 'backend', role: 'admin' }]);
    assert.equal(JSON.parse(promoted).orgRole, 'manager');
    assert.deepEqual(JSON.parse(promoted).teamRoles, [{ teamSlug: 'backend', role: null }]);
    const rows = JSON.parse(audit).rows as { event: string; note: string }[];
    assert.equal(rows[0]!.event, 'member.edit');
    assert.match(rows[0]!.note, /edited member dana@example\.com \(role: manager, teams: backend\)/);
  });
});
