import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import type { SeedResult } from '../../src/seed/seed.js';
import { apiGet, signedIn, WAIT_MS } from './console-session.js';

interface MemberJson {
  id: string;
  email: string;
  orgRole: string;
  pending: boolean;
  dateCreated: string;
  teamRoles: Array<{ teamSlug: string; role: string | null }>;
}

/** Issue 12, the members side of the console: the invite dialog, loading states, invite and member pages, row names, the only owner. */
describe('console: members', () => {
  let server: TestServer;
  let browser: Browser;
  let seeded: SeedResult;
  const OWNER = 'olive@example.com';
  const members = (query = '') => apiGet<MemberJson[]>(server, seeded.users[OWNER]!.token, `/api/0/organizations/acme/members/?query=${encodeURIComponent(query)}`);
  const member = (id: string) => apiGet<MemberJson>(server, seeded.users[OWNER]!.token, `/api/0/organizations/acme/members/${id}/`);

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    seeded = await server.seed({
      users: [
        { email: OWNER, name: 'Olive Owner' },
        { email: 'mel@example.com', name: 'Mel Member' },
        // Ada has 2FA and no other organization: an owner may reset it (canReset2fa), Tess is in two organizations.
        { email: 'ada@example.com', name: 'Ada Admin', totpSecret: 'JBSWY3DPEHPK3PXQ' },
        { email: 'tess@example.com', name: 'Tess Twofa', totpSecret: 'JBSWY3DPEHPK3PXR' },
      ],
      organizations: [
        {
          slug: 'acme',
          name: 'Acme',
          teams: [{ slug: 'backend', name: 'Backend' }, { slug: 'frontend', name: 'Frontend' }],
          members: [
            { email: OWNER, role: 'owner' },
            { email: 'mel@example.com', role: 'member', teams: [{ slug: 'backend', role: null }] },
            { email: 'ada@example.com', role: 'admin' },
            { email: 'tess@example.com', role: 'member' },
            { email: 'pat@example.com', role: 'member', pending: true, invitedBy: OWNER },
          ],
        },
        { slug: 'globex', name: 'Globex', members: [{ email: 'tess@example.com', role: 'owner' }] },
      ],
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('"Invite members" opens a dialog: several addresses with their role and teams, a result per address beside the form, the role reset after sending', { timeout: 180_000 }, async () => {
    const { page, errors, close } = await signedIn(browser, server, OWNER);
    await page.getByRole('heading', { name: 'Members' }).waitFor();
    // The button sits in the page header, above the list.
    const invite = page.getByRole('button', { name: 'Invite members' });
    const heading = await page.getByRole('heading', { name: 'Members' }).boundingBox();
    assert.ok(Math.abs((await invite.boundingBox())!.y - heading!.y) < 40, 'beside the heading, at the top');
    await invite.click();
    const dialog = page.getByRole('dialog', { name: 'Invite new members' });
    await dialog.getByLabel('Email addresses', { exact: true }).fill('ann@example.com, bob@example.com');
    await dialog.getByLabel('Role', { exact: true }).selectOption({ label: 'Manager' });
    await dialog.getByText('Teams: none').first().click();
    await dialog.getByRole('checkbox', { name: '#backend' }).check();
    await dialog.getByRole('button', { name: '+ Add another row' }).click();
    await dialog.getByLabel('Email addresses (row 2)').fill('mel@example.com');
    await dialog.getByRole('button', { name: 'Send 3 invitations' }).click();

    const results = dialog.getByRole('status', { name: 'Invitation results' });
    await results.getByText('ann@example.com: Invitation sent.').waitFor();
    await results.getByText('bob@example.com: Invitation sent.').waitFor();
    await results.getByText(/mel@example\.com: .*already a member/).waitFor();
    // Feedback next to the form: inside the dialog and on screen, not at the foot of the page.
    const box = (await results.boundingBox())!;
    const viewport = page.viewportSize()!;
    assert.ok(box.y >= 0 && box.y + box.height <= viewport.height, 'the results are visible without scrolling');
    // Only the failed address stays, in its row; the sent row is gone.
    assert.equal(await dialog.getByLabel('Email addresses', { exact: true }).inputValue(), 'mel@example.com');
    assert.equal(await dialog.getByLabel(/^Email addresses/).count(), 1);

    const ann = (await members('ann@example.com'))[0]!;
    assert.equal(ann.orgRole, 'manager');
    assert.deepEqual((await member(ann.id)).teamRoles.map((t) => t.teamSlug), ['backend']);

    // A send where every address goes through starts the form over, with the default role again.
    await dialog.getByLabel('Email addresses', { exact: true }).fill('cy@example.com');
    await dialog.getByLabel('Role', { exact: true }).selectOption({ label: 'Owner' });
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await results.getByText('cy@example.com: Invitation sent.').waitFor();
    assert.equal(await dialog.getByLabel('Email addresses', { exact: true }).inputValue(), '');
    assert.equal(await dialog.getByLabel('Role', { exact: true }).inputValue(), 'member', 'the role choice resets');
    assert.equal((await members('cy@example.com'))[0]!.orgRole, 'owner');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('listitem').filter({ hasText: 'cy@example.com' }).waitFor();
    assert.deepEqual(errors, []);
    await close();
  });

  it('shows placeholders where the list will be while it loads, and the rows take their place', { timeout: 120_000 }, async () => {
    const { page, errors, close } = await signedIn(browser, server, OWNER);
    await page.getByRole('heading', { name: 'Members' }).waitFor();
    // Hold the next member list in the browser until the placeholder has been seen: no timing involved.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const isList = (url: URL) => url.pathname === '/api/0/organizations/acme/members/';
    await page.route(isList, async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('link', { name: 'Teams' }).click();
    await page.getByRole('heading', { name: 'Teams' }).waitFor();
    await page.getByRole('link', { name: 'Members' }).click();
    const skeleton = page.getByRole('status', { name: 'Loading members' });
    await skeleton.waitFor();
    const placeholderTop = (await skeleton.boundingBox())!.y;
    release();
    await page.getByRole('list', { name: 'Members' }).getByRole('listitem').first().waitFor();
    assert.equal(await skeleton.count(), 0);
    const rowsTop = (await page.getByRole('list', { name: 'Members' }).boundingBox())!.y;
    assert.ok(Math.abs(rowsTop - placeholderTop) < 2, `the rows start where the placeholder was (${rowsTop} vs ${placeholderTop})`);
    await page.unroute(isList);
    assert.deepEqual(errors, []);
    await close();
  });

  it('names every row button for its row, and disables "Leave" for the only owner with the reason', { timeout: 120_000 }, async () => {
    const { page, errors, close } = await signedIn(browser, server, OWNER);
    const list = page.getByRole('list', { name: 'Members' });
    await list.getByRole('listitem').filter({ hasText: 'Mel Member' }).waitFor();
    await page.getByRole('button', { name: 'Remove Mel Member' }).waitFor();
    await page.getByRole('button', { name: 'Resend invite to pat@example.com' }).waitFor();
    await page.getByRole('button', { name: 'Withdraw invite to pat@example.com' }).waitFor();
    // No two buttons of the list share a name: each says which row it acts on.
    const names = await list.getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? b.textContent));
    assert.equal(new Set(names).size, names.length, `distinct names: ${names.join(' | ')}`);

    const leave = page.getByRole('button', { name: 'Leave the organization' });
    assert.equal(await leave.isDisabled(), true);
    const reason = await leave.evaluate((button) => document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent);
    assert.match(reason ?? '', /only owner/);
    await page.getByText('You are the only owner').waitFor();
    assert.deepEqual(errors, []);
    await close();
  });

  it("a pending invite has its own page: change its role and teams, resend it", { timeout: 120_000 }, async () => {
    const { page, errors, close } = await signedIn(browser, server, OWNER);
    await page.getByRole('link', { name: 'pat@example.com', exact: true }).click();
    await page.getByRole('heading', { name: 'pat@example.com' }).waitFor();
    const form = page.getByRole('form', { name: 'Invitation' });
    await form.getByRole('radio', { name: /^Manager/ }).check();
    await form.getByRole('checkbox', { name: '#frontend' }).check();
    await form.getByRole('button', { name: 'Save invitation' }).click();
    await page.getByText('The invitation was updated.').waitFor();
    const pat = (await members('pat@example.com'))[0]!;
    assert.equal(pat.pending, true);
    assert.equal(pat.orgRole, 'manager');
    assert.deepEqual((await member(pat.id)).teamRoles.map((t) => t.teamSlug), ['frontend']);

    const before = server.smtp.messages.filter((m) => m.to && 'text' in m.to && m.to.text === 'pat@example.com').length;
    await form.getByRole('button', { name: 'Resend invite' }).click();
    await page.getByText('The invitation was sent again to pat@example.com.').waitFor();
    await server.smtp.waitFor((all) => all.filter((m) => m.to && 'text' in m.to && m.to.text === 'pat@example.com').length > before, WAIT_MS);
    assert.deepEqual(errors, []);
    await close();
  });

  it('a member page says when they joined, and offers the 2FA reset only where allowed, disabled with the reason (no API route does it)', { timeout: 120_000 }, async () => {
    const { page, errors, close } = await signedIn(browser, server, OWNER);
    const ada = seeded.organizations.acme!.members['ada@example.com']!;
    await page.goto(`${server.url}/organizations/acme/members/${ada}/`);
    await page.getByRole('heading', { name: 'Ada Admin' }).waitFor();
    const joined = (await member(ada)).dateCreated;
    await page.locator(`dd time[datetime="${joined}"]`).waitFor();
    const reset = page.getByRole('button', { name: 'Reset two-factor authentication' });
    assert.equal(await reset.isDisabled(), true);
    const reason = await reset.evaluate((button) => document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent);
    assert.match(reason ?? '', /no route/);

    // Tess belongs to another organization too: nobody here may reset it, so nothing is offered.
    await page.goto(`${server.url}/organizations/acme/members/${seeded.organizations.acme!.members['tess@example.com']}/`);
    await page.getByRole('heading', { name: 'Tess Twofa' }).waitFor();
    assert.equal(await reset.count(), 0);
    assert.deepEqual(errors, []);
    await close();
  });
});
