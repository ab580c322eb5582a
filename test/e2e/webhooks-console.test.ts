import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import type { Browser } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { launchBrowser } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';
import type { SeedResult } from '../../src/seed/seed.js';
import { apiGet, signedIn, WAIT_MS } from './console-session.js';

const OWNER = 'olive@example.com';

/**
 * Issue 18, the console: an owner adds an endpoint on Settings › Webhooks, copies the signing secret the
 * page shows once, and a real receiver on 127.0.0.1 verifies the delivery a membership change causes
 * with the `standardwebhooks` package and that secret; the page lists the delivery, and Redeliver sends
 * the same webhook-id again. Edit, rotation (a new secret shown once) and delete go through the page
 * too; after a reload no secret is shown. Members without org:admin see neither the page nor its link.
 */
describe('console: webhooks (issue 18)', () => {
  let server: TestServer;
  let browser: Browser;
  let seeded: SeedResult;
  let receiver: WebhookReceiver;

  before(async () => {
    receiver = await startWebhookReceiver();
    // As `roster serve` runs with these variables: the receiver is on loopback, and secrets are sealed with the key.
    server = await startTestServer({
      env: { ROSTER_WEBHOOK_ALLOW_PRIVATE: '1', ROSTER_SECRET_KEY: crypto.randomBytes(32).toString('base64') },
      webhooks: true,
    });
    browser = await launchBrowser();
    seeded = await server.seed({
      users: [
        { email: OWNER, name: 'Olive Owner', emailVerified: true },
        { email: 'manny@example.com', name: 'Manny Manager', emailVerified: true },
        { email: 'mel@example.com', name: 'Mel Member', emailVerified: true },
        { email: 'max@example.com', name: 'Max Member', emailVerified: true },
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
          ],
        },
      ],
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await receiver?.close();
  });

  it('an owner adds an endpoint, verifies a delivery with the secret shown once, redelivers it, edits, rotates and deletes it', { timeout: 240_000 }, async () => {
    const token = seeded.users[OWNER]!.token;
    const maxId = seeded.organizations.acme!.members['max@example.com']!;
    const { page, errors, close } = await signedIn(browser, server, OWNER);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.goto(`${server.url}/organizations/acme/settings/`);
    await page.getByRole('navigation', { name: 'Settings pages' }).getByRole('link', { name: 'Webhooks' }).click();
    await page.waitForURL(/\/settings\/webhooks\/$/);
    const form = page.getByRole('form', { name: 'Add an endpoint' });
    await page.getByText('No endpoints yet.').waitFor();

    // Every event type is offered; the API's message for a refused URL stands under the URL field.
    assert.equal(await form.getByRole('checkbox').count(), 11, '10 events and Active');
    await form.getByRole('textbox', { name: 'URL' }).fill('ftp://example.com/hook');
    await form.getByRole('checkbox', { name: 'member.updated' }).check();
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    await form.getByText('The URL must start with http:// or https://.').waitFor();
    assert.equal(await form.getByRole('textbox', { name: 'URL' }).getAttribute('aria-invalid'), 'true');

    await form.getByRole('textbox', { name: 'URL' }).fill(receiver.url);
    assert.equal(await form.getByRole('checkbox', { name: 'Active' }).isChecked(), true, 'a new endpoint is on by default');
    await form.getByRole('button', { name: 'Add endpoint' }).click();

    const card = page.getByRole('region', { name: new RegExp(receiver.url) });
    const shown = card.getByRole('region', { name: 'New signing secret' });
    await shown.getByText("you won't see it again").waitFor();
    const secret = await shown.getByRole('textbox', { name: 'Signing secret' }).inputValue();
    assert.match(secret, /^whsec_[A-Za-z0-9+/]+=*$/);
    await shown.getByRole('button', { name: 'Copy Signing secret' }).click();
    await shown.getByText('Copied.').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), secret);
    assert.deepEqual(await card.getByRole('list', { name: 'Events' }).getByRole('listitem').allTextContents(), ['member.updated']);
    await card.getByText('Active', { exact: true }).waitFor();
    receiver.secrets = [secret];

    // A membership change through the API: the worker delivers it, signed with the secret the page showed.
    const change = await fetch(`${server.url}/api/0/organizations/acme/members/${maxId}/`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ orgRole: 'manager' }),
    });
    assert.equal(change.status, 200, await change.text());
    const [first] = await receiver.waitFor(1, WAIT_MS);
    assert.deepEqual(first!.verifiedBy, [0], 'standardwebhooks verifies it with the secret shown once');
    new Webhook(secret).verify(first!.body, { 'webhook-id': first!.id, 'webhook-timestamp': first!.timestamp, 'webhook-signature': first!.signature });
    assert.equal(first!.payload.type, 'member.updated');
    assert.equal((first!.payload.data.member as { email: string }).email, 'max@example.com');

    // The page's list shows the attempt (it looks again every few seconds) and Redeliver sends the same webhook-id.
    const deliveries = card.getByRole('table', { name: `Deliveries to ${receiver.url}` });
    const row = deliveries.getByRole('row').filter({ hasText: first!.id });
    await row.getByText('member.updated').waitFor();
    await row.getByText('204', { exact: true }).waitFor();
    await row.getByText(/\d+ ms/).waitFor();
    await row.getByRole('button', { name: /^Redeliver member\.updated/ }).click();
    await card.getByText(/is queued again with the same webhook-id/).waitFor();
    const [, again] = await receiver.waitFor(2, WAIT_MS);
    assert.equal(again!.id, first!.id, 'a redelivery carries the same webhook-id');
    assert.deepEqual(again!.verifiedBy, [0]);
    await deliveries.getByRole('row').filter({ hasText: first!.id }).nth(1).waitFor();

    // Edit: one more event; the list says so, and the API agrees.
    await card.getByRole('button', { name: `Edit ${receiver.url}` }).click();
    const edit = card.getByRole('form', { name: `Edit ${receiver.url}` });
    await edit.getByRole('checkbox', { name: 'member.removed' }).check();
    await edit.getByRole('button', { name: 'Save endpoint' }).click();
    await card.getByRole('list', { name: 'Events' }).getByText('member.removed').waitFor();
    const [stored] = await apiGet<Array<{ events: string[] }>>(server, token, '/api/0/organizations/acme/webhooks/');
    assert.deepEqual(stored!.events, ['member.updated', 'member.removed']);

    // After a reload the page cannot show the secret: the API never answers it again.
    await page.reload();
    await card.getByRole('list', { name: 'Events' }).waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'Signing secret' }).count(), 0);
    assert.equal(await page.getByText("you won't see it again").count(), 0);

    // Rotation: a new secret, shown once; the previous one signs for 24 hours more.
    await card.getByRole('button', { name: `Rotate the secret of ${receiver.url}` }).click();
    await card.getByText(/current one keeps signing for 24 hours/).waitFor();
    await card.getByRole('button', { name: 'Rotate secret', exact: true }).click();
    await card.getByText(/previous secret also signs deliveries until/).waitFor();
    const rotated = await card.getByRole('textbox', { name: 'Signing secret' }).inputValue();
    assert.match(rotated, /^whsec_/);
    assert.notEqual(rotated, secret);
    receiver.secrets = [secret, rotated];
    const removed = await fetch(`${server.url}/api/0/organizations/acme/members/${maxId}/`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    assert.equal(removed.status, 204);
    const [, , third] = await receiver.waitFor(3, WAIT_MS);
    assert.equal(third!.payload.type, 'member.removed');
    assert.deepEqual(third!.verifiedBy, [0, 1], 'both secrets sign during the rotation');

    // Delete, after saying what it does.
    await card.getByRole('button', { name: `Delete ${receiver.url}` }).click();
    await card.getByText(/its delivery log goes too/).waitFor();
    await card.getByRole('button', { name: 'Delete endpoint' }).click();
    await page.getByText('No endpoints yet.').waitFor();
    assert.deepEqual(await apiGet(server, token, '/api/0/organizations/acme/webhooks/'), []);
    assert.deepEqual(errors, []);
    await close();
  });

  it('a manager and a member see no Webhooks link, and the page itself says it needs the owner role', { timeout: 240_000 }, async () => {
    for (const email of ['manny@example.com', 'mel@example.com']) {
      const { page, errors, close } = await signedIn(browser, server, email);
      await page.goto(`${server.url}/organizations/acme/settings/`);
      const nav = page.getByRole('navigation', { name: 'Settings pages' });
      await nav.getByRole('link', { name: 'Authentication' }).waitFor();
      assert.equal(await nav.getByRole('link', { name: 'Webhooks' }).count(), 0, email);
      await page.goto(`${server.url}/organizations/acme/settings/webhooks/`);
      await page.getByText('Seeing and managing them needs the owner role.').waitFor();
      assert.equal(await page.getByRole('form', { name: 'Add an endpoint' }).count(), 0, email);
      // The page hides what the API refuses.
      const answer = await fetch(`${server.url}/api/0/organizations/acme/webhooks/`, { headers: { authorization: `Bearer ${seeded.users[email]!.token}` } });
      assert.equal(answer.status, 403, email);
      assert.deepEqual(errors, [], email);
      await close();
    }
  });
});
