import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEST_ENGINE, createTestDatabase, testDatabaseUrl } from '../helpers/database.js';
import { freePort } from '../helpers/ports.js';
import { roster, startServe } from '../helpers/roster-cli.js';

/** Start-up that explains itself (issue 12): usage, database failures in one line, and `npm start` that stops. */
describe(`roster start-up (${TEST_ENGINE})`, () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;

  before(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-startup-'));
    env = { ...process.env, ROSTER_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '', ROSTER_PUBLIC_URL: '' };
  });
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('no command or an unknown one prints the usage and fails; --help prints it and succeeds', async () => {
    for (const args of [[], ['frobnicate'], ['token', 'frobnicate']]) {
      const result = await roster(env, ...args);
      assert.equal(result.code, 2, `roster ${args.join(' ')}`);
      assert.match(result.stderr, /^roster: .+\n\nUsage: roster <command>/);
    }
    const help = await roster(env, '--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: roster <command>/);
  });

  it('a mistake in a known command prints that mistake in one line, not the usage', async () => {
    for (const args of [['token', 'create'], ['user', 'create', '--email', 'a@example.com', '--admin'], ['seed']]) {
      const result = await roster(env, ...args);
      assert.equal(result.code, 2, `roster ${args.join(' ')}`);
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.doesNotMatch(result.stderr, /Usage:/);
    }
  });

  /** One line on stderr that names DATABASE_URL with the password masked, exit 1, no stack. */
  function assertDatabaseFailure(result: { code: number; stderr: string }, url: URL, cause: RegExp) {
    assert.equal(result.code, 1, result.stderr);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1, result.stderr);
    const masked = new URL(url);
    masked.password = '***';
    assert.ok(lines[0]!.startsWith(`roster: cannot use the database at DATABASE_URL=${masked.toString()}: `), lines[0]);
    assert.match(lines[0]!, cause);
    assert.doesNotMatch(result.stderr, /s3cret/);
  }

  it('an unreachable PostgreSQL or an unresolvable host: one line naming DATABASE_URL and the cause', async () => {
    const refused = new URL(`postgres://roster:s3cret@127.0.0.1:${await freePort()}/roster`);
    assertDatabaseFailure(await roster({ ...env, DATABASE_URL: refused.toString() }, 'migrate'), refused, /nothing accepts connections at 127\.0\.0\.1:\d+/);
    assertDatabaseFailure(await roster({ ...env, DATABASE_URL: refused.toString(), PORT: String(await freePort()) }, 'serve'), refused, /nothing accepts connections/);
    const unresolvable = new URL('postgres://roster:s3cret@roster-nowhere.invalid:5432/roster');
    assertDatabaseFailure(await roster({ ...env, DATABASE_URL: unresolvable.toString() }, 'token', 'create', '--email', 'a@example.com'), unresolvable, /roster-nowhere\.invalid cannot be resolved/);
  });

  if (TEST_ENGINE === 'postgres') it('a wrong user or a missing database on a real server: one line with the server\'s reason', async () => {
    const wrongUser = new URL(testDatabaseUrl());
    wrongUser.username = 'roster_no_such_user';
    wrongUser.password = 's3cret';
    assertDatabaseFailure(await roster({ ...env, DATABASE_URL: wrongUser.toString() }, 'migrate'), wrongUser, /roster_no_such_user/);
    const missing = new URL(testDatabaseUrl());
    missing.pathname = '/roster_no_such_database';
    missing.password = 's3cret';
    assertDatabaseFailure(await roster({ ...env, DATABASE_URL: missing.toString() }, 'serve'), missing, /database "roster_no_such_database" does not exist/);
  });

  if (TEST_ENGINE === 'postgres') it('two servers starting at once on one empty PostgreSQL database seed one demo between them', async () => {
    const testDatabase = await createTestDatabase(1);
    const url = new URL(testDatabaseUrl());
    url.searchParams.set('options', `-c search_path=${testDatabase.schema}`);
    const serveEnv = { ...env, DATABASE_URL: url.toString() };
    const [portA, portB] = [await freePort(), await freePort()];
    const servers = await Promise.allSettled([startServe(serveEnv, portA), startServe(serveEnv, portB)]);
    try {
      for (const server of servers) assert.equal(server.status, 'fulfilled', server.status === 'rejected' ? String(server.reason) : '');
      const banners = servers.map((server) => (server.status === 'fulfilled' ? server.value.output() : ''));
      assert.equal(banners.filter((banner) => /Demo organization "acme" is ready/.test(banner)).length, 1, banners.join('\n---\n'));
    } finally {
      await Promise.all(servers.map((server) => (server.status === 'fulfilled' ? server.value.stop() : null)));
      await testDatabase.close();
    }
  });

  // `npm start` runs the build (dist/), as a newcomer does; `npm ci` builds it.
  if (TEST_ENGINE === 'pglite') it('killing the process npm start started stops the server: nothing stays listening (needs the build npm ci makes)', async () => {
    const port = await freePort();
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    // Its own process group, so that the cleanup below reaches whatever npm started, even if it lingers.
    const server = await startServe(env, port, { command: npm, args: ['start', '--silent'], detached: true });
    const group = server.child.pid!;
    try {
      process.kill(group, 'SIGTERM');
      await server.exited;
      let listening = true;
      for (let attempt = 0; attempt < 100 && listening; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        listening = await fetch(`${server.url}/_health/`).then(
          () => true,
          () => false,
        );
      }
      assert.equal(listening, false, `the server still answers on port ${port} after npm was killed`);
    } finally {
      try {
        process.kill(-group, 'SIGKILL');
      } catch {
        // the group is gone: nothing was left behind
      }
    }
  });
});
