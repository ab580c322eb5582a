import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.js';
import { SESSION_ONLY } from '../../src/identity/authenticate.js';
import { accountRequest } from '../helpers/session.js';

/**
 * Issue 13, item 4: a `member:read` token enrolled a TOTP secret of its choosing, removed its user's
 * authenticator, listed the user's tokens and revoked the user's `org:admin` token. As in Sentry, the
 * account's security (API tokens, authenticators, email confirmation) takes a browser session only.
 */
describe('account security routes take a browser session only', () => {
  let h: Harness;
  let full: string;
  let narrow: string;
  let adminTokenId: string;
  let authenticatorId: string;

  before(async () => {
    h = await createHarness();
    const seeded = await h.seed({
      users: [{ email: 'olive@example.com', totpSecret: 'JBSWY3DPEHPK3PXP' }],
      organizations: [{ slug: 'acme', name: 'Acme', members: [{ email: 'olive@example.com', role: 'owner' }] }],
      tokens: [
        { user: 'olive@example.com', scopes: ['member:read'] },
        { user: 'olive@example.com', scopes: ['org:admin'] },
      ],
    });
    full = seeded.users['olive@example.com']!.token;
    narrow = seeded.tokens[0]!;
    const tokens = (await accountRequest(h, full, 'GET', '/api/0/api-tokens/')).body as Array<{ id: string; scopes: string[] }>;
    adminTokenId = tokens.find((token) => token.scopes.includes('org:admin') && !token.scopes.includes('member:admin'))!.id;
    authenticatorId = (await h.request(full, 'GET', '/api/0/users/me/')).body.authenticators[0]!.id;
  });
  after(() => h.close());

  const state = () =>
    Promise.all([
      h.database.db.selectFrom('api_tokens').select(['id', 'scopes']).orderBy('id').execute(),
      h.database.db.selectFrom('user_authenticators').select(['id', 'secret', 'confirmed']).orderBy('id').execute(),
      h.database.db.selectFrom('email_outbox').select('id').execute(),
    ]).then((parts) => JSON.stringify(parts));

  it("a token, narrow or with every scope, is a 403 with a clear message on each, and changes nothing", async () => {
    const before = await state();
    const routes: Array<[string, string, unknown]> = [
      ['GET', '/api/0/api-tokens/', undefined],
      ['POST', '/api/0/api-tokens/', { scopes: ['member:read'] }],
      ['DELETE', '/api/0/api-tokens/', { tokenId: adminTokenId }],
      ['GET', '/api/0/users/me/authenticators/totp/enroll/', undefined],
      ['POST', '/api/0/users/me/authenticators/totp/enroll/', { secret: 'JBSWY3DPEHPK3PXP', otp: '123456' }],
      ['DELETE', `/api/0/users/me/authenticators/${authenticatorId}/`, undefined],
      ['POST', '/api/0/users/me/emails/confirm/', {}],
    ];
    for (const token of [narrow, full]) {
      for (const [method, url, body] of routes) {
        const response = await h.request(token, method as 'GET', url, body);
        assert.equal(response.status, 403, `${method} ${url}`);
        assert.deepEqual(response.body, { detail: SESSION_ONLY }, `${method} ${url}`);
      }
    }
    assert.equal(await state(), before);
    // Tokens still read the account itself, as in Sentry.
    assert.equal((await h.request(narrow, 'GET', '/api/0/users/me/')).status, 200);
  });

  it("the account's browser session manages them", async () => {
    assert.equal((await accountRequest(h, full, 'DELETE', '/api/0/api-tokens/', { tokenId: adminTokenId })).status, 204);
    assert.equal((await accountRequest(h, full, 'DELETE', `/api/0/users/me/authenticators/${authenticatorId}/`)).status, 204);
    assert.equal((await accountRequest(h, full, 'GET', '/api/0/users/me/authenticators/totp/enroll/')).status, 200);
  });
});
