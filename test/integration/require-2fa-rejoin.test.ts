import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accountRequest } from '../helpers/session.js';
import { totpCode } from '../../src/identity/totp.js';
import { createHarness, type MailHarness } from '../helpers/harness.js';

/**
 * Issue 4's round trip: an owner turns on require2FA; a member without 2FA is pended and emailed;
 * following the emailed link, they enrol TOTP and rejoin with their old role and teams; the audit
 * log shows every change on the way.
 */
describe('require2FA: pended, emailed, enrolled, rejoined', () => {
  let h: MailHarness;
  before(async () => {
    h = await createHarness({ mail: true });
  });
  after(async () => {
    await h.close();
  });

  it('a member without 2FA rejoins through the setup email after enrolling', async () => {
    const seeded = await h.seed({
      users: [{ email: 'owner@example.com', name: 'Olive', totpSecret: 'JBSWY3DPEHPK3PXP' }, { email: 'dev@example.com', name: 'Dev' }],
      organizations: [
        {
          slug: 'strict',
          name: 'Strict',
          teams: [{ slug: 'backend' }],
          members: [
            { email: 'owner@example.com', role: 'owner' },
            { email: 'dev@example.com', role: 'member', teams: [{ slug: 'backend', role: 'admin' }] },
          ],
        },
      ],
    });
    const owner = seeded.users['owner@example.com']!.token;
    const dev = seeded.users['dev@example.com']!.token;
    const devMemberId = seeded.organizations.strict!.members['dev@example.com']!;

    const enabled = await h.request(owner, 'PUT', '/api/0/organizations/strict/', { require2FA: true });
    assert.equal(enabled.status, 200, JSON.stringify(enabled.body));
    const listed = await h.request(owner, 'GET', '/api/0/organizations/strict/members/?query=isInvited:true');
    assert.deepEqual(listed.body.map((m: { email: string }) => m.email), ['dev@example.com']);

    await h.deliverMail();
    const mail = h.smtp.messages.find((message) => message.to && JSON.stringify(message.to).includes('dev@example.com'));
    assert.ok(mail, 'the 2FA setup email arrived');
    const link = /\/accept\/(\d+)\/([0-9a-f]{64})\//.exec(mail.text ?? '');
    assert.ok(link);
    assert.equal(link[1], devMemberId);
    const accept = `/api/0/accept-invite/${link[1]}/${link[2]}/` as const;

    // Without 2FA the link cannot be used yet.
    assert.equal((await h.request(dev, 'GET', accept)).body.needs2fa, true);
    assert.equal((await h.request(dev, 'POST', accept)).status, 400);

    // Enrol TOTP with the account's own token, then accept.
    const enrolment = await accountRequest(h, dev, 'GET', '/api/0/users/me/authenticators/totp/enroll/');
    assert.equal(enrolment.status, 200);
    const confirmed = await accountRequest(h, dev, 'POST', '/api/0/users/me/authenticators/totp/enroll/', {
      secret: enrolment.body.secret,
      otp: totpCode(enrolment.body.secret, h.clock.now()),
    });
    assert.equal(confirmed.status, 204, JSON.stringify(confirmed.body));
    assert.equal((await h.request(dev, 'GET', accept)).body.needs2fa, false);
    assert.equal((await h.request(dev, 'POST', accept)).status, 204);

    const me = await h.request(dev, 'GET', '/api/0/organizations/strict/members/me/');
    assert.equal(me.status, 200);
    assert.equal(me.body.orgRole, 'member');
    assert.deepEqual(me.body.teamRoles, [{ teamSlug: 'backend', role: 'admin' }]);
    assert.equal(me.body.user!.has2fa, true);

    const audit = await h.request(owner, 'GET', '/api/0/organizations/strict/audit-logs/');
    assert.deepEqual(
      audit.body.rows.map((row: { event: string }) => row.event),
      ['member.accept-invite', 'member.pending', 'org.edit'],
    );
    assert.equal(audit.body.rows[1]!.note, 'required member dev@example.com to setup 2FA');
  });
});
