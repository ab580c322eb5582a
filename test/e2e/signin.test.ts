import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, watchErrors } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { totpCode } from '../../src/identity/totp.js';

const SECRET = 'JBSWY3DPEHPK3PXP';

/** Signing in to the console in a real browser: the emailed link, the TOTP step, sessions, the 2FA gate. */
describe('console: signing in', () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    await server.seed({
      users: [
        { email: 'olive@example.com', name: 'Olive Owner' },
        { email: 'tess@example.com', name: 'Tess Twofa', totpSecret: SECRET },
        { email: 'nora@example.com', name: 'Nora Nofa' },
      ],
      organizations: [
        { slug: 'acme', name: 'Acme', members: [{ email: 'olive@example.com', role: 'owner' }, { email: 'tess@example.com', role: 'member' }] },
        { slug: 'globex', name: 'Globex', members: [{ email: 'olive@example.com', role: 'member' }] },
        { slug: 'strict', name: 'Strict', settings: { require2FA: true }, members: [{ email: 'nora@example.com', role: 'member' }] },
      ],
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Asks for a link on the sign-in page, then opens the one that arrives by email. */
  async function signInByEmail(page: Page, email: string) {
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Sign in to Roster' }).waitFor();
    // By keyboard alone: the label leads to the field, Enter submits.
    await page.getByLabel('Email address').focus();
    await page.keyboard.type(email);
    await page.keyboard.press('Enter');
    await page.getByText(`If ${email} has an account, a sign-in link is on its way.`).waitFor();
    const messages = await server.smtp.waitFor((all) => all.some((mail) => mail.to && 'text' in mail.to && mail.to.text === email && mail.subject?.includes('sign-in')));
    const mail = messages.filter((m) => m.to && 'text' in m.to && m.to.text === email).at(-1)!;
    const link = new RegExp(`${server.url}/signin/[0-9a-f]{64}/`).exec(String(mail.text))?.[0];
    assert.ok(link, 'the email carries a sign-in link to this server');
    await page.goto(link);
  }

  it('signs in through the emailed link, switches organizations, creates one, and signs out', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signInByEmail(page, 'olive@example.com');
    await page.waitForURL(/\/organizations\/(acme|globex)\/members\/$/);
    await page.getByRole('heading', { name: 'Members' }).waitFor();
    const cookie = (await context.cookies()).find((c) => c.name === 'roster_session');
    assert.ok(cookie && cookie.httpOnly && cookie.sameSite === 'Lax', 'an httpOnly, SameSite=Lax session cookie');

    const switcher = page.getByRole('combobox', { name: 'Organization', exact: true });
    await switcher.selectOption('globex');
    await page.waitForURL(/\/organizations\/globex\/members\/$/);
    await switcher.selectOption('acme');
    await page.waitForURL(/\/organizations\/acme\/members\/$/);

    await switcher.selectOption({ label: '+ New organization…' });
    await page.getByRole('heading', { name: 'New organization' }).waitFor();
    await page.getByLabel('Name').fill('Initech');
    // An API error lands next to its field: Sentry's {"slug": ["…"]} under the slug input.
    const slug = page.getByLabel('Slug (optional)');
    await slug.fill('api');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.locator('input[aria-invalid="true"]').waitFor();
    assert.equal(await slug.getAttribute('aria-invalid'), 'true');
    const slugError = page.locator(`[id="${(await slug.getAttribute('aria-describedby'))!.split(' ').at(-1)}"]`);
    assert.match(await slugError.innerText(), /\S/);
    await slug.fill('');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.waitForURL(/\/organizations\/initech\/members\/$/);
    // The switcher reloads its list after the page changes; wait for it rather than race it.
    await switcher.locator('option', { hasText: 'Initech' }).waitFor({ state: 'attached' });
    assert.deepEqual((await switcher.locator('option').allTextContents()).slice(0, 3).sort(), ['Acme', 'Globex', 'Initech']);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Roster' }).waitFor();
    const after = await page.request.get(`${server.url}/api/0/organizations/`, { headers: { cookie: `roster_session=${cookie.value}` } });
    assert.equal(after.status(), 401, 'the old cookie is revoked server-side');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('an account with 2FA gives a TOTP code after the link', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signInByEmail(page, 'tess@example.com');
    await page.getByRole('heading', { name: 'Two-factor authentication' }).waitFor();
    await page.getByLabel('Authentication code').fill('000000');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Invalid confirmation code. Try again.').waitFor();
    await page.getByLabel('Authentication code').fill(totpCode(SECRET, new Date()));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/organizations\/acme\/members\/$/);
    await page.getByRole('heading', { name: 'Members' }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("an organization that requires 2FA stops a member without it and leads to enrolment (Sentry's 2fa-required gate)", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    const link = await server.services.sessions.signinLinkFor('nora@example.com');
    await page.goto(link!);
    await page.waitForURL(/\/organizations\/strict\/members\/$/);
    await page.getByRole('heading', { name: 'Two-factor authentication required' }).waitFor();
    await page.getByRole('link', { name: 'Set up two-factor authentication' }).click();
    await page.waitForURL(/\/account\/\?enrol=totp/);
    await page.getByRole('heading', { name: 'Account' }).waitFor();
    await page.getByRole('heading', { name: 'Two-factor authentication' }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a used or unknown sign-in link says so and offers a new one', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/signin/${'0'.repeat(64)}/`);
    await page.getByText('This sign-in link is invalid or has expired. Ask for a new one.').waitFor();
    await page.getByRole('link', { name: 'Ask for a new sign-in link' }).click();
    await page.getByRole('heading', { name: 'Sign in to Roster' }).waitFor();
    await page.close();
  });
});
