import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BODY_LIMITS, TOO_DEEP } from '../../src/platform/http/body-limits.js';
import { PUBLIC_ROUTE_IP_LIMIT } from '../../src/platform/http/ip-rate-limit.js';
import { RATE_LIMITS } from '../../src/identity/sessions.service.js';
import type { OpenApiDocument } from '../helpers/api-types.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { buildOrg, type BuiltOrg } from '../helpers/org-factory.js';
import { isAccountRoute, sessionOf } from '../helpers/session.js';
import { bodyLimitOf, fillPath, openApiOperations, samplePathParams } from '../matrix/index.js';

const SETTINGS = 'PUT /api/0/organizations/{organization_id_or_slug}/';
const AUTH_ROUTES = ['POST /api/0/auth/signin-link/', 'POST /api/0/auth/signin/', 'POST /api/0/auth/2fa/'];

/**
 * Issue 13 item 3: parsing a request body cannot stall the event loop. Each route declares a body
 * limit that fits what it takes (a few KB for most; the settings route, which carries the avatar,
 * alone several MB); JSON nested deeper than the route's schema can use is refused before it is
 * parsed; and the per-address limits of routes that answer without credentials are counted before
 * the body is read.
 */
describe('body limits: size per route, nesting per schema, per-address limits before parsing', () => {
  let h: Harness;
  let org: BuiltOrg;
  let operations: Array<[string, string]>;
  before(async () => {
    h = await createHarness();
    org = await buildOrg(h, { members: { owner: { role: 'owner' }, alice: { role: 'member' } }, teams: ['backend'] });
    const document = (await h.request<OpenApiDocument>(null, 'GET', '/api/0/openapi.json')).body;
    operations = openApiOperations(document)
      .map((operation) => operation.split(' ') as [string, string])
      .filter(([method]) => method !== 'GET');
  });
  after(() => h.close());

  // The account routes take a browser session only (issue 13 item 4), so they are sent the owner's.
  const credentials = async (url: string): Promise<Record<string, string>> => {
    if (!isAccountRoute(url)) return { authorization: `Bearer ${org.tokens.owner}` };
    const session = await sessionOf(h, org.tokens.owner!);
    return { cookie: `roster_session=${session.cookie}`, 'x-csrftoken': session.csrfToken! };
  };
  const send = async (method: string, url: string, payload: string, remoteAddress = '127.0.0.1') =>
    h.app.inject({
      method: method as 'POST',
      url,
      headers: { ...(await credentials(url)), 'content-type': 'application/json' },
      payload,
      remoteAddress,
    });

  it('every route takes a few KB at most, the auth routes 2 KiB, and only the settings route (the avatar) more than 128 KiB', () => {
    for (const [method, path] of operations) {
      const limit = bodyLimitOf(h.app, method, path);
      const operation = `${method} ${path}`;
      if (operation === SETTINGS) assert.ok(limit > 5_000_000 && limit < 7 * 1024 * 1024, `${operation}: ${limit}`);
      else assert.ok(limit <= BODY_LIMITS.teamList, `${operation}: ${limit}`);
      if (AUTH_ROUTES.includes(operation)) assert.equal(limit, BODY_LIMITS.auth, operation);
    }
    assert.ok(operations.length >= 20);
  });

  it('every route refuses JSON nested deeper than its schema can use, within its size limit, with a 400 before parsing', async () => {
    const refused: string[] = [];
    for (const [method, path] of operations) {
      // 200 levels: deeper than any schema here, and 400 bytes, within every route's size limit.
      const response = await send(method, fillPath(path, samplePathParams(org, org.ids.alice!)), `{"name":${'['.repeat(200)}${']'.repeat(200)}}`, '198.51.100.1');
      if (response.statusCode !== 400 || JSON.parse(response.body).detail !== TOO_DEEP) refused.push(`${method} ${path}: ${response.statusCode} ${response.body.slice(0, 120)}`);
    }
    assert.deepEqual(refused, []);
  });

  it('the nesting a schema can use is accepted: a member PUT with team roles, an invite with teams', async () => {
    const member = await send('PUT', `/api/0/organizations/${org.slug}/members/${org.ids.alice}/`, JSON.stringify({ teamRoles: [{ teamSlug: 'backend', role: 'admin' }] }));
    assert.equal(member.statusCode, 200, member.body);
    const invite = await send('POST', `/api/0/organizations/${org.slug}/members/`, JSON.stringify({ email: 'nested@example.com', orgRole: 'member', teams: ['backend'] }));
    assert.equal(invite.statusCode, 201, invite.body);
    // One level more than the member PUT's schema allows (teamRoles[].role may hold a small value, not a tree).
    const deeper = await send('PUT', `/api/0/organizations/${org.slug}/members/${org.ids.alice}/`, JSON.stringify({ teamRoles: [{ teamSlug: 'backend', role: [[[['admin']]]] }] }));
    assert.equal(deeper.statusCode, 400);
    assert.deepEqual(JSON.parse(deeper.body), { detail: TOO_DEEP });
  });

  it('a 1 MB body of nested arrays to the sign-in link route is refused unread (413), as is a big settings body of nesting', async () => {
    const deep = `${'['.repeat(500_000)}${']'.repeat(500_000)}`;
    const signin = await h.app.inject({ method: 'POST', url: '/api/0/auth/signin-link/', headers: { 'content-type': 'application/json' }, payload: deep, remoteAddress: '198.51.100.2' });
    assert.equal(signin.statusCode, 413);
    const settings = await send('PUT', `/api/0/organizations/${org.slug}/`, `{"name":${deep}}`);
    assert.equal(settings.statusCode, 400);
    assert.deepEqual(JSON.parse(settings.body), { detail: TOO_DEEP });
  });

  it('the per-address limits of routes without credentials are counted before the body is parsed: past them even malformed JSON is a 429', async () => {
    const post = (url: string, payload: string, remoteAddress: string) =>
      h.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload, remoteAddress });
    for (let i = 0; i < RATE_LIMITS.linksPerIp.limit; i++) {
      assert.equal((await post('/api/0/auth/signin-link/', '{"email": ', '203.0.113.50')).statusCode, 400);
    }
    const limited = await post('/api/0/auth/signin-link/', JSON.stringify({ email: 'someone@example.com' }), '203.0.113.50');
    assert.equal(limited.statusCode, 429);
    const malformed = await post('/api/0/auth/signin-link/', '{"email": ', '203.0.113.50');
    assert.equal(malformed.statusCode, 429, 'the limit answers before the body is parsed');
    assert.equal((await post('/api/0/auth/signin-link/', JSON.stringify({ email: 'someone@example.com' }), '203.0.113.51')).statusCode, 204);

    for (let i = 0; i < PUBLIC_ROUTE_IP_LIMIT.limit; i++) {
      assert.equal((await post('/api/0/auth/signin/', '{"token": ', '203.0.113.60')).statusCode, 400);
    }
    assert.equal((await post('/api/0/auth/signin/', '{"token": ', '203.0.113.60')).statusCode, 429);
    assert.equal((await post(`/api/0/accept-invite/1/${'f'.repeat(64)}/`, '[[[', '203.0.113.60')).statusCode, 400, 'each route counts for itself');
  });
});
