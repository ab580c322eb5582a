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

  it('user list, org list and token list print one JSON object a line; token revoke deletes any user\'s token (issue 18)', async () => {
    const users = (await roster('user', 'list')).stdout.trim().split('\n').map((line) => JSON.parse(line));
    assert.deepEqual(
      users.map((user) => [user.email, user.isSuperuser, user.isActive, user.has2fa]),
      [
        ['admin@example.com', true, true, false],
        ['o@example.com', false, true, false],
      ],
    );
    assert.ok(users.every((user) => /^\d+$/.test(user.id) && !Number.isNaN(Date.parse(user.dateJoined))));

    const orgs = (await roster('org', 'list')).stdout.trim().split('\n').map((line) => JSON.parse(line));
    assert.deepEqual(
      orgs.map((org) => [org.slug, org.name, org.status, org.members, org.pendingInvites]),
      [['cli-org', 'CLI', 'active', 1, 0]],
    );

    const tokens = (await roster('token', 'list', '--email', 'Admin@Example.com')).stdout.trim().split('\n').map((line) => JSON.parse(line));
    assert.equal(tokens.length, 1);
    assert.deepEqual(tokens[0].scopes.includes('member:write') && tokens[0].scopes.includes('org:read'), true);
    assert.match(tokens[0].tokenLastCharacters, /^[0-9a-f]{4}$/);
    assert.equal(JSON.stringify(tokens).match(/[0-9a-f]{64}/), null, 'the token itself is never listed');

    const { stdout: revoked } = await roster('token', 'revoke', tokens[0].id);
    assert.equal(revoked.trim(), `Revoked token ${tokens[0].id} (ending in ${tokens[0].tokenLastCharacters}).`);
    assert.equal((await roster('token', 'list', '--email', 'admin@example.com')).stdout, '\n', 'an empty list prints nothing but the newline');
    await assert.rejects(roster('token', 'revoke', tokens[0].id), (error: { code: number; stderr: string }) => error.code === 2 && error.stderr.trim() === `roster: no token with ID ${tokens[0].id}`);
  });

  it('the new commands name what is wrong with how they were called, exit 2 (issue 18)', async () => {
    const refusals: Array<[string[], RegExp]> = [
      [['token', 'list'], /^roster: token list needs --email \(usage: roster token list --email E\)$/],
      [['token', 'list', '--email', 'nobody@example.com'], /^roster: no user with email nobody@example.com$/],
      [['token', 'revoke'], /^roster: token revoke needs a token ID/],
      [['token', 'revoke', 'abc'], /^roster: a token ID is a whole number, got "abc"/],
      [['token', 'revoke', '1', '2'], /^roster: token revoke takes one token ID, got 2/],
      [['user', 'list', 'extra'], /^roster: user list takes no arguments, got "extra"/],
      [['org', 'list', '--all'], /^roster: Unknown option '--all'/],
      [['org', 'show'], /^roster: unknown command "org show"/],
    ];
    for (const [args, message] of refusals) {
      await assert.rejects(roster(...args), (error: { code: number; stderr: string }) => {
        assert.equal(error.code, 2, `roster ${args.join(' ')}: ${error.stderr}`);
        assert.match(error.stderr.trim().split('\n')[0]!, message);
        return true;
      });
    }
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
