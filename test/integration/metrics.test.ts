import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEST_ENGINE, createTestDatabase, testDatabaseUrl, type TestDatabase } from '../helpers/database.js';
import { freePort } from '../helpers/ports.js';
import { startServe, type ServeProcess } from '../helpers/roster-cli.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';

/** The value of the sample `name{labels}` in a Prometheus text exposition, or null when it is absent. */
function sample(text: string, series: string): number | null {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? null : Number(line.slice(series.length + 1));
}

/**
 * `GET /metrics` on its own listener (issue 18), from a real `roster serve`: requests by route template
 * and status, the database pool, the email outbox and its deliveries, the process metrics; and none of
 * it on the API's port.
 */
describe(`metrics (${TEST_ENGINE})`, () => {
  let dataDir: string;
  let testDatabase: TestDatabase | null = null;
  let smtp: TestSmtpServer;
  let server: ServeProcess;
  let metricsUrl: string;
  let token: string;

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-metrics-'));
    smtp = await startSmtpServer();
    const env: NodeJS.ProcessEnv = { ...process.env, ROSTER_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '', ROSTER_PUBLIC_URL: '', SMTP_URL: smtp.url };
    if (TEST_ENGINE === 'postgres') {
      testDatabase = await createTestDatabase(1);
      const url = new URL(testDatabaseUrl());
      url.searchParams.set('options', `-c search_path=${testDatabase.schema}`);
      env.DATABASE_URL = url.toString();
    }
    const metricsPort = await freePort();
    env.ROSTER_METRICS_PORT = String(metricsPort);
    metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
    server = await startServe(env, await freePort());
    token = /Owner API token \(shown once\): ([0-9a-f]{64})/.exec(server.output())?.[1] ?? '';
    assert.ok(token, server.output());
    assert.match(server.output(), new RegExp(`Metrics are at ${metricsUrl.replace(/[.]/g, '\\.')}\\.`));
  });
  after(async () => {
    await server?.stop();
    await smtp?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    await testDatabase?.close();
  });

  const scrape = async () => {
    const response = await fetch(metricsUrl);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    return response.text();
  };

  it('counts and times requests by route template and status, never by the URL asked for', async () => {
    for (let i = 0; i < 3; i++) {
      const members = await fetch(`${server.url}/api/0/organizations/acme/members/`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(members.status, 200);
      await members.arrayBuffer();
    }
    const missing = await fetch(`${server.url}/api/0/organizations/no-such-org/members/`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(missing.status, 404);
    const unrouted = await fetch(`${server.url}/api/0/nowhere/`, { method: 'DELETE' });
    assert.equal(unrouted.status, 404);

    const text = await scrape();
    const members = 'roster_http_request_duration_seconds_count{method="GET",route="/api/0/organizations/:organization_id_or_slug/members/",status="200"}';
    assert.equal(sample(text, members), 3, text);
    assert.equal(sample(text, members.replace('status="200"', 'status="404"')), 1);
    assert.equal(sample(text, 'roster_http_request_duration_seconds_count{method="DELETE",route="unmatched",status="404"}'), 1, text);
    assert.ok((sample(text, members.replace('_count', '_sum')) ?? 0) > 0);
    assert.equal(sample(text, members.replace('_count{', '_bucket{le="+Inf",')), 3);
    assert.doesNotMatch(text, /no-such-org|nowhere/, 'no raw URL in a label');
  });

  it('reports the database pool, the email outbox and its deliveries, and the process', async () => {
    const requested = await fetch(`${server.url}/api/0/auth/signin-link/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'owner@example.com' }),
    });
    assert.equal(requested.status, 204);
    await smtp.waitFor((messages) => messages.length === 1, 30_000);

    let text = '';
    for (let attempt = 0; attempt < 50; attempt++) {
      text = await scrape();
      if (sample(text, 'roster_deliveries_total{kind="email",outcome="sent"}') === 1 && sample(text, 'roster_outbox_depth{kind="email"}') === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.equal(sample(text, 'roster_deliveries_total{kind="email",outcome="sent"}'), 1, text);
    assert.equal(sample(text, 'roster_outbox_depth{kind="email"}'), 0);
    assert.equal(sample(text, 'roster_outbox_oldest_age_seconds{kind="email"}'), 0);
    for (const gauge of ['roster_db_pool_in_use', 'roster_db_pool_waiting']) {
      const value = sample(text, gauge);
      assert.ok(value !== null && value >= 0 && Number.isInteger(value), `${gauge} = ${value}`);
    }
    assert.ok((sample(text, 'process_cpu_user_seconds_total') ?? 0) > 0, 'the default process metrics are there');
    assert.ok(sample(text, 'process_resident_memory_bytes') !== null);
  });

  it('answers only GET /metrics on its listener, and the API port serves no metrics', async () => {
    assert.equal((await fetch(metricsUrl.replace('/metrics', '/'))).status, 404);
    assert.equal((await fetch(metricsUrl, { method: 'POST' })).status, 404);
    const api = await fetch(`${server.url}/metrics`);
    assert.doesNotMatch(await api.text(), /roster_http_request_duration_seconds/);
  });
});
