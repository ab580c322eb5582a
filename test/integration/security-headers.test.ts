import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/app.js';
import { createHarness, type Harness } from '../helpers/harness.js';

/** Issue 13, item 9: nosniff on every answer, HSTS over https, the console's headers with or without web/dist. */
describe('security headers', () => {
  let h: Harness;
  let https: Harness;
  let token: string;
  before(async () => {
    h = await createHarness();
    https = await createHarness({ config: { publicUrl: 'https://roster.example' } });
    const seeded = await h.seed({ users: [{ email: 'o@example.com' }], organizations: [{ slug: 'acme', name: 'Acme', members: [{ email: 'o@example.com', role: 'owner' }] }] });
    token = seeded.users['o@example.com']!.token;
  });
  after(async () => {
    await h.close();
    await https.close();
  });

  it('X-Content-Type-Options: nosniff on every API answer: 200, 400, 401, 404, 413', async () => {
    const answers = [
      await h.request(token, 'GET', '/api/0/organizations/acme/'),
      await h.request(token, 'POST', '/api/0/organizations/', { name: 5 }),
      await h.request(null, 'GET', '/api/0/organizations/'),
      await h.request(token, 'GET', '/api/0/organizations/nothing-here/'),
      await h.request(token, 'GET', '/api/0/no-such-route/'),
      await h.request(token, 'POST', '/api/0/organizations/', { name: 'x', padding: 'x'.repeat(9_000_000) }),
      await h.request(null, 'GET', '/_health/'),
    ];
    assert.deepEqual(answers.map((answer) => answer.status), [200, 400, 401, 404, 404, 413, 200]);
    for (const answer of answers) assert.equal(answer.headers['x-content-type-options'], 'nosniff', String(answer.status));
  });

  it('HSTS only when ROSTER_PUBLIC_URL is https', async () => {
    assert.equal((await h.request(null, 'GET', '/api/0/organizations/')).headers['strict-transport-security'], undefined);
    for (const url of ['/api/0/organizations/', '/', '/_health/']) {
      assert.equal((await https.request(null, 'GET', url)).headers['strict-transport-security'], 'max-age=31536000', url);
    }
  });

  it("the console's security headers are sent on page paths even when web/dist is not built", async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-no-console-'));
    const app = await buildApp({ database: h.database, config: h.config, services: h.services, logger: false, consoleDir: empty });
    try {
      const response = await app.inject({ method: 'GET', url: '/signin/abc/', headers: { accept: 'text/html' } });
      assert.equal(response.statusCode, 404);
      assert.match(String(response.headers['content-security-policy']), /frame-ancestors 'none'/);
      assert.equal(response.headers['x-frame-options'], 'DENY');
      assert.equal(response.headers['referrer-policy'], 'no-referrer');
      assert.equal(response.headers['x-content-type-options'], 'nosniff');
    } finally {
      await app.close();
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
