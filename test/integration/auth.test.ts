import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FAILED_TOKEN_LIMIT } from '../../src/identity/tokens.service.js';
import { createHarness, type Harness } from '../helpers/harness.js';

describe('authentication and error shapes', () => {
  let h: Harness;
  let token: string;

  before(async () => {
    h = await createHarness();
    const seeded = await h.seed({ users: [{ email: 'a@example.com' }] });
    token = seeded.users['a@example.com']!.token;
  });
  after(() => h.close());

  it('no credentials: 401 with Sentry\'s body', async () => {
    const response = await h.request(null, 'GET', '/api/0/organizations/');
    assert.equal(response.status, 401);
    assert.deepEqual(response.body, { detail: 'Authentication credentials were not provided.' });
  });

  it('an unknown or malformed token: 401', async () => {
    for (const header of ['Bearer 0000', 'Bearer ' + 'f'.repeat(64), 'Basic abc', 'Bearer a b']) {
      const response = await h.app.inject({ method: 'GET', url: '/api/0/organizations/', headers: { authorization: header } });
      assert.equal(response.statusCode, 401, header);
      assert.ok(response.json().detail);
    }
  });

  it('a valid token authenticates, and every response carries a request id', async () => {
    const response = await h.request(token, 'GET', '/api/0/organizations/');
    assert.equal(response.status, 200);
    assert.match(String(response.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  });

  it('tokens are stored only as hashes', async () => {
    const rows = await h.database.db.selectFrom('api_tokens').select(['token_hash', 'token_last_characters']).execute();
    assert.ok(rows.length > 0);
    for (const row of rows) {
      assert.notEqual(row.token_hash, token);
      assert.match(row.token_hash, /^[0-9a-f]{64}$/);
    }
    assert.ok(rows.some((row) => token.endsWith(row.token_last_characters)));
  });

  it('an expired token no longer authenticates', async () => {
    const created = await h.services.tokens.create((await h.database.db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id, ['org:read']);
    await h.database.db.updateTable('api_tokens').set({ expires_at: new Date(h.clock.now().getTime() - 1000) }).where('id', '=', created.id).execute();
    const response = await h.request(created.token, 'GET', '/api/0/organizations/');
    assert.equal(response.status, 401);
  });

  it('unknown routes, malformed JSON and oversized bodies get clear 4xx bodies', async () => {
    const missing = await h.request(token, 'GET', '/api/0/nothing-here/');
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.body, { detail: 'The requested resource does not exist' });

    const malformed = await h.app.inject({
      method: 'POST',
      url: '/api/0/organizations/',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    assert.equal(malformed.statusCode, 400);
    assert.match(malformed.json().detail, /^JSON parse error/);

    const huge = await h.app.inject({
      method: 'POST',
      url: '/api/0/organizations/',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
    });
    assert.equal(huge.statusCode, 413);
    assert.ok(huge.json().detail);
  });

  it('§1.2: without credentials every protected route answers 401 before looking at the body', async () => {
    const routes: Array<[string, string, unknown]> = [
      ['POST', '/api/0/organizations/', { name: 42 }],
      ['POST', '/api/0/organizations/acme/members/', { email: 'not an email', orgRole: 'king' }],
      ['PUT', '/api/0/organizations/acme/members/1/', { teams: 'nope' }],
      ['PUT', '/api/0/organizations/acme/', { slug: '!!' }],
      ['POST', '/api/0/api-tokens/', { scopes: 5 }],
    ];
    for (const [method, url, body] of routes) {
      const response = await h.request(null, method as 'POST', url, body);
      assert.equal(response.status, 401, `${method} ${url}`);
      assert.deepEqual(response.body, { detail: 'Authentication credentials were not provided.' });
    }
    // Public routes answer without credentials.
    assert.equal((await h.request(null, 'GET', '/api/0/openapi.json')).status, 200);
    assert.equal((await h.request(null, 'GET', '/api/0/accept-invite/1/abc/')).status, 400);
  });

  it('failed token authentications are limited per IP: past the limit a 429, through the shared counters', async () => {
    const bad = () => h.app.inject({ method: 'GET', url: '/api/0/organizations/', headers: { authorization: `Bearer ${'e'.repeat(64)}` }, remoteAddress: '198.51.100.9' });
    for (let i = 0; i < FAILED_TOKEN_LIMIT.limit; i++) assert.equal((await bad()).statusCode, 401);
    const limited = await bad();
    assert.equal(limited.statusCode, 429);
    assert.ok(limited.json().detail);
    // Another address, and a valid token from the limited one, are unaffected.
    const other = await h.app.inject({ method: 'GET', url: '/api/0/organizations/', headers: { authorization: 'Bearer 0000' }, remoteAddress: '198.51.100.10' });
    assert.equal(other.statusCode, 401);
    const valid = await h.app.inject({ method: 'GET', url: '/api/0/organizations/', headers: { authorization: `Bearer ${token}` }, remoteAddress: '198.51.100.9' });
    assert.equal(valid.statusCode, 200);
    h.clock.advance(FAILED_TOKEN_LIMIT.windowSeconds * 1000);
    assert.equal((await bad()).statusCode, 401, 'a new window starts over');
  });

  it('a list body where an object is expected is a 400, not a 500', async () => {
    const response = await h.request(token, 'POST', '/api/0/organizations/', [1, 2]);
    assert.equal(response.status, 400);
  });
});
