import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { startPrivatePostgres, type PrivatePostgres } from './helpers/private-postgres.js';
import { startRoster, type RosterProcess } from './helpers/roster-process.js';

const run = promisify(execFile);

/**
 * PostgreSQL goes away under load and comes back: while it is away the service answers 503 (never a
 * 500) and /_health/ says so; afterwards it recovers by itself, without a restart.
 */
describe('PostgreSQL restart during load', () => {
  let pg: PrivatePostgres;
  let roster: RosterProcess;
  let token: string;

  before(async () => {
    pg = await startPrivatePostgres();
    const fixture = path.resolve('test/faults/fixtures/small-org.json');
    const { stdout } = await run(process.execPath, [path.resolve('dist/cli.js'), 'seed', fixture], {
      env: { ...process.env, DATABASE_URL: pg.url, LOG_LEVEL: 'warn' },
    });
    token = JSON.parse(stdout).users['owner@example.com'].token;
    roster = await startRoster({ DATABASE_URL: pg.url });
  });
  after(async () => {
    await roster?.stop();
    await pg?.destroy();
  });

  const get = (url: string) => fetch(`${roster.url}${url}`, { headers: { authorization: `Bearer ${token}` } });

  it('answers 503 while the database is away, then recovers by itself', async () => {
    const statuses = new Map<number, number>();
    let stopLoad = false;
    // A bounded background load: reads and writes, counted by status.
    const load = (async () => {
      for (let i = 0; !stopLoad && i < 20_000; i++) {
        const response =
          i % 3 === 0
            ? await fetch(`${roster.url}/api/0/organizations/acme/`, {
                // A rename, not a creation: creating organizations is rate-limited (5 an hour a user).
                method: 'PUT',
                headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
                body: JSON.stringify({ name: `Load ${i}` }),
              }).catch(() => null)
            : await get('/api/0/organizations/acme/').catch(() => null);
        const status = response?.status ?? 0;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        await response?.arrayBuffer();
      }
    })();

    await new Promise((resolve) => setTimeout(resolve, 1000));
    await pg.stop();

    const down = await get('/api/0/organizations/acme/');
    assert.equal(down.status, 503);
    assert.match((await down.json()).detail, /database/);
    const health = await fetch(`${roster.url}/_health/`);
    assert.equal(health.status, 503);
    assert.equal((await health.json()).database, 'down');

    await new Promise((resolve) => setTimeout(resolve, 1000));
    await pg.start();

    const deadline = Date.now() + 20_000;
    let recovered = false;
    while (Date.now() < deadline && !recovered) {
      recovered = (await get('/api/0/organizations/acme/')).status === 200;
      if (!recovered) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.ok(recovered, 'the service did not recover after PostgreSQL came back');
    assert.equal((await (await fetch(`${roster.url}/_health/`)).json()).database, 'up');

    await new Promise((resolve) => setTimeout(resolve, 500));
    stopLoad = true;
    await load;
    assert.equal(statuses.get(500) ?? 0, 0, `no 500s: ${JSON.stringify([...statuses])}\n${roster.output()}`);
    assert.ok((statuses.get(503) ?? 0) > 0, `the load saw the outage: ${JSON.stringify([...statuses])}`);
    assert.ok((statuses.get(200) ?? 0) + (statuses.get(201) ?? 0) > 0);
    const created = await fetch(`${roster.url}/api/0/organizations/`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'After the outage' }),
    });
    assert.equal(created.status, 201, await created.text());
  });
});
