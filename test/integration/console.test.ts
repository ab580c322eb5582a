import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CONSOLE_DIR } from '../../src/console/console.routes.js';
import { createHarness, type Harness } from '../helpers/harness.js';

/** The console is served by the same process at `/`, without ever standing in for the API. */
describe('the web console is served at /', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
  });
  after(() => h.close());

  const get = (url: string) => h.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });

  it('is built by npm ci (web/dist) and served at /, revalidated, framed by nobody, leaking no referrer', async () => {
    assert.ok(fs.existsSync(path.join(CONSOLE_DIR, 'index.html')), 'npm run build made web/dist/index.html');
    const response = await get('/');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /text\/html/);
    assert.match(response.body, /<div id="root">/);
    assert.equal(response.headers['cache-control'], 'no-cache');
    assert.match(String(response.headers['content-security-policy']), /frame-ancestors 'none'/);
    assert.equal(response.headers['referrer-policy'], 'no-referrer');
  });

  it("the console's own addresses (sign-in and invite links) load the page on a fresh visit", async () => {
    for (const url of [`/signin/${'a'.repeat(64)}/`, '/accept/12/abc/', '/organizations/acme/members/', '/account/']) {
      const response = await get(url);
      assert.equal(response.statusCode, 200, url);
      assert.match(response.body, /<div id="root">/, url);
    }
  });

  it('hashed assets are cached for a year', async () => {
    const asset = fs.readdirSync(path.join(CONSOLE_DIR, 'assets')).find((file) => file.endsWith('.js'))!;
    const response = await get(`/assets/${asset}`);
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable');
  });

  it('never shadows /api/0/, /_health/ or /organization-avatar/: unknown paths there stay JSON 404s', async () => {
    for (const url of ['/api/0/nothing-here/', '/api/0/organizations/acme/unknown/', '/organization-avatar/abc/', '/_healthz']) {
      const response = await get(url);
      assert.equal(response.statusCode, 404, url);
      assert.deepEqual(response.json(), { detail: 'The requested resource does not exist' }, url);
    }
    assert.equal((await get('/_health/')).json().status, 'ok');
    assert.equal((await get('/api/0/openapi.json')).statusCode, 200);
  });
});
