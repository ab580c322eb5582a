import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accountRequest, isAccountRoute, sessionOf } from '../helpers/session.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { buildOrg, orgState, type BuiltOrg } from '../helpers/org-factory.js';

const REFUSED = ['Null characters are not allowed.'];

describe('DRF CharField: null characters are not allowed (400 field error, never a 500)', () => {
  let h: Harness;
  let org: BuiltOrg;
  before(async () => {
    h = await createHarness();
    org = await buildOrg(h, { members: { owner: { role: 'owner' } }, teams: ['backend'] });
  });
  after(() => h.close());

  it('a NUL in a body field is a 400 under that field and writes nothing (PostgreSQL cannot store it)', async () => {
    const before = await orgState(h, org.id);
    const cases: Array<[string, string, unknown, string]> = [
      ['POST', '/api/0/organizations/', { name: 'a\u0000b' }, 'name'],
      ['PUT', `/api/0/organizations/${org.slug}/`, { name: 'x\u0000' }, 'name'],
      ['PUT', `/api/0/organizations/${org.slug}/`, { sensitiveFields: ['ok', 'a\u0000'] }, 'sensitiveFields'],
      ['POST', `/api/0/organizations/${org.slug}/teams/`, { name: 'team\u0000' }, 'name'],
      ['POST', `/api/0/organizations/${org.slug}/members/`, { email: 'a\u0000@example.com' }, 'email'],
      ['POST', '/api/0/api-tokens/', { scopes: ['org:read'], name: 'n\u0000' }, 'name'],
    ];
    for (const [method, url, body, field] of cases) {
      const response = isAccountRoute(url)
        ? await accountRequest(h, org.tokens.owner!, method as 'POST', url, body)
        : await h.request(org.tokens.owner!, method as 'POST', url, body);
      assert.equal(response.status, 400, `${method} ${url}`);
      assert.deepEqual(response.body, { [field]: REFUSED }, `${method} ${url}`);
    }
    assert.deepEqual(await orgState(h, org.id), before);
  });

  it('a NUL in a query parameter is a 400 under that parameter', async () => {
    for (const url of [
      `/api/0/organizations/${org.slug}/members/?query=%00`,
      `/api/0/organizations/${org.slug}/members/?query=email:a%00b`,
      `/api/0/organizations/${org.slug}/teams/?query=x%00`,
    ]) {
      const response = await h.request(org.tokens.owner!, 'GET', url);
      assert.equal(response.status, 400, url);
      assert.deepEqual(response.body, { query: REFUSED }, url);
    }
  });

  it('a NUL escaped in raw JSON (\\u0000) is refused the same way', async () => {
    const response = await h.app.inject({
      method: 'PUT',
      url: `/api/0/organizations/${org.slug}/`,
      headers: { authorization: `Bearer ${org.tokens.owner}`, 'content-type': 'application/json' },
      payload: '{"name":"\\u0000"}',
    });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(JSON.parse(response.body), { name: REFUSED });
  });

  it('a body nested 100,000 levels deep is refused unread (413: past the route\'s body limit), never a 500', async () => {
    const deep = `{"email":${'['.repeat(100_000)}${']'.repeat(100_000)},"other":${'{"a":'.repeat(20_000)}"\\u0000"${'}'.repeat(20_000)}}`;
    // A session-only route (issue 13): the owner's browser.
    const owner = await sessionOf(h, org.tokens.owner!);
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/0/users/me/emails/confirm/',
      headers: { cookie: `roster_session=${owner.cookie}`, 'x-csrftoken': owner.csrfToken!, 'content-type': 'application/json' },
      payload: deep,
    });
    assert.equal(response.statusCode, 413);
  });

  it('a NUL in a field no schema names is refused as a field error', async () => {
    const unnamed = await h.app.inject({
      method: 'POST',
      url: `/api/0/organizations/${org.slug}/teams/`,
      headers: { authorization: `Bearer ${org.tokens.owner}`, 'content-type': 'application/json' },
      payload: '{"slug":"fine","other":"\\u0000"}',
    });
    assert.equal(unnamed.statusCode, 400);
    assert.deepEqual(JSON.parse(unnamed.body), { other: REFUSED });
  });

  it('a NUL in a path segment is a 404, as for any segment that matches no route', async () => {
    const response = await h.request(org.tokens.owner!, 'GET', `/api/0/teams/${org.slug}/back%00end/`);
    assert.equal(response.status, 404);
    assert.deepEqual(response.body, { detail: 'The requested resource does not exist' });
  });
});
