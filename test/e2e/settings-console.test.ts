import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import type { SeedResult } from '../../src/seed/seed.js';
import { apiGet, signedIn } from './console-session.js';

const MANAGER_SECRET = 'JBSWY3DPEHPK3PXP';

/** Issue 12, settings and layout: refused saves explained, counts of who is pended, the danger zone, the phone layout. */
describe('console: settings, danger zone, phone layout', () => {
  let server: TestServer;
  let browser: Browser;
  let seeded: SeedResult;
  const OWNER = 'olive@example.com';
  const org = () => apiGet<{ status: { id: string } }>(server, seeded.users[OWNER]!.token, '/api/0/organizations/acme/');

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    seeded = await server.seed({
      users: [
        // The owner has no 2FA: an owner a manager could not remove, and one who may not require 2FA yet.
        { email: OWNER, name: 'Olive Owner', emailVerified: true },
        { email: 'manny@example.com', name: 'Manny Manager', emailVerified: true, totpSecret: MANAGER_SECRET },
        { email: 'mel@example.com', name: 'Mel Member', emailVerified: false },
        { email: 'max@example.com', name: 'Max Member', emailVerified: false },
      ],
      organizations: [
        {
          slug: 'acme',
          name: 'Acme',
          members: [
            { email: OWNER, role: 'owner' },
            { email: 'manny@example.com', role: 'manager' },
            { email: 'mel@example.com', role: 'member' },
            { email: 'max@example.com', role: 'member' },
            // A pending invite has no 2FA either, and is never counted.
            { email: 'pat@example.com', role: 'member', pending: true, invitedBy: OWNER },
          ],
        },
      ],
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('counts only the members enforcing 2FA would pend: not those above the requester, not invites', { timeout: 120_000 }, async () => {
    const { page, errors, close } = await signedIn(browser, server, 'manny@example.com', { totpSecret: MANAGER_SECRET });
    await page.goto(`${server.url}/organizations/acme/settings/`);
    await page.getByLabel('Require two-factor authentication').check();
    // Mel and Max; not Olive (an owner: a manager cannot remove her, so she is only emailed), not Pat.
    await page.getByText('2 members without two-factor authentication will be removed').waitFor();
    await page.getByText('1 without it has a role above yours: you could not remove them, so they are only emailed.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Save settings' }).isDisabled(), false);
    assert.deepEqual(errors, []);
    await close();
  });

  it('disables Save on a setting the API would refuse, with the reason and a link to fix it; counts unverified members', { timeout: 120_000 }, async () => {
    const { page, errors, close } = await signedIn(browser, server, OWNER);
    await page.goto(`${server.url}/organizations/acme/settings/`);
    await page.getByLabel('Require two-factor authentication').check();
    const save = page.getByRole('button', { name: 'Save settings' });
    await page.getByText('Requiring two-factor authentication needs it on your own account first.').waitFor();
    assert.equal(await save.isDisabled(), true);
    const reason = await save.evaluate((button) => document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent);
    assert.match(reason ?? '', /needs it on your own account/);
    const enrol = page.getByRole('link', { name: 'Set up two-factor authentication' });
    assert.equal(await enrol.getAttribute('href'), '/account/');

    await page.getByLabel('Require two-factor authentication').uncheck();
    await page.getByLabel('Require verified email addresses').check();
    // Mel and Max are unverified; Olive and Manny are verified; the invite is not a member yet.
    await page.getByText('2 members whose email address is not verified will be removed').waitFor();
    assert.equal(await save.isDisabled(), false);
    assert.deepEqual(errors, []);
    await close();
  });

  it('the danger zone makes another member an owner, then deletes the organization and restores it', { timeout: 180_000 }, async () => {
    const { page, errors, close } = await signedIn(browser, server, OWNER);
    await page.goto(`${server.url}/organizations/acme/settings/`);
    const zone = page.getByRole('region', { name: 'Danger zone' });
    await zone.getByRole('searchbox', { name: 'New owner' }).fill('manny');
    await zone.getByRole('button', { name: 'Choose Manny Manager' }).click();
    await zone.getByRole('button', { name: 'Make Manny Manager an owner' }).click();
    await zone.getByRole('button', { name: 'Make owner' }).click();
    await zone.getByText('Manny Manager is now an owner.').waitFor();
    const manny = seeded.organizations.acme!.members['manny@example.com']!;
    assert.equal((await apiGet<{ orgRole: string }>(server, seeded.users[OWNER]!.token, `/api/0/organizations/acme/members/${manny}/`)).orgRole, 'owner');

    await zone.getByRole('button', { name: 'Delete organization' }).click();
    await zone.getByRole('button', { name: 'Delete organization' }).click();
    const notice = page.getByText('Acme is queued for deletion.');
    await notice.waitFor();
    assert.equal((await org()).status.id, 'pending_deletion');
    // The notice stands on every page of the organization.
    await page.getByRole('link', { name: 'Members' }).click();
    await notice.waitFor();
    await page.getByRole('button', { name: 'Restore organization' }).click();
    await notice.waitFor({ state: 'detached' });
    assert.equal((await org()).status.id, 'active');

    // The deletion email's restore link opens a page that does the same.
    const deleted = await fetch(`${server.url}/api/0/organizations/acme/`, { method: 'DELETE', headers: { authorization: `Bearer ${seeded.users[OWNER]!.token}` } });
    assert.equal(deleted.status, 202);
    await page.goto(`${server.url}/organizations/acme/restore/`);
    await page.getByRole('heading', { name: 'Restore organization' }).waitFor();
    await page.getByRole('button', { name: 'Restore organization' }).click();
    await page.waitForURL(/\/organizations\/acme\/members\/$/);
    assert.equal((await org()).status.id, 'active');
    assert.deepEqual(errors, []);
    await close();
  });

  it('on a phone the tab bar shows that it scrolls, and the audit log reads as labelled entries', { timeout: 120_000 }, async () => {
    const { page, errors, close } = await signedIn(browser, server, OWNER, { viewport: { width: 320, height: 700 } });
    await page.goto(`${server.url}/organizations/acme/audit-log/`);
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    const tabs = page.locator('.sections-wrap');
    const bar = page.getByRole('navigation', { name: 'Organization sections' });
    assert.ok(await bar.evaluate((nav) => nav.scrollWidth > nav.clientWidth), 'the tabs do not fit');
    // The current tab (Audit log, the last) is scrolled into view, so the hint points back to the start.
    await page.waitForFunction(() => document.querySelector('.sections-wrap')?.getAttribute('data-more') === 'start');
    await bar.evaluate((nav) => nav.scrollTo({ left: 0 }));
    await page.waitForFunction(() => document.querySelector('.sections-wrap')?.getAttribute('data-more') === 'end');
    assert.equal(await tabs.locator('.more-tabs').isVisible(), true, 'an arrow says more tabs wait to the right');

    await page.locator('tbody tr').first().waitFor();
    const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    assert.ok(fits, 'nothing scrolls sideways');
    const cell = page.locator('tbody tr td').first();
    assert.equal(await cell.evaluate((td) => getComputedStyle(td, '::before').content), '"When"');
    assert.equal(await page.locator('tbody tr').first().evaluate((tr) => getComputedStyle(tr).display), 'block');
    assert.deepEqual(errors, []);
    await close();
  });
});
