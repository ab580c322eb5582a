import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEST_ENGINE, createTestDatabase, testDatabaseUrl, type TestDatabase } from '../helpers/database.js';
import { freePort } from '../helpers/ports.js';
import { roster, rosterOk, serveRefused, startServe, type ServeProcess } from '../helpers/roster-cli.js';

/**
 * The CLI next to a running `roster serve` (issue 12): what the CLI writes is seen at once by the
 * server and survives its restart. On PGlite the CLI hands its commands to the server through the data
 * directory's lock socket; on PostgreSQL it connects with DATABASE_URL, as the server does.
 */
describe(`roster CLI while roster serve runs (${TEST_ENGINE})`, () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let port: number;
  let testDatabase: TestDatabase | null = null;
  let server: ServeProcess | null = null;

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-serving-'));
    // No ROSTER_PUBLIC_URL: links must follow the address served.
    env = { ...process.env, ROSTER_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '', ROSTER_PUBLIC_URL: '', SMTP_URL: '' };
    if (TEST_ENGINE === 'postgres') {
      testDatabase = await createTestDatabase(1);
      const url = new URL(testDatabaseUrl());
      url.searchParams.set('options', `-c search_path=${testDatabase.schema}`);
      env.DATABASE_URL = url.toString();
    }
    port = await freePort();
    // The CLI gets the server's environment, as in the README: on PostgreSQL it makes its links itself.
    env.PORT = String(port);
  });
  after(async () => {
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    await testDatabase?.close();
  });

  const api = (token: string, route: string) => fetch(`${server!.url}${route}`, { headers: { authorization: `Bearer ${token}` } });
  const signIn = (link: string) => {
    const token = /\/signin\/([0-9a-f]{64})\/$/.exec(link)?.[1] ?? 'missing';
    return fetch(`${server!.url}/api/0/auth/signin/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
  };

  const created = { userToken: '', seededToken: '', unusedLink: '' };

  it('an empty database gets the demo, and every printed link names the address served', async () => {
    server = await startServe(env, port);
    const banner = server.output();
    assert.match(banner, /Demo organization "acme" is ready/);
    const link = /Sign in to the console as the owner[^:]*: (\S+)/.exec(banner)?.[1] ?? '';
    assert.ok(link.startsWith(`http://127.0.0.1:${port}/signin/`), banner);
    assert.equal((await signIn(link)).status, 200);
  });

  it('a link in an email names the address served too', async () => {
    const mailDir = path.join(dataDir, 'mail');
    const before = new Set(fs.existsSync(mailDir) ? fs.readdirSync(mailDir) : []);
    const requested = await fetch(`${server!.url}/api/0/auth/signin-link/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'owner@example.com' }) });
    assert.equal(requested.status, 204);
    let email = '';
    for (let attempt = 0; attempt < 150 && !email; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const fresh = (fs.existsSync(mailDir) ? fs.readdirSync(mailDir) : []).filter((file) => !before.has(file));
      if (fresh.length > 0) email = fs.readFileSync(path.join(mailDir, fresh[0]!), 'utf8');
    }
    // Quoted-printable: soft line breaks and an encoded "=".
    const text = email.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    assert.match(text, new RegExp(`http://127\\.0\\.0\\.1:${port}/signin/[0-9a-f]{64}/`), text || 'no email was written');
    assert.doesNotMatch(text, /localhost:9000/);
  });

  it('user create, token create, signin-link and seed write where the running server reads', async () => {
    const user = JSON.parse(await rosterOk(env, 'user', 'create', '--email', 'newcomer@example.com', '--name', 'New Comer'));
    assert.match(user.id, /^\d+$/);
    created.userToken = await rosterOk(env, 'token', 'create', '--email', 'newcomer@example.com');
    const me = await api(created.userToken, '/api/0/organizations/');
    assert.equal(me.status, 200);

    const link = await rosterOk(env, 'signin-link', '--email', 'newcomer@example.com');
    assert.ok(link.startsWith(`http://127.0.0.1:${port}/signin/`), link);
    assert.equal((await signIn(link)).status, 200);
    created.unusedLink = await rosterOk(env, 'signin-link', '--email', 'newcomer@example.com');

    const fixture = path.join(dataDir, 'fixture.json');
    fs.writeFileSync(fixture, JSON.stringify({ organizations: [{ slug: 'cli-org', name: 'CLI', members: [{ email: 'o@example.com', role: 'owner' }] }] }));
    const seeded = JSON.parse(await rosterOk(env, 'seed', fixture));
    created.seededToken = seeded.users['o@example.com'].token;
    assert.equal((await api(created.seededToken, '/api/0/organizations/cli-org/members/')).status, 200);

    // A refusal comes back from the server as the CLI's own one-line error.
    const refused = await roster(env, 'user', 'create', '--email', 'newcomer@example.com');
    assert.equal(refused.code, 2);
    assert.equal(refused.stderr.trim(), 'roster: a user with email newcomer@example.com already exists');
  });

  it('jobs run is run where the database is, and answers as it does alone', async () => {
    const printed = JSON.parse(await rosterOk(env, 'jobs', 'run', 'purge-expired'));
    assert.deepEqual(Object.keys(printed), ['purge-expired']);
    // The server's own runner may hold the job at this moment: then it is skipped, never run twice at once.
    assert.ok(['done', 'skipped'].includes(printed['purge-expired'].status), JSON.stringify(printed));
    const unknown = await roster(env, 'jobs', 'run', 'vacuum');
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr.trim(), 'roster: unknown job "vacuum" (jobs: delete-organizations, purge-expired)');
  });

  it('a second serve on the same port, or on the same data directory, exits with one line naming what is in the way', async () => {
    const samePort = await serveRefused(env, port);
    assert.notEqual(samePort.code, 0);
    if (TEST_ENGINE === 'pglite') {
      // The data directory is checked first: it is what a second server must never open.
      assert.equal(samePort.stderr.trim(), `roster: ${path.join(dataDir, 'pglite')} is held by process ${server!.child.pid}`);
      const otherPort = await serveRefused(env, await freePort());
      assert.notEqual(otherPort.code, 0);
      assert.equal(otherPort.stderr.trim(), `roster: ${path.join(dataDir, 'pglite')} is held by process ${server!.child.pid}`);
      const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-serving-'));
      try {
        const busyPort = await serveRefused({ ...env, ROSTER_DATA_DIR: otherDir }, port);
        assert.notEqual(busyPort.code, 0);
        assert.equal(busyPort.stderr.trim().split('\n').at(-1), `roster: port ${port} is in use`);
      } finally {
        fs.rmSync(otherDir, { recursive: true, force: true });
      }
    } else {
      assert.equal(samePort.stderr.trim().split('\n').at(-1), `roster: port ${port} is in use`);
      assert.doesNotMatch(samePort.stderr, /\n\s+at /);
    }
    // The running server is untouched.
    assert.equal((await api(created.userToken, '/api/0/organizations/')).status, 200);
  });

  it('everything the CLI made survives a restart of the server', async () => {
    assert.equal(await server!.stop(), 0);
    server = await startServe(env, port);
    assert.doesNotMatch(server.output(), /Demo organization/);
    assert.equal((await api(created.userToken, '/api/0/organizations/')).status, 200);
    assert.equal((await api(created.seededToken, '/api/0/organizations/cli-org/members/')).status, 200);
    assert.equal((await signIn(created.unusedLink)).status, 200);
    // And the CLI still reaches the restarted server.
    const token = await rosterOk(env, 'token', 'create', '--email', 'newcomer@example.com');
    assert.equal((await api(token, '/api/0/organizations/')).status, 200);
  });

  if (TEST_ENGINE === 'pglite') it('a server that died leaves a lock that is stale, not held: the CLI and the next server open the directory', async () => {
    server!.child.kill('SIGKILL');
    await server!.exited;
    server = null;
    assert.ok(fs.existsSync(path.join(dataDir, 'roster.sock')), 'the killed server left its socket file behind');
    const token = await rosterOk(env, 'token', 'create', '--email', 'newcomer@example.com');
    server = await startServe(env, port);
    assert.equal((await api(token, '/api/0/organizations/')).status, 200);
  });
});
