import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { buildApp } from '../../src/app.js';
import { createServingState } from '../../src/platform/http/health.js';
import { readMigrations } from '../../src/platform/db/migrate.js';
import { createHarness, type Harness } from '../helpers/harness.js';

/** What /_health/ready answers (a route outside the API document). */
interface Readiness {
  status: string;
  pending?: string[];
}

/** `/_health/ready` (issue 18): 200 while serving; 503 while stopping and while the database lacks a migration this process knows. */
describe('readiness', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
  });
  after(() => h.close());

  it('is 200 on a migrated database, and /_health/ answers as before', async () => {
    const ready = await h.request<Readiness>(null, 'GET', '/_health/ready');
    assert.equal(ready.status, 200);
    assert.deepEqual(ready.body, { status: 'ready' });
    const health = await h.request(null, 'GET', '/_health/');
    assert.deepEqual({ status: health.status, body: health.body }, { status: 200, body: { status: 'ok', database: 'up', engine: h.database.engine } });
  });

  it('is 503 naming the migrations the database lacks, and 200 again once they are applied', async () => {
    const latest = readMigrations().at(-1)!.version;
    await sql`delete from schema_migrations where version = ${latest}`.execute(h.database.db);
    try {
      const ready = await h.request<Readiness>(null, 'GET', '/_health/ready');
      assert.equal(ready.status, 503);
      assert.deepEqual(ready.body, { status: 'migrations pending', pending: [latest] });
      // Liveness is another question: the database answers.
      assert.equal((await h.request(null, 'GET', '/_health/')).status, 200);
    } finally {
      await sql`insert into schema_migrations (version) values (${latest})`.execute(h.database.db);
    }
    assert.equal((await h.request(null, 'GET', '/_health/ready')).status, 200);
  });

  it('is 503 once the server has started to stop, while the API still answers the requests it gets', async () => {
    const serving = createServingState();
    const app = await buildApp({ database: h.database, config: h.config, services: h.services, logger: false, serving });
    try {
      assert.equal((await app.inject({ method: 'GET', url: '/_health/ready' })).statusCode, 200);
      serving.stopping = true;
      const stopping = await app.inject({ method: 'GET', url: '/_health/ready' });
      assert.equal(stopping.statusCode, 503);
      assert.deepEqual(stopping.json(), { status: 'stopping' });
      assert.equal((await app.inject({ method: 'GET', url: '/_health/' })).statusCode, 200);
    } finally {
      await app.close();
    }
  });
});
