import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.js';
import { hashSecret } from '../../src/platform/lib/secrets.js';
import { SESSION_ONLY } from '../../src/identity/authenticate.js';
import { accountRequest } from '../helpers/session.js';

const TOKENS = '/api/0/api-tokens/';

describe('API tokens (/api/0/api-tokens/)', () => {
  let h: Harness;
  let ann: string;
  let bob: string;
  let narrow: string;

  before(async () => {
    h = await createHarness();
    const seeded = await h.seed({
      users: [{ email: 'ann@example.com' }, { email: 'bob@example.com' }],
      organizations: [{ slug: 'acme', name: 'Acme', members: [{ email: 'ann@example.com', role: 'owner' }] }],
      tokens: [{ user: 'ann@example.com', scopes: ['org:read', 'member:read'] }],
    });
    ann = seeded.users['ann@example.com']!.token;
    bob = seeded.users['bob@example.com']!.token;
    narrow = seeded.tokens[0]!;
  });
  after(() => h.close());

  it('POST creates a token (201), shows it once with its expanded scopes, and it authenticates', async () => {
    const response = await accountRequest(h, ann, 'POST', TOKENS, { scopes: ['member:admin', 'org:read'], name: 'ci' });
    assert.equal(response.status, 201);
    const body = response.body;
    assert.match(body.token, /^[0-9a-f]{64}$/);
    assert.equal(body.tokenLastCharacters, body.token.slice(-4));
    assert.equal(body.name, 'ci');
    assert.equal(body.expiresAt, null);
    // Token scopes expand at creation (decisions.md): member:admin adds member:write, member:read and member:invite.
    assert.deepEqual([...body.scopes].sort(), ['member:admin', 'member:invite', 'member:read', 'member:write', 'org:read']);
    assert.deepEqual(Object.keys(body).sort(), ['dateCreated', 'expiresAt', 'id', 'name', 'scopes', 'token', 'tokenLastCharacters']);
    const stored = await h.database.db.selectFrom('api_tokens').select('token_hash').where('id', '=', body.id).executeTakeFirstOrThrow();
    assert.equal(stored.token_hash, hashSecret(body.token));
    const org = await h.request(body.token, 'GET', '/api/0/organizations/acme/');
    assert.equal(org.status, 200);
  });

  it('GET lists only the requester\'s tokens, never the token itself', async () => {
    const response = await accountRequest(h, ann, 'GET', TOKENS);
    assert.equal(response.status, 200);
    assert.ok(response.body.length >= 3);
    for (const token of response.body) {
      assert.equal('token' in token, false);
      assert.deepEqual(Object.keys(token).sort(), ['dateCreated', 'expiresAt', 'id', 'name', 'scopes', 'tokenLastCharacters']);
      assert.equal(JSON.stringify(response.body).includes(ann), false);
    }
    assert.ok(response.body.some((token: { name: string | null }) => token.name === 'ci'));
    const bobs = await accountRequest(h, bob, 'GET', TOKENS);
    assert.equal(bobs.body.length, 1);
    assert.ok(ann.endsWith(response.body[0]!.tokenLastCharacters));
  });

  it('POST validates scopes and name with DRF-shaped 400s, and creates nothing', async () => {
    const before = (await accountRequest(h, bob, 'GET', TOKENS)).body.length;
    const cases: Array<[unknown, Record<string, string[]>]> = [
      [{}, { scopes: ['This field is required.'] }],
      [{ scopes: [] }, { scopes: ['This list may not be empty.'] }],
      [{ scopes: ['org:read', 'org:everything'] }, { scopes: ['"org:everything" is not a valid choice.'] }],
      [{ scopes: 'org:read' }, { scopes: ['Expected a list of items but got type "str".'] }],
      [{ scopes: ['org:read'], name: 'n'.repeat(256) }, { name: ['Ensure this field has no more than 255 characters.'] }],
    ];
    for (const [body, expected] of cases) {
      const response = await accountRequest(h, bob, 'POST', TOKENS, body);
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.deepEqual(response.body, expected, JSON.stringify(body));
    }
    assert.equal((await accountRequest(h, bob, 'GET', TOKENS)).body.length, before);
  });

  it('takes a browser session only: any API token, whatever its scopes, is a 403 and changes nothing (issue 13)', async () => {
    const all = (await accountRequest(h, ann, 'GET', TOKENS)).body.length;
    const mine = (await accountRequest(h, ann, 'GET', TOKENS)).body[0]!.id;
    for (const token of [narrow, ann]) {
      for (const [method, body] of [['GET', undefined], ['POST', { scopes: ['member:read'] }], ['DELETE', { tokenId: mine }]] as const) {
        const response = await h.request(token, method, TOKENS, body);
        assert.equal(response.status, 403, `${method} with a token`);
        assert.deepEqual(response.body, { detail: SESSION_ONLY });
      }
    }
    assert.equal((await accountRequest(h, ann, 'GET', TOKENS)).body.length, all);
  });

  it('DELETE with {tokenId} deletes the requester\'s token (204); it stops authenticating', async () => {
    const created = (await accountRequest(h, ann, 'POST', TOKENS, { scopes: ['org:read'] })).body;
    for (const tokenId of [created.id]) {
      const response = await accountRequest(h, ann, 'DELETE', TOKENS, { tokenId });
      assert.equal(response.status, 204);
    }
    assert.equal((await h.request(created.token, 'GET', '/api/0/organizations/')).status, 401);
    assert.equal((await accountRequest(h, ann, 'GET', TOKENS)).body.some((token: { id: string }) => token.id === created.id), false);
    const numeric = (await accountRequest(h, ann, 'POST', TOKENS, { scopes: ['org:read'] })).body;
    assert.equal((await accountRequest(h, ann, 'DELETE', TOKENS, { tokenId: Number(numeric.id) })).status, 204);
  });

  it('DELETE of another user\'s token is a 404 and the token keeps working', async () => {
    const bobsToken = (await accountRequest(h, bob, 'GET', TOKENS)).body[0];
    const response = await accountRequest(h, ann, 'DELETE', TOKENS, { tokenId: bobsToken!.id });
    assert.equal(response.status, 404);
    assert.deepEqual(response.body, { detail: 'The requested resource does not exist' });
    assert.equal((await accountRequest(h, bob, 'GET', TOKENS)).status, 200);
    assert.equal((await accountRequest(h, ann, 'DELETE', TOKENS, { tokenId: '999999999' })).status, 404);
  });

  it('DELETE without a valid tokenId is a 400', async () => {
    for (const body of [{}, { tokenId: 'abc' }, { tokenId: -1 }]) {
      // A 400 answers Sentry's field errors; the route's document types only its 204.
      const response = await accountRequest<Record<string, string[]>>(h, ann, 'DELETE', TOKENS, body);
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.ok(Array.isArray(response.body.tokenId), JSON.stringify(response.body));
    }
    const noBody = await accountRequest(h, ann, 'DELETE', TOKENS);
    assert.equal(noBody.status, 400);
  });

  it('without credentials: 401', async () => {
    assert.equal((await accountRequest(h, null, 'GET', TOKENS)).status, 401);
    assert.equal((await accountRequest(h, null, 'POST', TOKENS, { scopes: ['org:read'] })).status, 401);
  });
});
