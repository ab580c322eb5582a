import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataDirHeldError, lockDataDir, lockSocketPath } from '../../src/cli/data-dir-lock.js';
import { TEST_ENGINE } from '../helpers/database.js';
import { roster } from '../helpers/roster-cli.js';

/** The embedded database's lock on its own (the PGlite case only: PostgreSQL needs none). */
// The lock guards the embedded database's directory; PostgreSQL has no such directory.
if (TEST_ENGINE === 'pglite') describe('the data directory lock', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  before(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-lock-'));
    env = { ...process.env, ROSTER_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' };
  });
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('is a socket only its owner can open, refuses a second holder by pid, and is free again once released', async () => {
    const pglite = path.join(dataDir, 'pglite');
    const lock = await lockDataDir(dataDir, pglite, { takesCommands: false });
    try {
      assert.equal(fs.statSync(lockSocketPath(dataDir)).mode & 0o777, 0o600);
      await assert.rejects(lockDataDir(dataDir, pglite, { takesCommands: false }), (error: unknown) => error instanceof DataDirHeldError && error.message === `${pglite} is held by process ${process.pid}`);
      // A CLI command while another process (not a server) holds the directory: refused in one line, the directory untouched.
      const refused = await roster(env, 'token', 'create', '--email', 'owner@example.com');
      assert.equal(refused.code, 1);
      assert.equal(refused.stderr.trim(), `roster: ${pglite} is held by process ${process.pid}`);
      assert.equal(fs.existsSync(pglite), false);
    } finally {
      await lock.release();
    }
    assert.equal(fs.existsSync(lockSocketPath(dataDir)), false);
    const again = await lockDataDir(dataDir, pglite, { takesCommands: false });
    await again.release();
  });

  it('hands a command to a holder that serves them, and prints its reply', async () => {
    const lock = await lockDataDir(dataDir, path.join(dataDir, 'pglite'), { takesCommands: true });
    const received: unknown[] = [];
    lock.serveCommands(async (command) => {
      received.push(command);
      return command.name === 'signin-link' ? { ok: true, output: 'http://example.test/signin/x/' } : { ok: false, message: 'not here', exitCode: 2 };
    });
    try {
      const link = await roster(env, 'signin-link', '--email', 'a@example.com');
      assert.deepEqual([link.code, link.stdout.trim()], [0, 'http://example.test/signin/x/']);
      const refused = await roster(env, 'migrate');
      assert.deepEqual([refused.code, refused.stderr.trim()], [2, 'roster: not here']);
      assert.deepEqual(received, [{ name: 'signin-link', email: 'a@example.com' }, { name: 'migrate' }]);
    } finally {
      await lock.release();
    }
  });
});
