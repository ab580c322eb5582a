import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import type { SeedResult } from '../../src/seed/seed.js';
import { signedIn } from './console-session.js';

const OWNER = 'olive@example.com';
const IDP = { 'idp:provisioned': true };

/**
 * Issue 16, the console: the Authentication page turns SCIM on and shows the base URL and the token
 * once, rotates it (the new one shown once, the old one said to work 24 hours more) and turns it off
 * after saying what that does; members and teams the identity provider manages carry a badge, and the
 * controls the API would refuse are disabled with the reason beside them.
 */
describe('console: SCIM provisioning (issue 16)', () => {
  let server: TestServer;
  let browser: Browser;
  let seeded: SeedResult;

  const scimStatus = async (token: string) =>
    (await fetch(`${server.url}/api/0/organizations/acme/scim/v2/ServiceProviderConfig`, { headers: { authorization: `Bearer ${token}` } })).status;

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    seeded = await server.seed({
      users: [
        { email: OWNER, name: 'Olive Owner', emailVerified: true },
        { email: 'pia@example.com', name: 'Pia Provisioned', emailVerified: true },
      ],
      organizations: [
        {
          slug: 'acme',
          name: 'Acme',
          authProvider: { provider: 'saml2' },
          teams: [
            { slug: 'synced', name: 'Synced', idpProvisioned: true },
            { slug: 'local', name: 'Local' },
          ],
          members: [
            { email: OWNER, role: 'owner', teams: [{ slug: 'synced' }, { slug: 'local' }] },
            { email: 'pia@example.com', role: 'member', flags: IDP, teams: [{ slug: 'synced' }] },
            { email: 'ivy@example.com', role: 'member', pending: true, flags: IDP },
          ],
        },
      ],
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an owner enables SCIM, copies the token shown once, rotates it, and disables SCIM after reading what it does', { timeout: 240_000 }, async () => {
    const { page, errors, close } = await signedIn(browser, server, OWNER);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.goto(`${server.url}/organizations/acme/settings/auth/`);
    const card = page.getByRole('region', { name: /SCIM provisioning/ });
    await card.getByRole('button', { name: 'Enable SCIM' }).click();

    const baseUrl = card.getByRole('textbox', { name: 'SCIM base URL' });
    await baseUrl.waitFor();
    assert.equal(await baseUrl.inputValue(), `${server.url}/api/0/organizations/acme/scim/v2`);
    const tokenField = card.getByRole('textbox', { name: 'SCIM token' });
    const first = await tokenField.inputValue();
    assert.match(first, /^scim_[0-9a-f]{64}$/);
    await card.getByText(/Roster shows it only this once/).waitFor();
    await card.getByRole('button', { name: 'Copy SCIM token' }).click();
    await card.getByText('Copied.').first().waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), first);
    assert.equal(await scimStatus(first), 200, 'the token shown opens the SCIM API');

    // Shown once: after a reload the page has the URL, never the token.
    await page.reload();
    await card.getByRole('textbox', { name: 'SCIM base URL' }).waitFor();
    assert.equal(await card.getByRole('textbox', { name: 'SCIM token' }).count(), 0);

    await card.getByRole('button', { name: 'Rotate SCIM token' }).click();
    await card.getByText(/current one keeps working for 24 hours/).waitFor();
    await card.getByRole('button', { name: 'Rotate token' }).click();
    await card.getByText(/previous token keeps working for 24 hours/).waitFor();
    const second = await card.getByRole('textbox', { name: 'SCIM token' }).inputValue();
    assert.match(second, /^scim_[0-9a-f]{64}$/);
    assert.notEqual(second, first);
    assert.equal(await scimStatus(second), 200);
    assert.equal(await scimStatus(first), 200, 'the old token works for 24 hours more');

    await card.getByRole('button', { name: 'Disable SCIM' }).click();
    await card.getByText(/token is revoked at once, and every member and team the identity provider manages becomes an ordinary one/).waitFor();
    await card.getByRole('group', { name: 'Confirm' }).getByRole('button', { name: 'Disable SCIM' }).click();
    await card.getByRole('button', { name: 'Enable SCIM' }).waitFor();
    assert.equal(await scimStatus(second), 401, 'the token is revoked');
    assert.equal(await card.getByRole('textbox', { name: 'SCIM token' }).count(), 0);
    assert.deepEqual(errors, []);
    await close();
  });

  it('members and teams the identity provider manages carry a badge, and their remove, leave, rename, delete and membership controls are disabled with the reason', { timeout: 240_000 }, async () => {
    // Flags as SCIM leaves them (the previous test turned SCIM off, which reset them).
    const org = seeded.organizations.acme!;
    await server.testDatabase.database.db.updateTable('members').set({ idp_provisioned: true }).where('organization_id', '=', org.id).where('id', 'in', [org.members['pia@example.com']!, org.members['ivy@example.com']!]).execute();
    await server.testDatabase.database.db.updateTable('teams').set({ idp_provisioned: true }).where('id', '=', org.teams.synced!).execute();

    const { page, errors, close } = await signedIn(browser, server, OWNER);
    await page.goto(`${server.url}/organizations/acme/members/`);
    const pia = page.getByRole('listitem').filter({ hasText: 'Pia Provisioned' });
    await pia.getByText('Identity provider', { exact: true }).waitFor();
    assert.equal(await pia.getByRole('button', { name: 'Remove Pia Provisioned', exact: true }).isDisabled(), true);
    await pia.getByText(/Managed by your identity provider \(SCIM\)/).waitFor();
    const ivy = page.getByRole('listitem').filter({ hasText: 'ivy@example.com' });
    assert.equal(await ivy.getByRole('button', { name: 'Withdraw invite to ivy@example.com' }).isDisabled(), true);
    assert.equal(await ivy.getByRole('button', { name: 'Resend invite to ivy@example.com' }).isDisabled(), false, 'a provisioned invite may still be resent');
    const olive = page.getByRole('listitem').filter({ hasText: 'Olive Owner' });
    assert.equal(await olive.getByText('Identity provider', { exact: true }).count(), 0);

    await page.goto(`${server.url}/organizations/acme/members/${org.members['pia@example.com']}/`);
    assert.equal(await page.getByRole('button', { name: 'Remove Pia Provisioned', exact: true }).isDisabled(), true);
    await page.getByText(/change the members of this team there/).first().waitFor();
    assert.equal(await page.getByRole('button', { name: 'Remove Pia Provisioned from #synced' }).isDisabled(), true);
    await page.getByText(/remove this member there/).waitFor();

    await page.goto(`${server.url}/organizations/acme/teams/`);
    await page.getByRole('listitem').filter({ hasText: '#synced' }).getByText('Identity provider', { exact: true }).waitFor();
    assert.equal(await page.getByRole('listitem').filter({ hasText: '#local' }).getByText('Identity provider', { exact: true }).count(), 0);

    await page.goto(`${server.url}/organizations/acme/teams/synced/`);
    await page.getByText(/rename, delete or change the members of this team there/).first().waitFor();
    assert.equal(await page.getByRole('button', { name: 'Delete team' }).isDisabled(), true);
    assert.equal(await page.getByRole('button', { name: 'Save', exact: true }).isDisabled(), true);
    assert.equal(await page.getByRole('button', { name: 'Remove Pia Provisioned from #synced' }).isDisabled(), true);

    await page.goto(`${server.url}/organizations/acme/teams/local/`);
    await page.getByRole('heading', { name: '#local' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Delete team' }).isDisabled(), false, 'a team of Roster keeps its controls');
    assert.deepEqual(errors, []);
    await close();
  });
});
