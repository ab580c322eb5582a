import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import type { Browser, Locator } from 'playwright-core';
import type { ParsedMail } from 'mailparser';
import { launchBrowser } from '../helpers/browser.js';
import { startOidcIdp, type TestOidcIdp } from '../helpers/oidc-idp.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import type { SeedResult } from '../../src/seed/seed.js';
import { ssoUrls } from '../../src/sso/sso-urls.js';
import { apiGet, signedIn, WAIT_MS } from './console-session.js';

const OWNER = 'olive@example.com';

/** The text of the messages a field's `aria-describedby` points at (its hint and its error). */
const describedText = (field: Locator) =>
  field.evaluate((input) =>
    (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );

const mailsTo = (messages: ParsedMail[], address: string, subject: RegExp) =>
  messages.filter((mail) => mail.to && !Array.isArray(mail.to) && mail.to.text === address && subject.test(mail.subject ?? ''));

/**
 * Issue 15, part 3: the console's Authentication page configures an OIDC provider (an in-process
 * oidc-provider on loopback), shows the values to paste at it, changes Require SSO and disables SSO.
 */
describe('console: single sign-on settings (issue 15)', () => {
  let server: TestServer;
  let browser: Browser;
  let idp: TestOidcIdp;
  let seeded: SeedResult;
  const ownerApi = <T>(path: string) => apiGet<T>(server, seeded.users[OWNER]!.token, path);
  const providerStatus = async () =>
    (await fetch(`${server.url}/api/0/organizations/acme/auth-provider/`, { headers: { authorization: `Bearer ${seeded.users[OWNER]!.token}` } })).status;

  before(async () => {
    server = await startTestServer({ config: { secretKey: crypto.randomBytes(32) } });
    idp = await startOidcIdp({ redirectUri: `${server.url}/auth/sso/` });
    browser = await launchBrowser();
    seeded = await server.seed({
      users: [
        { email: OWNER, name: 'Olive Owner', emailVerified: true },
        { email: 'mel@example.com', name: 'Mel Member', emailVerified: true },
      ],
      organizations: [
        {
          slug: 'acme',
          name: 'Acme',
          members: [
            { email: OWNER, role: 'owner' },
            { email: 'mel@example.com', role: 'member' },
          ],
        },
      ],
    });
  });
  after(async () => {
    await browser?.close();
    await idp?.close();
    await server?.close();
  });

  it('an owner enables OIDC with the values to paste, sees a refused issuer beside its field, turns Require SSO on, rotates the secret, and disables SSO', { timeout: 240_000 }, async () => {
    const { page, errors, close } = await signedIn(browser, server, OWNER);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.goto(`${server.url}/organizations/acme/settings/`);
    await page.getByRole('navigation', { name: 'Settings pages' }).getByRole('link', { name: 'Authentication' }).click();
    await page.getByRole('heading', { name: 'Set up single sign-on' }).waitFor();

    // Before anything is configured: the redirect URI to register at the provider, and its copy button.
    const redirectUri = page.getByRole('textbox', { name: 'Redirect URI' });
    assert.equal(await redirectUri.inputValue(), `${server.url}/auth/sso/`);
    await page.getByRole('button', { name: 'Copy Redirect URI' }).click();
    await page.getByText('Copied.').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${server.url}/auth/sso/`);
    // SAML shows its own three values; all four are the server's own (src/sso/sso-urls.ts), which the console cannot import.
    const expected = ssoUrls(server.config, 'acme');
    assert.equal(expected.oidcRedirectUri, `${server.url}/auth/sso/`);
    await page.getByRole('radio', { name: 'SAML 2.0' }).check();
    assert.equal(await page.getByRole('textbox', { name: 'ACS URL' }).inputValue(), expected.samlAcsUrl);
    assert.equal(await page.getByRole('textbox', { name: 'Entity ID' }).inputValue(), expected.samlEntityId);
    assert.equal(await page.getByRole('textbox', { name: 'SP metadata URL' }).inputValue(), expected.samlMetadataUrl);
    // Metadata that is not XML: refused beside the field, nothing kept.
    await page.getByLabel('IdP metadata XML').fill('this is not metadata');
    await page.getByRole('button', { name: 'Enable single sign-on' }).click();
    await page.waitForFunction(() => document.querySelector('textarea[name="idp_metadata_xml"]')?.getAttribute('aria-invalid') === 'true', null, { timeout: WAIT_MS });
    // The field has no hint: what it points at is the API's reason.
    assert.match(await describedText(page.getByLabel('IdP metadata XML')), /\S/);
    assert.equal(await providerStatus(), 404);
    // The explicit form names each missing field.
    await page.getByRole('radio', { name: 'Enter its entity ID, SSO URL and certificate' }).check();
    await page.getByRole('button', { name: 'Enable single sign-on' }).click();
    await page.getByText('This field is required (or send idp_metadata_xml instead).').waitFor();
    assert.match(await describedText(page.getByLabel('IdP entity ID')), /This field is required/);
    await page.getByRole('radio', { name: 'OpenID Connect' }).check();

    // An issuer with no discovery document (nothing listens on port 9): the API's 400 stands beside the field.
    const issuer = page.getByLabel('Issuer');
    await issuer.fill('http://127.0.0.1:9');
    await page.getByLabel('Client ID').fill(idp.clientId);
    await page.getByLabel('Client secret').fill(idp.clientSecret);
    await page.getByLabel('Require SSO').uncheck();
    await page.getByRole('button', { name: 'Enable single sign-on' }).click();
    await page.waitForFunction(() => document.querySelector('input[name="issuer"]')?.getAttribute('aria-invalid') === 'true', null, { timeout: WAIT_MS });
    assert.match(await describedText(issuer), /The issuer could not be reached\./);
    assert.equal(await providerStatus(), 404, 'nothing was kept');

    await issuer.fill(idp.issuer);
    await page.getByRole('button', { name: 'Enable single sign-on' }).click();
    await page.getByRole('heading', { name: 'Single sign-on through OpenID Connect' }).waitFor();
    const provider = await ownerApi<{ require_link: boolean; service_provider: { redirect_uri?: string }; login_url: string }>('/api/0/organizations/acme/auth-provider/');
    assert.equal(provider.require_link, false, 'the form sent Require SSO off');
    // The value shown before the provider existed is the one the API now gives.
    assert.equal(provider.service_provider.redirect_uri, `${server.url}/auth/sso/`);
    assert.equal(await page.getByRole('textbox', { name: 'Redirect URI' }).inputValue(), provider.service_provider.redirect_uri);
    // Olive and Mel have no linked identity yet.
    await page.getByText('2 members have not linked an identity yet').waitFor();
    const testSignIn = page.getByRole('link', { name: 'Test sign-in' });
    assert.equal(await testSignIn.getAttribute('href'), `${server.url}/auth/login/acme/`);
    assert.equal(await testSignIn.getAttribute('target'), '_blank');

    await page.getByRole('button', { name: 'Send reminders' }).click();
    await page.getByText('Reminders sent to 2 members without a linked identity.').waitFor();
    // Enabling emailed Mel the link request once; the reminder, once more.
    await server.smtp.waitFor((messages) => mailsTo(messages, 'mel@example.com', /^Action Required for Acme/).length >= 2, WAIT_MS);

    // Require SSO: the Save button says why it is disabled until a rule changes.
    const saveRules = page.getByRole('button', { name: 'Save sign-in rules' });
    assert.equal(await saveRules.isDisabled(), true);
    assert.match(await describedText(saveRules), /change a rule first/);
    await page.getByRole('form', { name: 'Sign-in rules' }).getByLabel('Require SSO').check();
    await saveRules.click();
    await page.getByText('Sign-in rules saved.').waitFor();
    assert.equal((await ownerApi<{ require_link: boolean }>('/api/0/organizations/acme/auth-provider/')).require_link, true);

    // A rotated client secret is sent alone, checked with the provider again, and recorded.
    await page.getByRole('button', { name: 'Change provider settings' }).click();
    const saveSettings = page.getByRole('button', { name: 'Save provider settings' });
    assert.equal(await saveSettings.isDisabled(), true, 'nothing changed yet');
    assert.equal(await page.getByLabel('Issuer').inputValue(), idp.issuer);
    await page.getByLabel('Client secret').fill(idp.clientSecret);
    await saveSettings.click();
    await page.getByText('Provider settings saved.').waitFor();
    const edits = await ownerApi<{ rows: Array<{ data: Record<string, unknown> }> }>('/api/0/organizations/acme/audit-logs/?event=sso.edit');
    assert.deepEqual(
      edits.rows.map((row) => row.data.config),
      ['client_secret', undefined],
      'the newest edit changed only the secret; the one before, only Require SSO',
    );

    // Disabling says what it does before it acts.
    const disable = page.getByRole('region', { name: 'Disable single sign-on' });
    await disable.getByRole('button', { name: 'Disable SSO' }).click();
    await disable.getByText('Disable SSO for Acme? Every member is emailed and every linked identity is removed.').waitFor();
    await disable.getByRole('button', { name: 'Disable SSO' }).click();
    await page.getByRole('heading', { name: 'Set up single sign-on' }).waitFor();
    assert.equal(await providerStatus(), 404);
    await server.smtp.waitFor((messages) => mailsTo(messages, 'mel@example.com', /^Single sign-on disabled for Acme/).length === 1, WAIT_MS);
    assert.deepEqual(errors, []);
    await close();
  });

  it('a member sees whether SSO is on and why they cannot change it', { timeout: 120_000 }, async () => {
    const { page, errors, close } = await signedIn(browser, server, 'mel@example.com');
    await page.goto(`${server.url}/organizations/acme/settings/auth/`);
    await page.getByText('Acme does not use single sign-on: members sign in with email links.').waitFor();
    await page.getByText('Changing how members sign in needs the manager or owner role.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Enable single sign-on' }).count(), 0);
    assert.deepEqual(errors, []);
    await close();
  });
});
