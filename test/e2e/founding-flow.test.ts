import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { ParsedMail } from 'mailparser';
import { launchBrowser, watchErrors } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import type { SeedResult } from '../../src/seed/seed.js';
import { totpCode } from '../../src/identity/totp.js';

const SECRET = 'JBSWY3DPEHPK3PXP';
const OWNER = 'olive@example.com';
const INVITEE = 'ivy@example.com';
const STALE = 'old.invite@example.com';
const STALE_EXPIRY = '2020-01-31T12:00:00.000Z';
// A loaded 2-core machine renders and answers slowly: every wait is generous, none is a sleep.
const WAIT_MS = 30_000;

const recipient = (mail: ParsedMail) => (mail.to && 'text' in mail.to ? mail.to.text : '');

/**
 * The founding document's flow in the console (issue 7), in a real browser against a real server:
 * sign in by the emailed link, invite, accept in a second browser, change role and team roles,
 * require 2FA and watch the member be pended, then read it all in the audit log.
 */
describe('console: the founding flow, end to end', () => {
  let server: TestServer;
  let browser: Browser;
  let seeded: SeedResult;

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    seeded = await server.seed({
      users: [
        // The owner has 2FA: only a compliant user may turn on require2FA.
        { email: OWNER, name: 'Olive Owner', totpSecret: SECRET },
        { email: 'nora@example.com', name: 'Nora Nofa' },
      ],
      organizations: [
        {
          slug: 'acme',
          name: 'Acme',
          teams: [
            { slug: 'backend', name: 'Backend' },
            { slug: 'frontend', name: 'Frontend' },
          ],
          members: [
            { email: OWNER, role: 'owner', teams: [{ slug: 'backend', role: null }] },
            { email: 'nora@example.com', role: 'member' },
            // An invite nobody took up in time: the Members page marks it expired, and says since when.
            { email: STALE, role: 'member', pending: true, invitedBy: OWNER, tokenExpiresAt: STALE_EXPIRY },
          ],
        },
      ],
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Waits for the newest email to an address whose subject matches, and returns it. */
  async function mailTo(email: string, subject: RegExp): Promise<ParsedMail> {
    const matches = (mail: ParsedMail) => recipient(mail) === email && subject.test(mail.subject ?? '');
    const all = await server.smtp.waitFor((messages) => messages.some(matches), WAIT_MS);
    return all.filter(matches).at(-1)!;
  }

  function linkIn(mail: ParsedMail, path: string): string {
    const link = new RegExp(`${server.url}${path}`).exec(String(mail.text))?.[0];
    assert.ok(link, `the email carries a link to this server matching ${path}`);
    return link;
  }

  /** The Members page row of a pending invite: its state badge, and a <time> naming the API's expiry. */
  async function assertInviteExpiry(page: Page, email: string, badgeText: RegExp, expiresAt: string): Promise<void> {
    const expiry = `time[datetime="${expiresAt}"]`;
    const row = page.getByRole('listitem').filter({ hasText: email });
    await row.locator(expiry).waitFor();
    const badge = row.locator('.badge', { has: page.locator(expiry) });
    assert.match(await badge.innerText(), badgeText);
    assert.equal(await badge.evaluate((element) => element.classList.contains('warn')), Date.parse(expiresAt) <= Date.now(), 'expired invites stand out');
  }

  async function newPage(): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
    const context = await browser.newContext();
    context.setDefaultTimeout(WAIT_MS);
    context.setDefaultNavigationTimeout(WAIT_MS);
    const page = await context.newPage();
    return { page, errors: watchErrors(page), close: () => context.close() };
  }

  it('sign in, invite, accept in a second browser, edit role and teams, require 2FA, read the audit log', { timeout: 300_000 }, async () => {
    const owner = await newPage();
    const page = owner.page;

    // 1. The owner asks for a sign-in link, opens the one that arrives by email, and gives a TOTP code.
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Sign in to Roster' }).waitFor();
    await page.getByLabel('Email address').fill(OWNER);
    await page.getByRole('button', { name: /sign-in link/i }).click();
    await page.getByText(`If ${OWNER} has an account, a sign-in link is on its way.`).waitFor();
    await page.goto(linkIn(await mailTo(OWNER, /sign-in/), '/signin/[0-9a-f]{64}/'));
    await page.getByRole('heading', { name: 'Two-factor authentication' }).waitFor();
    await page.getByLabel('Authentication code').fill(totpCode(SECRET, new Date()));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/organizations\/acme\/members\/$/);
    await page.getByRole('heading', { name: 'Members' }).waitFor();

    // 2. The owner invites Ivy as a manager in #backend through the Members page's invite dialog.
    await page.getByRole('button', { name: 'Invite members' }).click();
    const form = page.getByRole('dialog', { name: 'Invite new members' });
    await form.getByLabel('Email addresses').fill(INVITEE);
    await form.getByLabel('Role').selectOption({ label: 'Manager' });
    await form.getByText('Teams: none').click();
    await form.getByRole('checkbox', { name: '#backend' }).check();
    await form.getByRole('button', { name: 'Send invitation' }).click();
    await form.getByRole('status', { name: 'Invitation results' }).getByText(`${INVITEE}: Invitation sent.`).waitFor();
    await form.getByRole('button', { name: 'Done' }).click();
    // The subject's wording is the mail templates' business; it names the organization.
    const inviteLink = linkIn(await mailTo(INVITEE, /Join Acme/), '/accept/\\d+/[0-9a-f]{64}/');
    const memberId = /\/accept\/(\d+)\//.exec(inviteLink)![1]!;

    // The list shows when each pending invite expires (from the API's inviteExpiresAt), and marks the
    // one that already has.
    const ownerToken = seeded.users[OWNER]!.token;
    const getMember = async () => {
      const response = await page.request.get(`${server.url}/api/0/organizations/acme/members/${memberId}/`, { headers: { authorization: `Bearer ${ownerToken}` } });
      assert.equal(response.status(), 200);
      return (await response.json()) as {
        orgRole: string;
        pending: boolean;
        inviteExpiresAt: string | null;
        user: { email: string } | null;
        teamRoles: Array<{ teamSlug: string; role: string | null }>;
      };
    };
    const invited = await getMember();
    assert.ok(Math.abs(Date.parse(invited.inviteExpiresAt!) - (Date.now() + 30 * 24 * 3600_000)) < 10 * 60_000, 'expires in 30 days');
    await assertInviteExpiry(page, INVITEE, /^Invite pending · expires \S.*\d{4}\b/, invited.inviteExpiresAt!);
    await assertInviteExpiry(page, STALE, /^Invite expired on \S.*2020\b/, STALE_EXPIRY);

    // 3. In a second browser context with no session, Ivy opens the link, sees the organization and
    // the role, and accepts without an account: the account is made for the invited address.
    const invitee = await newPage();
    await invitee.page.goto(inviteLink);
    await invitee.page.getByRole('heading', { name: 'Invitation' }).waitFor();
    const offer = invitee.page.getByText('You are invited to join');
    await offer.waitFor();
    assert.match(await offer.innerText(), /You are invited to join Acme as Manager\b/);
    await invitee.page.getByRole('button', { name: 'Accept invitation' }).click();
    await invitee.page.getByText('You joined Acme. Your account is ready').waitFor();
    assert.deepEqual(invitee.errors, []);
    await invitee.close();

    const joined = await getMember();
    assert.equal(joined.pending, false);
    assert.equal(joined.inviteExpiresAt, null);
    assert.equal(joined.user?.email, INVITEE, 'the account was created for the invited address');

    // 4. Back as the owner: Ivy becomes a Member who is Team Admin of #backend and joins #frontend.
    await page.goto(`${server.url}/organizations/acme/members/`);
    await page.getByRole('link', { name: INVITEE, exact: true }).click();
    await page.waitForURL(new RegExp(`/organizations/acme/members/${memberId}/$`));
    const roles = page.getByRole('group', { name: 'Organization role' });
    await roles.getByRole('radio', { name: /^Manager/ }).and(page.locator(':checked')).waitFor();
    await roles.getByRole('radio', { name: /^Member/ }).check();
    await page.getByRole('button', { name: 'Save role' }).click();
    await page.getByText('Saved.').waitFor();
    // Team changes act at once, as on Sentry's member page: no save button.
    const teamRole = page.getByRole('combobox', { name: 'Team role in #backend' });
    await teamRole.selectOption({ label: 'Team Admin' });
    await page.getByText('is now Team Admin of #backend').waitFor();
    await page.getByRole('searchbox', { name: 'Add to team' }).fill('front');
    await page.getByRole('button', { name: /^Add .* to #frontend$/ }).click();
    await page.getByRole('combobox', { name: 'Team role in #frontend' }).waitFor();
    const edited = await getMember();
    assert.equal(edited.orgRole, 'member');
    assert.deepEqual(
      [...edited.teamRoles].sort((a, b) => a.teamSlug.localeCompare(b.teamSlug)),
      [
        { teamSlug: 'backend', role: 'admin' },
        { teamSlug: 'frontend', role: null },
      ],
    );

    // 5. Require 2FA on the Settings page: the consequence counts Nora and Ivy, a confirmation
    // follows, and then Ivy is pended (an invite again) and emailed how to rejoin.
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL(/\/organizations\/acme\/settings\/$/);
    await page.getByLabel('Require two-factor authentication').check();
    await page.getByText('2 members without two-factor authentication will be removed').waitFor();
    await page.getByRole('button', { name: 'Save settings' }).click();
    const review = page.getByRole('alertdialog', { name: 'Before you save' });
    await review.getByText('2 members without two-factor authentication').waitFor();
    await review.getByRole('button', { name: 'Save anyway' }).click();
    await page.getByText('Settings saved.').waitFor();
    await mailTo(INVITEE, /Mandatory: Enable Two-Factor Authentication/);

    await page.getByRole('link', { name: 'Members' }).click();
    await page.waitForURL(/\/organizations\/acme\/members\/$/);
    const ivyRow = page.getByRole('listitem').filter({ hasText: INVITEE });
    await ivyRow.getByText('Invite pending').waitFor();
    // Its link now opens the invite's own page.
    await ivyRow.getByRole('link', { name: INVITEE, exact: true }).click();
    await page.getByRole('form', { name: 'Invitation' }).waitFor();
    await page.getByRole('button', { name: 'Resend invite' }).waitFor();
    await page.goBack();
    await ivyRow.getByText('Invite pending').waitFor();
    const pended = await getMember();
    assert.equal(pended.pending, true);
    // Pending again with a new link, and so a new expiry, which the list shows.
    await assertInviteExpiry(page, INVITEE, /^Invite pending · expires /, pended.inviteExpiresAt!);

    // 6. The audit log, filtered by each event of the flow, shows its entries and nothing else.
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL(/\/organizations\/acme\/audit-log\/$/);
    await page.getByRole('table', { name: 'Audit log entries' }).waitFor();
    const expected: Array<[string, string]> = [
      ['member.invite', `invited member ${INVITEE}`],
      ['member.accept-invite', 'accepted the membership invite'],
      ['member.edit', `edited member ${INVITEE}`],
      ['org.edit', 'edited the organization setting'],
      ['member.pending', `required member ${INVITEE} to setup 2FA`],
    ];
    for (const [event, note] of expected) {
      await page.getByRole('combobox', { name: 'Event' }).selectOption(event);
      await page.waitForURL(new RegExp(`[?&]event=${event.replace('.', '\\.')}`));
      const table = page.getByRole('table', { name: 'Audit log entries' });
      await table.getByRole('row').filter({ hasText: note }).first().waitFor();
      await page.waitForFunction(
        (name) => {
          const table = document.querySelector('table');
          const cells = [...document.querySelectorAll('tbody tr td:nth-child(3)')].map((cell) => cell.textContent);
          return table?.getAttribute('aria-busy') === 'false' && cells.length > 0 && cells.every((text) => text === name);
        },
        event,
        { timeout: WAIT_MS },
      );
    }

    assert.deepEqual(owner.errors, []);
    await owner.close();
  });
});
