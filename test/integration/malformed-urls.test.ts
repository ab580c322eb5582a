import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.js';
import { buildOrg, type BuiltOrg } from '../helpers/org-factory.js';

const NOT_FOUND = { detail: 'The requested resource does not exist' };

/**
 * sentry-behavior.md §1.2: a path no route matches is Sentry's 404. Paths that the router itself
 * refuses (not valid UTF-8 once percent-decoded, or a segment over its length limit) used to get
 * Fastify's own body (`{"error": …, "code": "FST_ERR_BAD_URL", …}`), naming the framework.
 */
describe('§1.2: malformed URLs are Sentry\'s 404, not the framework\'s error body', () => {
  let h: Harness;
  let org: BuiltOrg;
  before(async () => {
    h = await createHarness();
    org = await buildOrg(h, { members: { owner: { role: 'owner' } } });
  });
  after(() => h.close());

  it('§1.2: a path segment that is not valid UTF-8 (a lone surrogate, stray bytes) is a 404 with Sentry\'s body', async () => {
    for (const segment of ['%ED%A0%80', 'x%ED%BF%BFy', '%FF%FE', '%C0%AF']) {
      for (const url of [`/api/0/organizations/${segment}/`, `/api/0/organizations/${org.slug}/members/${segment}/`, `/api/0/teams/${org.slug}/${segment}/`]) {
        const response = await h.request(org.tokens.owner!, 'GET', url);
        assert.equal(response.status, 404, url);
        assert.deepEqual(response.body, NOT_FOUND, url);
      }
    }
  });

  it('§1.2: a path segment longer than the router allows is a 404 with Sentry\'s body', async () => {
    const response = await h.request(org.tokens.owner!, 'DELETE', `/api/0/organizations/${'x'.repeat(500)}/`);
    assert.equal(response.status, 404);
    assert.deepEqual(response.body, NOT_FOUND);
    assert.doesNotMatch(JSON.stringify(response.body), /FST_|Fastify/i);
  });
});
