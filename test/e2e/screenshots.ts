// Screenshots of the console's main pages, for the README: `node --import tsx test/e2e/screenshots.ts [page…]`.
// Starts a Roster on a random port (PGlite in memory), loads a demo organization, makes a little
// history through the API, then drives Debian's chromium through the pages and writes PNGs to
// docs/screenshots/. Name pages to take only those (e.g. `members settings`).
import crypto from 'node:crypto';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.js';
import { startTestServer } from '../helpers/server.js';
import { testCertificate } from '../helpers/saml-certificates.js';
import { startWebhookReceiver } from '../helpers/webhook-receiver.js';

const OUT = path.resolve(import.meta.dirname, '../../docs/screenshots');
const only = process.argv.slice(2);

// With the webhook worker, as `roster serve` runs it, so the Webhooks page has deliveries to show.
const server = await startTestServer({ env: { ROSTER_WEBHOOK_ALLOW_PRIVATE: '1', ROSTER_SECRET_KEY: crypto.randomBytes(32).toString('base64') }, webhooks: true });
const seeded = await server.seed({
  users: [
    { email: 'olive@example.com', name: 'Olive Owner', emailVerified: true },
    { email: 'manny@example.com', name: 'Manny Manager', emailVerified: true, totpSecret: 'JBSWY3DPEHPK3PXP' },
    { email: 'mel@example.com', name: 'Mel Member' },
    { email: 'ada@example.com', name: 'Ada Admin', totpSecret: 'JBSWY3DPEHPK3PXQ' },
  ],
  organizations: [
    {
      slug: 'acme',
      name: 'Acme',
      settings: { openMembership: false },
      teams: [{ slug: 'backend', name: 'Backend' }, { slug: 'frontend', name: 'Frontend' }, { slug: 'platform', name: 'Platform' }],
      members: [
        { email: 'olive@example.com', role: 'owner', teams: [{ slug: 'backend', role: null }] },
        { email: 'manny@example.com', role: 'manager', teams: [{ slug: 'frontend', role: null }] },
        { email: 'mel@example.com', role: 'member', teams: [{ slug: 'backend', role: 'admin' }] },
        { email: 'ada@example.com', role: 'admin', teams: [{ slug: 'platform', role: null }] },
        { email: 'invited@example.com', role: 'member', pending: true, invitedBy: 'olive@example.com' },
        { email: 'late@example.com', role: 'member', pending: true, invitedBy: 'olive@example.com', tokenExpiresAt: '2020-01-01T00:00:00Z' },
      ],
    },
    { slug: 'globex', name: 'Globex', members: [{ email: 'olive@example.com', role: 'member' }] },
  ],
});
const org = seeded.organizations.acme!;
const owner = seeded.users['olive@example.com']!.token;
const mel = seeded.users['mel@example.com']!.token;

