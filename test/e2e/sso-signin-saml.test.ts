import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { startSamlIdpWithPages, type TestSamlIdpWithPages } from '../helpers/saml-idp-pages.js';
import { samlServiceProviderFor } from '../../src/sso/sso-protocol.js';
import type { SeedResult } from '../../src/seed/seed.js';
import { apiGet, signedIn } from './console-session.js';

/**
 * Issue 15, part 2, SAML in a real browser: a member of an organization that requires SSO, signed in
 * by email, opens the console; the organization answers `sso-required`, the console leads the browser
 * to the SSO sign-in page, whose button goes to the SAML IdP's login page, and the IdP's page POSTs
 * the signed response to Roster's ACS. The IdP is `localhost` and Roster `127.0.0.1`, two sites: the
 * session cookie set in answer to that cross-site POST must reach the console (SameSite=Lax allows a
 * cookie set by a top-level navigation, and sends it on the redirect that follows). Chromium stays
 * on loopback (browser.ts).
 */
describe('console: signing in through the organization’s SAML 2.0 provider', () => {
  let server: TestServer;
  let idp: TestSamlIdpWithPages;
  let browser: Browser;
  let seeded: SeedResult;
  const OWNER = 'olive@example.com';
  const MEMBER = 'sam@example.com';

  before(async () => {
    server = await startTestServer();
    idp = await startSamlIdpWithPages(samlServiceProviderFor(server.config, 'acme'));
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
      body: JSON.stringify({ provider: 'saml2', config: { idp_metadata_xml: idp.metadataXml } }),
    });
    assert.equal(response.status, 201, await response.text());
    idp.addUser('sam', { nameId: 'sam-at-the-idp', email: MEMBER, name: 'Sam Member' });
  });
  after(async () => {
    await browser?.close();
    await idp?.close();
    await server?.close();
  });

  it('leads an email-signed-in member through the IdP’s login page, POSTs its response to the ACS, and lands in the console signed in', async () => {
    const { page, errors, close } = await signedIn(browser, server, MEMBER);
    const emailSession = (await page.context().cookies(server.url)).find((cookie) => cookie.name === 'roster_session')?.value;
    assert.ok(emailSession, 'signed in by email');
    const acsPosts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url() === `${server.url}/saml/acs/acme/`) acsPosts.push(request.headers()['origin'] ?? '');
    });
    try {
      // Signed in, the console opened the organization, met `sso-required` and went to its sign-in page.
      await page.waitForURL(`${server.url}/auth/login/acme/?next=${encodeURIComponent('/organizations/acme/members/')}`);
      await page.getByRole('heading', { name: 'Sign in to Acme' }).waitFor();
      await page.getByRole('button', { name: /^Continue with / }).click();

      // The IdP's login page, at the SSO URL its metadata names, on another site than Roster's.
      await page.waitForURL((url) => `${url.origin}${url.pathname}` === idp.ssoUrl && url.searchParams.has('SAMLRequest'));
      assert.notEqual(new URL(idp.ssoUrl).hostname, new URL(server.url).hostname);
      await page.getByLabel('User').fill('sam');
      await page.getByRole('button', { name: 'Sign in' }).click();

      // Its POST-binding page submits to the ACS; Roster answers with the session and the console.
      await page.waitForURL(`${server.url}/organizations/acme/members/`);
      await page.getByRole('heading', { name: 'Members' }).waitFor();
      await page.getByText(OWNER).first().waitFor();
      assert.deepEqual(acsPosts, [new URL(idp.ssoUrl).origin], 'one cross-site POST to the ACS, from the IdP’s page');

      const ssoSession = (await page.context().cookies(server.url)).find((cookie) => cookie.name === 'roster_session');
      assert.ok(ssoSession && ssoSession.value !== emailSession, 'the ACS answered with a new session');
      assert.equal(ssoSession.sameSite, 'Lax');
      const organization = await page.evaluate(async () => (await fetch('/api/0/organizations/acme/')).status);
      assert.equal(organization, 200, 'the console’s own requests pass the require-SSO gate');
      const members = await apiGet<Array<{ email: string; flags: Record<string, boolean> }>>(server, seeded.users[OWNER]!.token, '/api/0/organizations/acme/members/');
      assert.equal(members.find((member) => member.email === MEMBER)?.flags['sso:linked'], true);
      assert.deepEqual(errors.filter((error) => !/401/.test(error)), []);
    } finally {
      await close();
    }
  });
});
