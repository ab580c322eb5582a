import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { secretMatches } from '../../src/platform/lib/secrets.js';
import { createHarness, type MailHarness } from '../helpers/harness.js';
import { OUT_OF_SCOPE_ORG_FIELDS, assertMatchesOpenApi } from '../helpers/openapi.js';
import { EVENT, TOTP_SECRET, auditEntries, buildOrg, memberRow, orgRow } from '../helpers/org-factory.js';
import { mailsTo } from '../helpers/smtp.js';

describe('require2FA (sentry-behavior.md §7 step 7, §8.3, §9.4; decisions.md item 10)', () => {
  let h: MailHarness;
  before(async () => {
    h = await createHarness({ mail: true });
  });
  after(async () => {
    await h.close();
  });

  it('§7.7: members without 2FA become pending invites (role and teams kept), with member.pending entries and the setup email', async () => {
    const org = await buildOrg(h, { slug: 'twofa', members: {
        owner: { role: 'owner', totp: true, teams: ['backend'] },
        owner2: { role: 'owner' },
        admin: { role: 'admin', teams: ['backend', 'frontend'] },
        member: { role: 'member', totp: true },
        member2: { role: 'member' },
      }, teams: ['backend', 'frontend'], name: 'twofa LABS' });
    const response = await h.request(org.tokens.owner!, 'PUT', '/api/0/organizations/twofa/', { require2FA: true });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    assert.equal(response.body.require2FA, true);

    const pended = ['owner2', 'admin', 'member2'];
    for (const key of ['owner', 'member']) assert.equal((await memberRow(h, org.id, org.ids[key]!)).user_id, org.userIds[key]);
    for (const key of pended) {
      const row = await memberRow(h, org.id, org.ids[key]!);
      assert.equal(row.user_id, null, key);
      assert.equal(row.email, org.emailOf(key));
      assert.ok(row.token_hash);
      assert.equal(row.token_expires_at!.getTime(), h.clock.now().getTime() + 30 * 24 * 3600 * 1000);
    }
    assert.equal((await memberRow(h, org.id, org.ids.admin!)).role, 'admin');
    const adminTeams = await h.database.db.selectFrom('member_teams').select('team_id').where('member_id', '=', org.ids.admin!).execute();
    assert.equal(adminTeams.length, 2, 'teams are kept');

    const pending = await auditEntries(h, org.id, EVENT.MEMBER_PENDING);
    assert.deepEqual(pending.map((entry) => entry.target_user_id), pended.map((key) => org.userIds[key]));
    for (const entry of pending) {
      assert.equal(entry.actor_id, org.userIds.owner);
      assert.equal(entry.target_object, org.id);
    }
    assert.deepEqual(pending[1]!.data, {
      email: org.emailOf('admin'),
      user: null,
      teams: [org.teams.backend, org.teams.frontend],
      teams_slugs: ['backend', 'frontend'],
      has_global_access: true,
      role: 'admin',
      invite_status: 'approved',
    });
    assert.deepEqual((await auditEntries(h, org.id, EVENT.ORG_EDIT)).map((entry) => entry.data), [{ require_2fa: 'to True' }]);

    await h.deliverMail();
    for (const key of pended) {
      const mails = mailsTo(h.smtp.messages, org.emailOf(key));
      assert.equal(mails.length, 1, key);
      const mail = mails[0]!;
      assert.equal(mail.subject, '[Roster] Twofa labs Mandatory: Enable Two-Factor Authentication');
      const link = /http:\/\/roster\.test\/accept\/(\d+)\/([0-9a-f]{64})\//.exec(mail.text ?? '');
      assert.ok(link, 'the text part carries the invite link');
      assert.equal(link[1], org.ids[key], 'the link is for this member');
      assert.ok(secretMatches(link[2]!, (await memberRow(h, org.id, org.ids[key]!)).token_hash), 'the token is the stored one');
      assert.ok(typeof mail.html === 'string' && mail.html.includes(link[0]), 'the HTML part carries the same link');
      assert.match(mail.text ?? '', /two-factor authentication/);
    }
    for (const key of ['owner', 'member']) assert.deepEqual(mailsTo(h.smtp.messages, org.emailOf(key)), []);
  });

  it('§9.4: refused without personal 2FA, and with an SSO provider; nothing changes', async () => {
    const org = await buildOrg(h, { slug: 'twofa-refused', members: { owner: { role: 'owner' }, member: { role: 'member' } } });
    const no2fa = await h.request(org.tokens.owner!, 'PUT', '/api/0/organizations/twofa-refused/', { require2FA: true });
    assert.equal(no2fa.status, 400);
    assert.deepEqual(no2fa.body, { require2FA: ['Cannot require two-factor authentication without personal two-factor enabled.'] });

    const sso = await buildOrg(h, { slug: 'twofa-sso', members: { owner: { role: 'owner', totp: true }, member: { role: 'member' } }, authProvider: { provider: 'saml2' } });
    const withSso = await h.request(sso.tokens.owner!, 'PUT', '/api/0/organizations/twofa-sso/', { require2FA: true });
    assert.equal(withSso.status, 400);
    assert.deepEqual(withSso.body, { require2FA: ['Cannot require two-factor authentication with SSO enabled'] });

    for (const seeded of [org, sso]) {
      assert.equal((await orgRow(h, seeded.id)).require_2fa, false);
      assert.equal((await memberRow(h, seeded.id, seeded.ids.member!)).user_id, seeded.userIds.member);
      assert.deepEqual(await auditEntries(h, seeded.id), []);
    }
  });

  it('decisions.md item 10: the last active owner is never detached, even without 2FA (a superuser, who may remove owners, enforces)', async () => {
    const org = await buildOrg(h, { slug: 'twofa-owner', members: {
      owner: { role: 'owner' },
      owner2: { role: 'owner' },
      manager: { role: 'manager', totp: true },
      member: { role: 'member' },
    } });
    const root = await h.seed({ users: [{ email: 'root@twofa-owner.example.com', superuser: true, totpSecret: TOTP_SECRET }] });
    const response = await h.request(root.users['root@twofa-owner.example.com']!.token, 'PUT', '/api/0/organizations/twofa-owner/', { require2FA: true });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    assert.deepEqual(response.body.membersAskedToComply, []);
    assert.equal((await memberRow(h, org.id, org.ids.owner!)).user_id, org.userIds.owner, 'the earliest owner stays');
    assert.equal((await memberRow(h, org.id, org.ids.owner2!)).user_id, null);
    assert.equal((await memberRow(h, org.id, org.ids.member!)).user_id, null);
    assert.equal((await memberRow(h, org.id, org.ids.manager!)).user_id, org.userIds.manager);
    const owners = await h.database.db
      .selectFrom('members')
      .select('id')
      .where('organization_id', '=', org.id)
      .where('role', '=', 'owner')
      .where('user_id', 'is not', null)
      .execute();
    assert.equal(owners.length, 1);
  });

  it('issue 13 item 2: a manager never suspends an owner: owners without 2FA stay, are emailed to comply, and are listed in the answer and the audit entry', async () => {
    const org = await buildOrg(h, { slug: 'twofa-manager', members: {
      owner: { role: 'owner' },
      owner2: { role: 'owner' },
      owner3: { role: 'owner', totp: true },
      manager: { role: 'manager', totp: true },
      manager2: { role: 'manager' },
      member: { role: 'member' },
    } });
    const response = await h.request(org.tokens.manager!, 'PUT', '/api/0/organizations/twofa-manager/', { require2FA: true });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    assertMatchesOpenApi('put', '/api/0/organizations/{organization_id_or_slug}/', 200, response.body, OUT_OF_SCOPE_ORG_FIELDS);
    assert.deepEqual(response.body.membersAskedToComply, [
      { id: org.ids.owner, email: org.emailOf('owner'), orgRole: 'owner' },
      { id: org.ids.owner2, email: org.emailOf('owner2'), orgRole: 'owner' },
    ]);
    for (const key of ['owner', 'owner2', 'owner3', 'manager']) assert.equal((await memberRow(h, org.id, org.ids[key]!)).user_id, org.userIds[key], key);
    for (const key of ['manager2', 'member']) assert.equal((await memberRow(h, org.id, org.ids[key]!)).user_id, null, key);
    const pending = await auditEntries(h, org.id, EVENT.MEMBER_PENDING);
    assert.deepEqual(pending.map((entry) => entry.target_user_id), [org.userIds.manager2, org.userIds.member]);
    assert.deepEqual((await auditEntries(h, org.id, EVENT.ORG_EDIT)).map((entry) => entry.data), [
      { require_2fa: 'to True', members_asked_to_comply: `${org.emailOf('owner')}, ${org.emailOf('owner2')}` },
    ]);

    await h.deliverMail();
    for (const key of ['owner', 'owner2']) {
      const mails = mailsTo(h.smtp.messages, org.emailOf(key));
      assert.equal(mails.length, 1, key);
      assert.equal(mails[0]!.subject, '[Roster] Twofa-manager Action Required: Enable Two-Factor Authentication');
      assert.match(mails[0]!.text ?? '', /two-factor authentication on your account: http:\/\/roster\.test\/account\//);
      assert.doesNotMatch(mails[0]!.text ?? '', /\/accept\//, 'no invite link: the membership was not suspended');
    }
    assert.deepEqual(mailsTo(h.smtp.messages, org.emailOf('owner3')), []);

    // The same for email verification: the owner without a verified address is asked, with a verification link.
    const verify = await buildOrg(h, { slug: 'verify-manager', members: { owner: { role: 'owner', verified: false }, owner2: { role: 'owner' }, manager: { role: 'manager' } } });
    const verified = await h.request(verify.tokens.manager!, 'PUT', '/api/0/organizations/verify-manager/', { requireEmailVerification: true });
    assert.equal(verified.status, 200, JSON.stringify(verified.body));
    assert.deepEqual(verified.body.membersAskedToComply, [{ id: verify.ids.owner, email: verify.emailOf('owner'), orgRole: 'owner' }]);
    assert.equal((await memberRow(h, verify.id, verify.ids.owner!)).user_id, verify.userIds.owner);
    await h.deliverMail();
    const [mail] = mailsTo(h.smtp.messages, verify.emailOf('owner'));
    assert.match(mail?.text ?? '', /Verify your email address: http:\/\/roster\.test\/account\/confirm-email\//);
  });

  it('§9.6: sending require2FA: true when it is already on enforces again', async () => {
    const org = await buildOrg(h, { slug: 'twofa-again', members: { owner: { role: 'owner', totp: true }, late: { role: 'member' } }, settings: { require2FA: true } });
    const response = await h.request(org.tokens.owner!, 'PUT', '/api/0/organizations/twofa-again/', { require2FA: true });
    assert.equal(response.status, 200);
    assert.equal((await memberRow(h, org.id, org.ids.late!)).user_id, null);
    assert.equal((await auditEntries(h, org.id, EVENT.MEMBER_PENDING)).length, 1);
    assert.deepEqual(await auditEntries(h, org.id, EVENT.ORG_EDIT), [], 'the flag itself did not change');

    const off = await h.request(org.tokens.owner!, 'PUT', '/api/0/organizations/twofa-again/', { require2FA: false });
    assert.equal(off.body.require2FA, false);
    assert.deepEqual((await auditEntries(h, org.id, EVENT.ORG_EDIT)).map((entry) => entry.data), [{ require_2fa: 'to False' }]);
  });
});
