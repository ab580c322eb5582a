import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accountRequest, isAccountRoute, sessionOf } from '../helpers/session.js';
import { hashSecret } from '../../src/platform/lib/secrets.js';
import { BODY_LIMITS } from '../../src/platform/http/body-limits.js';
import type { OpenApiDocument } from '../helpers/api-types.js';
import { createHarness, type Harness, type MailHarness } from '../helpers/harness.js';
import { buildOrg, type BuiltOrg } from '../helpers/org-factory.js';
import { everyStoredText } from '../helpers/secrets.js';
import { bodyLimitOf, fillPath, isSentryErrorBody, openApiOperations, samplePathParams } from '../matrix/index.js';

/**
 * Issue 5, secrets and abuse: tokens are stored only as hashes (decisions.md item 9 and
 * § Authentication), and request bodies are size-limited by the limit each route declares (issue 13
 * item 3: a few KB for most, the settings route that takes an avatar alone several MB).
 */
describe('secrets at rest: no plaintext token anywhere in the database', () => {
  let h: MailHarness;
  let org: BuiltOrg;
  const issued = new Map<string, string>();

  const emailedTokens = async () => {
    const rows = await h.database.db.selectFrom('email_outbox').select(['id', 'text_body']).orderBy('id').execute();
    return rows.flatMap((row) => [...row.text_body.matchAll(/\/(?:accept\/\d+|confirm-email\/\d+)\/([0-9a-f]{64})\//g)].map((match) => match[1]!));
  };

  before(async () => {
    h = await createHarness({ mail: true });
    org = await buildOrg(h, {
      members: { owner: { role: 'owner', totp: true }, alice: { role: 'member' }, pat: { role: 'member', pending: true, invitedBy: 'owner' } },
    });
    for (const [key, token] of Object.entries(org.tokens)) issued.set(`API token of ${key} (seed)`, token);
    const owner = org.tokens.owner!;

    const created = await accountRequest(h, owner, 'POST', '/api/0/api-tokens/', { scopes: ['org:read'] });
    assert.equal(created.status, 201);
    issued.set('API token (POST /api-tokens/)', created.body.token);
    assert.equal((await h.request(owner, 'POST', `/api/0/organizations/${org.slug}/members/`, { email: 'carol@example.com' })).status, 201);
    assert.equal((await h.request(owner, 'PUT', org.memberUrl('pat'), { reinvite: true, regenerate: true })).status, 200);
    // An unverified address asks for its verification link; then 2FA enforcement detaches alice.
    await h.database.db.updateTable('users').set({ email_verified: false }).where('email', '=', org.emailOf('alice')).execute();
    assert.equal((await accountRequest(h, org.tokens.alice!, 'POST', '/api/0/users/me/emails/confirm/', {})).status, 204);
    assert.equal((await h.request(owner, 'PUT', `/api/0/organizations/${org.slug}/`, { require2FA: true })).status, 200);
    for (const [index, token] of (await emailedTokens()).entries()) issued.set(`emailed link token #${index + 1}`, token);
  });
  after(async () => {
    await h.close();
  });

  it('issue 5: the test issued API tokens and emailed invite, reinvite, verification and 2FA-rejoin links', () => {
    assert.ok([...issued.keys()].filter((name) => name.startsWith('emailed')).length >= 4, [...issued.keys()].join(', '));
    assert.ok([...issued.keys()].filter((name) => name.startsWith('API token')).length >= 3);
  });

  it('decisions.md item 9: until its email is sent, a link token is readable only in that email\'s outbox row; API tokens nowhere', async () => {
    const tables = await everyStoredText(h);
    const found: string[] = [];
    for (const [name, token] of issued) {
      for (const [table, text] of tables) {
        if (text.includes(token) && !(table === 'email_outbox' && name.startsWith('emailed'))) found.push(`${name} in ${table}`);
      }
    }
    assert.deepEqual(found, []);
    // What is stored instead is the hash: every API token's, and the latest invite's.
    const hashes = new Set((await h.database.db.selectFrom('api_tokens').select('token_hash').execute()).map((row) => row.token_hash));
    for (const [name, token] of issued) if (name.startsWith('API token')) assert.ok(hashes.has(hashSecret(token)), name);
  });

  it('once the worker has delivered the emails, no table holds any issued token in plaintext (sent bodies are dropped)', async () => {
    const queued = (await h.database.db.selectFrom('email_outbox').select('id').execute()).length;
    await h.deliverMail();
    await h.smtp.waitFor((messages) => messages.length === queued);
    const delivered = h.smtp.messages.map((message) => message.text ?? '').join('\n');
    for (const [name, token] of issued) if (name.startsWith('emailed')) assert.ok(delivered.includes(token), `${name} was delivered`);
    const found: string[] = [];
    for (const [table, text] of await everyStoredText(h)) {
      for (const [name, token] of issued) if (text.includes(token)) found.push(`${name} in ${table}`);
    }
    assert.deepEqual(found, []);
  });
});

describe('request bodies are size-limited: 1 MiB, and 8 MiB on the settings route that takes an avatar', () => {
  let h: Harness;
  let org: BuiltOrg;
  before(async () => {
    h = await createHarness();
    org = await buildOrg(h, { members: { owner: { role: 'owner' }, alice: { role: 'member' } }, teams: ['backend'] });
  });
  after(() => h.close());

  const oversized = (limit: number) => `{"name":"${'a'.repeat(limit)}"}`;
  // The account routes take a browser session only (issue 13): they are sent as the owner's browser.
  const send = async (method: string, url: string, payload: string) => {
    const browser = isAccountRoute(url) ? await sessionOf(h, org.tokens.owner!) : null;
    const credentials = browser ? { cookie: `roster_session=${browser.cookie}`, 'x-csrftoken': browser.csrfToken! } : { authorization: `Bearer ${org.tokens.owner}` };
    return h.app.inject({ method: method as 'POST', url, headers: { ...credentials, 'content-type': 'application/json' }, payload });
  };

  it('every route that takes a body answers a body over its limit with 413 and a {"detail": …} body', async () => {
    const document = (await h.request<OpenApiDocument>(null, 'GET', '/api/0/openapi.json')).body;
    const params = samplePathParams(org, org.ids.alice!);
    let checked = 0;
    for (const operation of openApiOperations(document)) {
      const [method, path] = operation.split(' ') as [string, string];
      if (method === 'GET') continue;
      const limit = bodyLimitOf(h.app, method, path);
      const response = await send(method, fillPath(path, params), oversized(limit));
      assert.equal(response.statusCode, 413, operation);
      const body = JSON.parse(response.body);
      assert.ok(isSentryErrorBody(body) && typeof body.detail === 'string', `${operation}: ${response.body}`);
      checked += 1;
    }
    assert.ok(checked >= 20, `${checked} routes`);
  });

  it('§9.3: the settings route reads bodies of several MB (an avatar is up to 5 MB), and still validates them', async () => {
    const response = await send('PUT', `/api/0/organizations/${org.slug}/`, oversized(2 * 1024 * 1024));
    assert.equal(response.statusCode, 400);
    assert.deepEqual(JSON.parse(response.body), { name: ['Ensure this field has no more than 64 characters.'] });
  });

  it("a body just under its route's limit is read (and refused for what it says, not for its size)", async () => {
    const response = await send('POST', `/api/0/organizations/${org.slug}/teams/`, oversized(BODY_LIMITS.small - 100));
    assert.equal(response.statusCode, 400);
    assert.deepEqual(JSON.parse(response.body), { name: ['Ensure this field has no more than 64 characters.'] });
  });
});
