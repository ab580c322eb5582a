import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { simpleParser, type ParsedMail } from 'mailparser';
import { createHarness, type MailHarness } from '../helpers/harness.js';
import { foreignProductIn } from '../helpers/smtp.js';
import { buildOrg, type BuiltOrg } from '../helpers/org-factory.js';
import { createMailWorker } from '../../src/platform/mail/mail-worker.js';
import { configuredTransport, mailDirectory } from '../../src/platform/mail/transport.js';

/** The accept link in an email's text part, as the API path it stands for. */
function acceptPath(mail: ParsedMail): { link: string; api: `/api/0/accept-invite/${string}/${string}/` } {
  const link = /https?:\/\/\S+\/accept\/\d+\/[0-9a-f]{64}\/\S*/.exec(mail.text ?? '')?.[0];
  assert.ok(link, `no invite link in: ${mail.text}`);
  const [, memberId, token] = /\/accept\/(\d+)\/([0-9a-f]{64})\//.exec(link)!;
  return { link, api: `/api/0/accept-invite/${memberId}/${token}/` };
}

describe('invite emails: delivered over SMTP (and as .eml files), and their link accepts the invite', () => {
  let h: MailHarness;
  before(async () => {
    h = await createHarness({ mail: true });
  });
  after(async () => {
    await h.close();
  });

  const invite = (org: BuiltOrg, body: Record<string, unknown>, query: '' | `?${string}` = '') =>
    h.request(org.tokens.owner!, 'POST', `/api/0/organizations/${org.slug}/members/${query}`, body);
  const to = (address: string) => h.smtp.messages.filter((mail) => mail.to && !Array.isArray(mail.to) && mail.to.text === address);

  it('§8.1: the invite email arrives over SMTP (text + HTML, stable Message-ID) and its link accepts the invite', async () => {
    const org = await buildOrg(h, { teams: ['backend'] });
    const created = await invite(org, { email: 'smtp-guest@example.com', teams: ['backend'] }, '?referrer=email-test');
    assert.equal(created.status, 201);
    const queued = await h.database.db.selectFrom('email_outbox').selectAll().where('recipient', '=', 'smtp-guest@example.com').executeTakeFirstOrThrow();

    await h.deliverMail();
    await h.smtp.waitFor(() => to('smtp-guest@example.com').length === 1);
    const [mail] = to('smtp-guest@example.com');
    assert.equal(mail!.subject, `Join ${org.name} on Roster`);
    assert.equal(mail!.messageId, queued.message_id);
    assert.ok(mail!.text && mail!.text.includes(`You've been invited to join ${org.name}`));
    assert.equal(foreignProductIn(mail!), null, 'the invite speaks of Roster and the organization only');
    assert.ok(typeof mail!.html === 'string' && mail!.html.includes('<a href='));
    const { link, api } = acceptPath(mail!);
    assert.ok(link.startsWith(`http://roster.test/accept/${created.body.id}/`));
    assert.ok(link.endsWith('?referrer=email-test'));
    assert.ok((mail!.html as string).includes(link), 'the HTML part carries the same link');

    const details = await h.request(null, 'GET', api);
    assert.equal(details.status, 200);
    assert.equal(details.body.orgSlug, org.slug);
    assert.equal((await h.request(null, 'POST', api)).status, 204);

    const members = await h.request(org.tokens.owner!, 'GET', `/api/0/organizations/${org.slug}/members/`);
    const joined = members.body.find((member: { email: string }) => member.email === 'smtp-guest@example.com');
    assert.equal(joined!.pending, false);
    assert.equal(joined!.user!.email, 'smtp-guest@example.com');
    const events = await h.database.db.selectFrom('audit_log_entries').select('event').where('organization_id', '=', org.id).orderBy('id').execute();
    assert.deepEqual(events.map((entry) => entry.event), [1, 3]);
  });

  it('delivery survives an SMTP outage: the send fails, is retried with backoff, and arrives exactly once', async () => {
    const org = await buildOrg(h);
    const worker = h.mailWorker();
    await h.smtp.stop();
    try {
      assert.equal((await invite(org, { email: 'outage@example.com' })).status, 201);
      assert.equal(await worker.runOnce(), 1);
      const failed = await h.database.db.selectFrom('email_outbox').selectAll().where('recipient', '=', 'outage@example.com').executeTakeFirstOrThrow();
      assert.equal(failed.sent_at, null);
      assert.equal(failed.attempts, 1);
      assert.ok(failed.last_error);
      const { rows } = await sql<{ later: boolean }>`select next_attempt_at > now() as later from email_outbox where id = ${failed.id}`.execute(h.database.db);
      assert.equal(rows[0]!.later, true, 'the retry is scheduled later (backoff)');
      assert.equal(await worker.runOnce(), 0, 'nothing is due before the backoff ends');
    } finally {
      await h.smtp.start();
    }
    // Let the backoff run out (time moves for this row only), then the worker delivers.
    await sql`update email_outbox set next_attempt_at = now() where recipient = 'outage@example.com'`.execute(h.database.db);
    assert.equal(await worker.runOnce(), 1);
    await h.smtp.waitFor(() => to('outage@example.com').length >= 1);
    assert.equal(await worker.runOnce(), 0);
    const received = to('outage@example.com');
    assert.equal(new Set(received.map((mail) => mail.messageId)).size, 1);
    assert.equal(received.length, 1);
    const sent = await h.database.db.selectFrom('email_outbox').selectAll().where('recipient', '=', 'outage@example.com').executeTakeFirstOrThrow();
    assert.ok(sent.sent_at);
    assert.equal(sent.attempts, 2);
    assert.equal(received[0]!.messageId, sent.message_id);
  });

  it('§5.2 step 10: `sendInvite: false` sends nothing', async () => {
    const org = await buildOrg(h);
    assert.equal((await invite(org, { email: 'silent@example.com', sendInvite: false })).status, 201);
    await h.deliverMail();
    const unsent = await h.database.db.selectFrom('email_outbox').select('id').where('recipient', '=', 'silent@example.com').execute();
    assert.equal(unsent.length, 0);
    assert.equal(to('silent@example.com').length, 0);
  });

  it('without SMTP_URL the invite is written as an .eml file under the data directory, and its link works', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-eml-'));
    try {
      const org = await buildOrg(h);
      assert.equal((await invite(org, { email: 'eml-guest@example.com' })).status, 201);
      const config = { ...h.config, smtpUrl: null, dataDir };
      const worker = createMailWorker({ db: h.database.db, transport: configuredTransport(config), from: 'Roster <no-reply@roster.test>' });
      try {
        await worker.runOnce();
      } finally {
        await worker.stop();
      }
      const files = fs.readdirSync(mailDirectory(config)).filter((name) => name.endsWith('.eml'));
      const mails = await Promise.all(files.map((name) => simpleParser(fs.readFileSync(path.join(mailDirectory(config), name)))));
      const mail = mails.find((parsed) => parsed.subject === `Join ${org.name} on Roster`);
      assert.ok(mail, `no invite among ${files.join(', ')}`);
      assert.ok(mail.html);
      assert.equal((await h.request(null, 'POST', acceptPath(mail).api)).status, 204);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
