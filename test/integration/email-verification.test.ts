import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accountRequest } from '../helpers/session.js';
import { DAY_MS } from '../../src/lib/clock.js';
import { secretMatches } from '../../src/lib/secrets.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';
import { EVENT, auditEntries, mailsTo, member, orgRow, seedOrg } from '../helpers/settings-fixtures.js';

const VERIFY_LINK = /http:\/\/roster\.test\/account\/confirm-email\/(\d+)\/([0-9a-f]{64})\//;
const INVALID = { detail: 'Invalid or expired verification link' };

describe('email verification and requireEmailVerification', () => {
  let h: Harness;
  let smtp: TestSmtpServer;
  before(async () => {
    h = await createHarness();
    smtp = await startSmtpServer();
  });
  after(async () => {
    await h.close();
    await smtp.stop();
  });

  async function deliveredTo(address: string) {
    await h.mailWorker(smtp.url).runOnce();
    return mailsTo(smtp.messages, address);
  }

  const isVerified = async (userId: string) =>
    (await h.database.db.selectFrom('users').select('email_verified').where('id', '=', userId).executeTakeFirstOrThrow()).email_verified;

  it('POST /users/me/emails/confirm/ emails a one-time link; using it marks the address verified, once', async () => {
    const org = await seedOrg(h, 'verify-me', { owner: { role: 'owner', verified: false } });
    const asked = await accountRequest(h, org.token.owner!, 'POST', '/api/0/users/me/emails/confirm/');
    assert.equal(asked.status, 204);
    const mails = await deliveredTo(org.email('owner'));
    assert.equal(mails.length, 1);
    assert.equal(mails[0]!.subject, '[Roster] Confirm Email');
    const link = VERIFY_LINK.exec(mails[0]!.text ?? '');
    assert.ok(link);
    assert.equal(link[1], org.userId.owner);
    assert.ok(String(mails[0]!.html).includes(link[0]));
    const stored = await h.database.db.selectFrom('user_one_time_tokens').selectAll().where('user_id', '=', org.userId.owner!).executeTakeFirstOrThrow();
    assert.equal(stored.purpose, 'verify-email');
    assert.ok(secretMatches(link[2]!, stored.token_hash), 'only the hash is stored');
    assert.equal(stored.expires_at.getTime(), h.clock.now().getTime() + 7 * DAY_MS);

    const confirmed = await h.request(null, 'POST', `/api/0/account/confirm-email/${link[1]}/${link[2]}/`);
    assert.equal(confirmed.status, 204);
    assert.equal(await isVerified(org.userId.owner!), true);
    const again = await h.request(null, 'POST', `/api/0/account/confirm-email/${link[1]}/${link[2]}/`);
    assert.equal(again.status, 400);
    assert.deepEqual(again.body, INVALID);
  });

  it('asking needs authentication; another address is refused with Sentry\'s body; a verified address gets no email', async () => {
    const org = await seedOrg(h, 'verify-ask', { owner: { role: 'owner' }, other: { role: 'member', verified: false } });
    assert.equal((await accountRequest(h, null, 'POST', '/api/0/users/me/emails/confirm/')).status, 401);
    const wrong = await accountRequest(h, org.token.other!, 'POST', '/api/0/users/me/emails/confirm/', { email: 'someone@else.example.com' });
    assert.equal(wrong.status, 400);
    assert.deepEqual(wrong.body, { detail: 'Invalid email', email: 'Invalid email' });
    const own = await accountRequest(h, org.token.other!, 'POST', '/api/0/users/me/emails/confirm/', { email: org.email('other').toUpperCase() });
    assert.equal(own.status, 204);
    const verified = await accountRequest(h, org.token.owner!, 'POST', '/api/0/users/me/emails/confirm/');
    assert.equal(verified.status, 204);
    assert.equal((await deliveredTo(org.email('other'))).length, 1);
    assert.deepEqual(await deliveredTo(org.email('owner')), []);
  });

  it('unknown, expired, foreign and stale links all get 400 "Invalid or expired verification link"', async () => {
    const org = await seedOrg(h, 'verify-bad', { a: { role: 'owner', verified: false }, b: { role: 'member', verified: false } });
    await accountRequest(h, org.token.a!, 'POST', '/api/0/users/me/emails/confirm/');
    await accountRequest(h, org.token.b!, 'POST', '/api/0/users/me/emails/confirm/');
    const linkA = VERIFY_LINK.exec((await deliveredTo(org.email('a')))[0]!.text ?? '')!;
    const linkB = VERIFY_LINK.exec((await deliveredTo(org.email('b')))[0]!.text ?? '')!;
    const attempts = [
      `/api/0/account/confirm-email/${org.userId.a}/${'0'.repeat(64)}/`,
      `/api/0/account/confirm-email/${org.userId.b}/${linkA[2]}/`,
      `/api/0/account/confirm-email/abc/${linkA[2]}/`,
      `/api/0/account/confirm-email/${org.userId.a}/not-a-token/`,
    ];
    for (const url of attempts) {
      const response = await h.request(null, 'POST', url);
      assert.equal(response.status, 400, url);
      assert.deepEqual(response.body, INVALID);
    }
    // The address changed after the link was sent: the link no longer proves anything.
    await h.database.db.updateTable('users').set({ email: 'changed@verify-bad.example.com' }).where('id', '=', org.userId.a!).execute();
    assert.deepEqual((await h.request(null, 'POST', `/api/0/account/confirm-email/${linkA[1]}/${linkA[2]}/`)).body, INVALID);
    assert.equal(await isVerified(org.userId.a!), false);

    h.clock.advance(7 * DAY_MS + 1000);
    assert.deepEqual((await h.request(null, 'POST', `/api/0/account/confirm-email/${linkB[1]}/${linkB[2]}/`)).body, INVALID);
    assert.equal(await isVerified(org.userId.b!), false);
  });

  it('requireEmailVerification is refused while the requester\'s own address is unverified', async () => {
    const org = await seedOrg(h, 'verify-refused', { owner: { role: 'owner', verified: false }, member: { role: 'member', verified: false } });
    const response = await h.request(org.token.owner!, 'PUT', '/api/0/organizations/verify-refused/', { requireEmailVerification: true });
    assert.equal(response.status, 400);
    assert.deepEqual(response.body, { requireEmailVerification: ['Cannot require email verification before verifying your email address.'] });
    assert.equal((await orgRow(h, org.id)).require_email_verification, false);
    assert.equal((await member(h, org.id, org.memberId.member!)).user_id, org.userId.member);
  });

  it('requireEmailVerification: unverified members become pending and get both a verification and an invite link', async () => {
    const org = await seedOrg(
      h,
      'verify-org',
      { owner: { role: 'owner' }, unverified: { role: 'admin', verified: false }, fine: { role: 'member' } },
      { name: 'Verify Org' },
    );
    const response = await h.request(org.token.owner!, 'PUT', '/api/0/organizations/verify-org/', { requireEmailVerification: true });
    assert.equal(response.status, 200);
    assert.equal(response.body.requireEmailVerification, true);
    const row = await member(h, org.id, org.memberId.unverified!);
    assert.deepEqual([row.user_id, row.email, row.role], [null, org.email('unverified'), 'admin']);
    assert.equal((await member(h, org.id, org.memberId.fine!)).user_id, org.userId.fine);
    const pending = await auditEntries(h, org.id, EVENT.MEMBER_PENDING);
    assert.deepEqual(pending.map((entry) => [entry.actor_id, entry.target_user_id]), [[org.userId.owner, org.userId.unverified]]);
    assert.deepEqual((await auditEntries(h, org.id, EVENT.ORG_EDIT)).map((entry) => entry.data), [{ require_email_verification: 'to True' }]);

    const mails = await deliveredTo(org.email('unverified'));
    assert.equal(mails.length, 1);
    assert.equal(mails[0]!.subject, '[Roster] Verify org Mandatory: Verify Your Email Address');
    const verify = VERIFY_LINK.exec(mails[0]!.text ?? '');
    const invite = /http:\/\/roster\.test\/accept\/(\d+)\/([0-9a-f]{64})\//.exec(mails[0]!.text ?? '');
    assert.ok(verify && invite);
    assert.ok(String(mails[0]!.html).includes(verify[0]) && String(mails[0]!.html).includes(invite[0]));
    assert.equal(invite[1], org.memberId.unverified);
    assert.ok(secretMatches(invite[2]!, row.token_hash));
    assert.equal((await h.request(null, 'POST', `/api/0/account/confirm-email/${verify[1]}/${verify[2]}/`)).status, 204);
    assert.equal(await isVerified(org.userId.unverified!), true);
  });

  it('decisions.md item 10: email-verification enforcement keeps the last active owner too', async () => {
    const org = await seedOrg(h, 'verify-owner', { owner: { role: 'owner', verified: false }, manager: { role: 'manager' } });
    const response = await h.request(org.token.manager!, 'PUT', '/api/0/organizations/verify-owner/', { requireEmailVerification: true });
    assert.equal(response.status, 200);
    assert.equal((await member(h, org.id, org.memberId.owner!)).user_id, org.userId.owner);
    assert.deepEqual(await auditEntries(h, org.id, EVENT.MEMBER_PENDING), []);
  });
});
