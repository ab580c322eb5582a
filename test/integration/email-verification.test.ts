import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accountRequest } from '../helpers/session.js';
import { DAY_MS } from '../../src/platform/lib/clock.js';
import { secretMatches } from '../../src/platform/lib/secrets.js';
import { createHarness, type MailHarness } from '../helpers/harness.js';
import { EVENT, auditEntries, buildOrg, memberRow, orgRow } from '../helpers/org-factory.js';
import { mailsTo } from '../helpers/smtp.js';

const VERIFY_LINK = /http:\/\/roster\.test\/account\/confirm-email\/(\d+)\/([0-9a-f]{64})\//;
const INVALID = { detail: 'Invalid or expired verification link' };

describe('email verification and requireEmailVerification', () => {
  let h: MailHarness;
  before(async () => {
    h = await createHarness({ mail: true });
  });
  after(async () => {
    await h.close();
  });

  async function deliveredTo(address: string) {
    await h.deliverMail();
    return mailsTo(h.smtp.messages, address);
  }

  const isVerified = async (userId: string) =>
    (await h.database.db.selectFrom('users').select('email_verified').where('id', '=', userId).executeTakeFirstOrThrow()).email_verified;

  it('POST /users/me/emails/confirm/ emails a one-time link; using it marks the address verified, once', async () => {
    const org = await buildOrg(h, { slug: 'verify-me', members: { owner: { role: 'owner', verified: false } } });
    const asked = await accountRequest(h, org.tokens.owner!, 'POST', '/api/0/users/me/emails/confirm/');
    assert.equal(asked.status, 204);
    const mails = await deliveredTo(org.emailOf('owner'));
    assert.equal(mails.length, 1);
    assert.equal(mails[0]!.subject, '[Roster] Confirm Email');
    const link = VERIFY_LINK.exec(mails[0]!.text ?? '');
    assert.ok(link);
    assert.equal(link[1], org.userIds.owner);
    assert.ok(String(mails[0]!.html).includes(link[0]));
    const stored = await h.database.db.selectFrom('user_one_time_tokens').selectAll().where('user_id', '=', org.userIds.owner!).executeTakeFirstOrThrow();
    assert.equal(stored.purpose, 'verify-email');
    assert.ok(secretMatches(link[2]!, stored.token_hash), 'only the hash is stored');
    assert.equal(stored.expires_at.getTime(), h.clock.now().getTime() + 7 * DAY_MS);

    const confirmed = await h.request(null, 'POST', `/api/0/account/confirm-email/${link[1]}/${link[2]}/`);
    assert.equal(confirmed.status, 204);
    assert.equal(await isVerified(org.userIds.owner!), true);
    const again = await h.request(null, 'POST', `/api/0/account/confirm-email/${link[1]}/${link[2]}/`);
    assert.equal(again.status, 400);
    assert.deepEqual(again.body, INVALID);
  });

  it('asking needs authentication; another address is refused with Sentry\'s body; a verified address gets no email', async () => {
    const org = await buildOrg(h, { slug: 'verify-ask', members: { owner: { role: 'owner' }, other: { role: 'member', verified: false } } });
    assert.equal((await accountRequest(h, null, 'POST', '/api/0/users/me/emails/confirm/')).status, 401);
    const wrong = await accountRequest(h, org.tokens.other!, 'POST', '/api/0/users/me/emails/confirm/', { email: 'someone@else.example.com' });
    assert.equal(wrong.status, 400);
    assert.deepEqual(wrong.body, { detail: 'Invalid email', email: 'Invalid email' });
    const own = await accountRequest(h, org.tokens.other!, 'POST', '/api/0/users/me/emails/confirm/', { email: org.emailOf('other').toUpperCase() });
    assert.equal(own.status, 204);
    const verified = await accountRequest(h, org.tokens.owner!, 'POST', '/api/0/users/me/emails/confirm/');
    assert.equal(verified.status, 204);
    assert.equal((await deliveredTo(org.emailOf('other'))).length, 1);
    assert.deepEqual(await deliveredTo(org.emailOf('owner')), []);
  });

  it('unknown, expired, foreign and stale links all get 400 "Invalid or expired verification link"', async () => {
    const org = await buildOrg(h, { slug: 'verify-bad', members: { a: { role: 'owner', verified: false }, b: { role: 'member', verified: false } } });
    await accountRequest(h, org.tokens.a!, 'POST', '/api/0/users/me/emails/confirm/');
    await accountRequest(h, org.tokens.b!, 'POST', '/api/0/users/me/emails/confirm/');
    const linkA = VERIFY_LINK.exec((await deliveredTo(org.emailOf('a')))[0]!.text ?? '')!;
    const linkB = VERIFY_LINK.exec((await deliveredTo(org.emailOf('b')))[0]!.text ?? '')!;
    const attempts = [
      `/api/0/account/confirm-email/${org.userIds.a}/${'0'.repeat(64)}/`,
      `/api/0/account/confirm-email/${org.userIds.b}/${linkA[2]}/`,
      `/api/0/account/confirm-email/abc/${linkA[2]}/`,
      `/api/0/account/confirm-email/${org.userIds.a}/not-a-token/`,
    ];
    for (const url of attempts) {
      const response = await h.request(null, 'POST', url);
      assert.equal(response.status, 400, url);
      assert.deepEqual(response.body, INVALID);
    }
    // The address changed after the link was sent: the link no longer proves anything.
    await h.database.db.updateTable('users').set({ email: 'changed@verify-bad.example.com' }).where('id', '=', org.userIds.a!).execute();
    assert.deepEqual((await h.request(null, 'POST', `/api/0/account/confirm-email/${linkA[1]}/${linkA[2]}/`)).body, INVALID);
    assert.equal(await isVerified(org.userIds.a!), false);

    h.clock.advance(7 * DAY_MS + 1000);
    assert.deepEqual((await h.request(null, 'POST', `/api/0/account/confirm-email/${linkB[1]}/${linkB[2]}/`)).body, INVALID);
    assert.equal(await isVerified(org.userIds.b!), false);
  });

  it('requireEmailVerification is refused while the requester\'s own address is unverified', async () => {
    const org = await buildOrg(h, { slug: 'verify-refused', members: { owner: { role: 'owner', verified: false }, member: { role: 'member', verified: false } } });
    const response = await h.request(org.tokens.owner!, 'PUT', '/api/0/organizations/verify-refused/', { requireEmailVerification: true });
    assert.equal(response.status, 400);
    assert.deepEqual(response.body, { requireEmailVerification: ['Cannot require email verification before verifying your email address.'] });
    assert.equal((await orgRow(h, org.id)).require_email_verification, false);
    assert.equal((await memberRow(h, org.id, org.ids.member!)).user_id, org.userIds.member);
  });

  it('requireEmailVerification: unverified members become pending and get both a verification and an invite link', async () => {
    const org = await buildOrg(h, { slug: 'verify-org', members: { owner: { role: 'owner' }, unverified: { role: 'admin', verified: false }, fine: { role: 'member' } }, name: 'Verify Org' });
    const response = await h.request(org.tokens.owner!, 'PUT', '/api/0/organizations/verify-org/', { requireEmailVerification: true });
    assert.equal(response.status, 200);
    assert.equal(response.body.requireEmailVerification, true);
    const row = await memberRow(h, org.id, org.ids.unverified!);
    assert.deepEqual([row.user_id, row.email, row.role], [null, org.emailOf('unverified'), 'admin']);
    assert.equal((await memberRow(h, org.id, org.ids.fine!)).user_id, org.userIds.fine);
    const pending = await auditEntries(h, org.id, EVENT.MEMBER_PENDING);
    assert.deepEqual(pending.map((entry) => [entry.actor_id, entry.target_user_id]), [[org.userIds.owner, org.userIds.unverified]]);
    assert.deepEqual((await auditEntries(h, org.id, EVENT.ORG_EDIT)).map((entry) => entry.data), [{ require_email_verification: 'to True' }]);

    const mails = await deliveredTo(org.emailOf('unverified'));
    assert.equal(mails.length, 1);
    assert.equal(mails[0]!.subject, '[Roster] Verify org Mandatory: Verify Your Email Address');
    const verify = VERIFY_LINK.exec(mails[0]!.text ?? '');
    const invite = /http:\/\/roster\.test\/accept\/(\d+)\/([0-9a-f]{64})\//.exec(mails[0]!.text ?? '');
    assert.ok(verify && invite);
    assert.ok(String(mails[0]!.html).includes(verify[0]) && String(mails[0]!.html).includes(invite[0]));
    assert.equal(invite[1], org.ids.unverified);
    assert.ok(secretMatches(invite[2]!, row.token_hash));
    assert.equal((await h.request(null, 'POST', `/api/0/account/confirm-email/${verify[1]}/${verify[2]}/`)).status, 204);
    assert.equal(await isVerified(org.userIds.unverified!), true);
  });

  it('decisions.md item 10: email-verification enforcement keeps the last active owner too', async () => {
    const org = await buildOrg(h, { slug: 'verify-owner', members: { owner: { role: 'owner', verified: false }, manager: { role: 'manager' } } });
    const response = await h.request(org.tokens.manager!, 'PUT', '/api/0/organizations/verify-owner/', { requireEmailVerification: true });
    assert.equal(response.status, 200);
    assert.equal((await memberRow(h, org.id, org.ids.owner!)).user_id, org.userIds.owner);
    assert.deepEqual(await auditEntries(h, org.id, EVENT.MEMBER_PENDING), []);
  });
});
