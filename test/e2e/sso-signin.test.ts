import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { startOidcIdp, type TestOidcIdp } from '../helpers/oidc-idp.js';
import type { SeedResult } from '../../src/seed/seed.js';
import { apiGet, signedIn } from './console-session.js';

/**
 * Issue 15, part 2, in a real browser: a member of an organization that requires SSO, signed in by
 * email, opens the console; the organization answers `sso-required`, the console leads the browser to
 * the SSO sign-in page, whose button goes to oidc-provider's own login and consent pages, and the
 * browser comes back signed in to the page it had asked for. Chromium stays on loopback (browser.ts).
 */
describe('console: signing in through the organization’s OpenID Connect provider', () => {
  let server: TestServer;
  let idp: TestOidcIdp;
  let browser: Browser;
  let seeded: SeedResult;
  const OWNER = 'olive@example.com';
  const MEMBER = 'sam@example.com';

  before(async () => {
    server = await startTestServer({ config: { secretKey: crypto.randomBytes(32) } });
    idp = await startOidcIdp({ redirectUri: `${server.url}/auth/sso/` });
    browser = await launchBrowser();
    seeded = await server.seed({
      users: [
        { email: OWNER, name: 'Olive Owner' },
        { email: MEMBER, name: 'Sam Member' },
      ],
      organizations: [{ slug: 'acme', name: 'Acme', members: [{ email: OWNER, role: 'owner' }, { email: MEMBER, role: 'member' }] }],
    });
    const response = await fetch(`${server.url}/api/0/organizations/acme/auth-provider/`, {
      method: 'POST',
      headers: { authorization: `Bearer ${seeded.users[OWNER]!.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ provider: 'oidc', config: { issuer: idp.issuer, client_id: idp.clientId, client_secret: idp.clientSecret } }),
    });
    assert.equal(response.status, 201, await response.text());
    idp.addAccount({ sub: 'sam-at-the-idp', email: MEMBER, email_verified: true, name: 'Sam Member' });
  });
  after(async () => {
    await browser?.close();
    await idp?.close();
    await server?.close();
  });

  it('leads an email-signed-in member through the provider’s login page and back into the console', async () => {
    const { page, errors, close } = await signedIn(browser, server, MEMBER);
    // oidc-provider's development pages ask for resources off this machine; the dead proxy refuses them.
    const refusedOutside: string[] = [];
    page.on('requestfailed', (request) => {
      if (new URL(request.url()).hostname !== '127.0.0.1') refusedOutside.push(request.url());
    });
    try {
      // Signed in, the console opened the organization, met `sso-required` and went to its sign-in page.
      await page.waitForURL(`${server.url}/auth/login/acme/?next=${encodeURIComponent('/organizations/acme/members/')}`);
      await page.getByRole('heading', { name: 'Sign in to Acme' }).waitFor();
      await page.getByRole('button', { name: 'Continue with OpenID Connect' }).click();

      // oidc-provider's own login form, then its consent form.
      await page.waitForURL(new RegExp(`^${idp.issuer}/`));
      await page.locator('input[name="login"]').fill('sam-at-the-idp');
      await page.locator('input[name="password"]').fill('any password');
      await page.locator('button[type="submit"]').click();
      await page.locator('button[type="submit"]').waitFor();
      await page.locator('button[type="submit"]').click();

      await page.waitForURL(`${server.url}/organizations/acme/members/`);
      await page.getByRole('heading', { name: 'Members' }).waitFor();
      const members = await apiGet<Array<{ email: string; flags: Record<string, boolean> }>>(server, seeded.users[OWNER]!.token, '/api/0/organizations/acme/members/');
      assert.equal(members.find((member) => member.email === MEMBER)?.flags['sso:linked'], true);
      const proxyRefusals = errors.filter((error) => /ERR_PROXY_CONNECTION_FAILED/.test(error));
      assert.ok(proxyRefusals.length <= refusedOutside.length, `only requests off loopback failed: ${refusedOutside.join(', ')}`);
      assert.deepEqual(errors.filter((error) => !/401/.test(error) && !/ERR_PROXY_CONNECTION_FAILED/.test(error)), []);
    } finally {
      await close();
    }
  });
});