// Some history for the audit log and an access request; endpoints not there yet just answer 404.
const call = (token: string, method: string, url: string, body?: unknown) =>
  fetch(`${server.url}${url}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
await call(owner, 'POST', '/api/0/organizations/acme/members/', { email: 'new.hire@example.com', orgRole: 'member', teams: ['frontend'] });
await call(owner, 'PUT', `/api/0/organizations/acme/members/${org.members['mel@example.com']}/`, { orgRole: 'member', teamRoles: [{ teamSlug: 'backend', role: 'admin' }, { teamSlug: 'platform', role: null }] });
await call(owner, 'PUT', '/api/0/organizations/acme/', { openMembership: true, defaultRole: 'member' });
await call(owner, 'PUT', '/api/0/organizations/acme/', { openMembership: false });
await call(mel, 'POST', `/api/0/organizations/acme/members/${org.members['mel@example.com']}/teams/frontend/`);

const browser = await launchBrowser();
async function signedInPage(viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto((await server.services.sessions.signinLinkFor('olive@example.com'))!);
  await page.waitForURL(/\/organizations\//);
  return page;
}

const shots: Record<string, (page: Page) => Promise<void>> = {
  members: async (page) => {
    await page.goto(`${server.url}/organizations/acme/members/`);
    await page.getByRole('list', { name: 'Members' }).getByRole('listitem').first().waitFor();
  },
  invite: async (page) => {
    await page.goto(`${server.url}/organizations/acme/members/`);
    await page.getByRole('button', { name: 'Invite members' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite new members' });
    await dialog.getByLabel('Email addresses', { exact: true }).fill('sam@example.com, mel@example.com');
    await dialog.getByLabel('Role', { exact: true }).selectOption({ label: 'Manager' });
    await dialog.getByText('Teams: none').click();
    await dialog.getByRole('checkbox', { name: '#frontend' }).check();
    await dialog.getByRole('button', { name: 'Send 2 invitations' }).click();
    await dialog.getByRole('status', { name: 'Invitation results' }).waitFor();
  },
  'invite-page': async (page) => {
    await page.goto(`${server.url}/organizations/acme/members/${org.members['invited@example.com']}/`);
    await page.getByRole('form', { name: 'Invitation' }).waitFor();
  },
  member: async (page) => {
    await page.goto(`${server.url}/organizations/acme/members/${org.members['ada@example.com']}/`);
    await page.getByRole('heading', { name: 'Ada Admin' }).waitFor();
    await page.getByRole('searchbox', { name: 'Add to team' }).fill('end');
    await page.getByRole('button', { name: 'Add Ada Admin to #backend' }).waitFor();
  },
  teams: async (page) => {
    await page.goto(`${server.url}/organizations/acme/teams/`);
    await page.getByRole('heading', { name: 'Create a team' }).waitFor();
  },
  team: async (page) => {
    await page.goto(`${server.url}/organizations/acme/teams/backend/`);
    await page.getByRole('heading', { name: 'Team settings' }).waitFor();
    await page.getByRole('searchbox', { name: 'Add member' }).fill('man');
    await page.getByRole('button', { name: 'Add Manny Manager to #backend' }).waitFor();
  },
  settings: async (page) => {
    await page.goto(`${server.url}/organizations/acme/settings/`);
    await page.getByLabel('Require two-factor authentication').check();
    await page.getByText(/\d+ members? without two-factor authentication will be removed/).waitFor();
    await page.getByRole('region', { name: 'Danger zone' }).waitFor();
  },
  'audit-log': async (page) => {
    await page.goto(`${server.url}/organizations/acme/audit-log/`);
    await page.getByRole('table').waitFor();
  },
  account: async (page) => {
    await page.goto(`${server.url}/account/`);
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
  },
  webhooks: async (page) => {
    // One endpoint with a delivered and a refused attempt; a second added through the form shows its secret once.
    const receiver = await startWebhookReceiver();
    await call(owner, 'POST', '/api/0/organizations/acme/webhooks/', { url: receiver.url, events: ['member.updated', 'member.removed'], description: 'HR system' });
    const mels = `/api/0/organizations/acme/members/${org.members['mel@example.com']}/`;
    await call(owner, 'PUT', mels, { orgRole: 'member', teamRoles: [{ teamSlug: 'backend', role: null }] });
    await receiver.waitFor(1);
    receiver.respond = () => 503;
    await call(owner, 'PUT', mels, { orgRole: 'member', teamRoles: [{ teamSlug: 'backend', role: 'admin' }] });
    await receiver.waitFor(2);
    await page.goto(`${server.url}/organizations/acme/settings/webhooks/`);
    await page.getByRole('table').getByRole('row').nth(2).waitFor();
    const form = page.getByRole('form', { name: 'Add an endpoint' });
    await form.getByRole('textbox', { name: 'URL' }).fill('https://hooks.example.com/roster');
    await form.getByRole('button', { name: 'Select all events' }).click();
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByRole('region', { name: 'New signing secret' }).waitFor();
    await receiver.close();
  },
  // Last of the organization's pages: enabling SSO changes what the others would show.
  authentication: async (page) => {
    const { certificate } = await testCertificate('idp.example.com');
    const config = { idp_entity_id: 'https://idp.example.com/saml', idp_sso_url: 'https://idp.example.com/saml/sso', idp_x509cert: certificate };
    await call(owner, 'POST', '/api/0/organizations/acme/auth-provider/', { provider: 'saml2', config, require_link: false });
    await page.goto(`${server.url}/organizations/acme/settings/auth/`);
    await page.getByRole('heading', { name: 'Single sign-on through SAML2' }).waitFor();
  },
};

for (const [name, go] of Object.entries(shots)) {
  if (only.length > 0 && !only.includes(name)) continue;
  const page = await signedInPage();
  await go(page);
  // A dialog covers the viewport only: a full-page shot would cut its backdrop off.
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: name !== 'invite' });
  await page.context().close();
  console.log(`wrote docs/screenshots/${name}.png`);
}

if (only.length === 0 || only.includes('signin')) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 640 } });
  await page.goto(`${server.url}/`);
  await page.getByRole('heading', { name: 'Sign in to Roster' }).waitFor();
  await page.screenshot({ path: path.join(OUT, 'signin.png') });
  await page.close();
  console.log('wrote docs/screenshots/signin.png');
}
if (only.length === 0 || only.includes('accept')) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 640 } });
  await page.goto(org.inviteLinks['invited@example.com']!);
  await page.getByRole('heading', { name: 'Invitation' }).waitFor();
  await page.getByText('You are invited').or(page.locator('.form-error')).first().waitFor();
  await page.screenshot({ path: path.join(OUT, 'accept.png') });
  await page.close();
  console.log('wrote docs/screenshots/accept.png');
}
if (only.length === 0 || only.includes('phone')) {
  const page = await signedInPage({ width: 390, height: 844 });
  await page.goto(`${server.url}/organizations/acme/members/`);
  await page.getByRole('list', { name: 'Members' }).getByRole('listitem').first().waitFor();
  // Scrolled back to the start, the tab bar's fade and arrow show that more tabs wait to the right.
  await page.getByRole('navigation', { name: 'Organization sections' }).evaluate((nav) => nav.scrollTo({ left: 0 }));
  await page.screenshot({ path: path.join(OUT, 'phone.png'), fullPage: true });
  await page.context().close();
  console.log('wrote docs/screenshots/phone.png');
}
if (only.length === 0 || only.includes('phone-audit')) {
  const page = await signedInPage({ width: 390, height: 844 });
  await page.goto(`${server.url}/organizations/acme/audit-log/`);
  await page.locator('tbody tr').first().waitFor();
  await page.screenshot({ path: path.join(OUT, 'phone-audit.png'), fullPage: true });
  await page.context().close();
  console.log('wrote docs/screenshots/phone-audit.png');
}

await browser.close();
await server.close();
