import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.js';
import { assertMatchesOpenApi } from '../helpers/openapi.js';
import { signIn, type BrowserSession } from '../helpers/session.js';
import { totpCode } from '../../src/identity/totp.js';

const SECRET = 'JBSWY3DPEHPK3PXP';
const TWO_FA_REQUIRED = {
  detail: { code: '2fa-required', message: 'Organization requires two-factor authentication to be enabled', extra: {} },
};

describe("§1.3 Sentry's organization gates for session requesters", () => {
  let h: Harness;
  let tokens: Record<string, string>;

  before(async () => {
    h = await createHarness();
    const seeded = await h.seed({
      users: [
        { email: 'without@example.com' },
        { email: 'with@example.com', totpSecret: SECRET },
        { email: 'root@example.com', superuser: true },
        { email: 'stranger@example.com' },
      ],
      organizations: [
        {
          slug: 'strict',
          name: 'Strict',
          settings: { require2FA: true },
          members: [
            { email: 'without@example.com', role: 'owner' },
            { email: 'with@example.com', role: 'member' },
            { email: 'root@example.com', role: 'member' },
          ],
        },
        { slug: 'relaxed', name: 'Relaxed', members: [{ email: 'without@example.com', role: 'member' }] },
      ],
    });
    tokens = Object.fromEntries(Object.entries(seeded.users).map(([email, user]) => [email, user.token]));
  });
  after(() => h.close());

  async function session(email: string): Promise<BrowserSession> {
    const browser = await signIn(h, email);
    if (browser.needs2fa) assert.equal((await browser.request('POST', '/api/0/auth/2fa/', { otp: totpCode(SECRET, h.clock.now()) })).status, 204);
    return browser;
  }

  it('§1.3 step 3: an organization requiring 2FA answers 2fa-required to a session member without 2FA', async () => {
    const browser = await session('without@example.com');
    const response = await browser.request('GET', '/api/0/organizations/strict/');
    assert.equal(response.status, 401);
    assert.deepEqual(response.body, TWO_FA_REQUIRED);
  });

  it('§1.3: the gate is for the organization that requires 2FA only; the list of organizations is not gated', async () => {
    const browser = await session('without@example.com');
    assert.equal((await browser.request('GET', '/api/0/organizations/relaxed/')).status, 200);
    const list = await browser.request('GET', '/api/0/organizations/');
    assert.equal(list.status, 200);
    assert.deepEqual(list.body.map((org: { slug: string; require2FA: boolean }) => [org.slug, org.require2FA]).sort(), [['relaxed', false], ['strict', true]]);
  });

  it('§1.3: token-authenticated requests skip the gates', async () => {
    const response = await h.request(tokens['without@example.com']!, 'GET', '/api/0/organizations/strict/');
    assert.equal(response.status, 200);
  });

  it('§1.3: a member with 2FA passes the gate', async () => {
    const browser = await session('with@example.com');
    const response = await browser.request('GET', '/api/0/organizations/strict/');
    assert.equal(response.status, 200);
    assertMatchesOpenApi('get', '/api/0/organizations/{organization_id_or_slug}/', 200, response.body);
  });

  it('§1.3: a superuser without 2FA is exempt', async () => {
    const browser = await session('root@example.com');
    assert.equal((await browser.request('GET', '/api/0/organizations/strict/')).status, 200);
  });

  it('a non-member still gets the 404 (the gate never reveals that an organization exists)', async () => {
    const browser = await session('stranger@example.com');
    assert.equal((await browser.request('GET', '/api/0/organizations/strict/')).status, 404);
  });

  it('§1.3: enrolling 2FA opens the gate', async () => {
    const browser = await session('without@example.com');
    assert.equal((await browser.request('GET', '/api/0/organizations/strict/')).status, 401);
    const user = await h.database.db.selectFrom('users').select('id').where('email', '=', 'without@example.com').executeTakeFirstOrThrow();
    await h.database.db.insertInto('user_authenticators').values({ user_id: user.id, type: 'totp', secret: SECRET, confirmed: true }).execute();
    assert.equal((await browser.request('GET', '/api/0/organizations/strict/')).status, 200);
  });
});
