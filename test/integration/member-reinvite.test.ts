import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ParsedMail } from 'mailparser';
import { AUDIT_EVENTS } from '../../src/audit/audit-events.js';
import { DAY_MS } from '../../src/platform/lib/clock.js';
import { secretMatches } from '../../src/platform/lib/secrets.js';
import { createHarness, type MailHarness } from '../helpers/harness.js';
import { assertMatchesOpenApi } from '../helpers/openapi.js';
import { auditEntries, buildOrg, memberRow, orgState } from '../helpers/org-factory.js';

const DETAIL = '/api/0/organizations/{organization_id_or_slug}/members/{member_id}/';

describe('PUT member: reinvite (§5.4 step 6, §7.3, §8.1–8.2, decisions fix 9)', () => {
  let h: MailHarness;
  before(async () => {
    h = await createHarness({ mail: true });
  });
  after(async () => {
    await h.close();
  });

  /** Delivers the outbox over SMTP and returns what reached this address. */
  async function deliveredTo(address: string, count = 1): Promise<ParsedMail[]> {
    await h.deliverMail();
    const mine = () => h.smtp.messages.filter((mail) => mail.to && !Array.isArray(mail.to) && mail.to.text === address);
    await h.smtp.waitFor(() => mine().length >= count);
    return mine();
  }

  const tokenOf = (link: string) => /\/accept\/\d+\/([0-9a-f]{64})\//.exec(link)![1]!;

  it('§5.4 step 6b / decisions fix 9: a resent invite arrives by SMTP with a new working link and the same expiry', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, invitee: { role: 'member', pending: true, invitedBy: 'owner' } } });
    const oldToken = tokenOf(org.inviteLinks.invitee!);
    const expiresAt = (await memberRow(h, org.id, org.ids.invitee!)).token_expires_at!;
    h.clock.advance(5 * DAY_MS);

    const response = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('invitee'), { reinvite: true });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    assertMatchesOpenApi('put', DETAIL, 200, response.body);
    assert.equal(response.body.pending, true);

    const [mail] = await deliveredTo(org.emailOf('invitee'));
    assert.equal(mail!.subject, `Join Org ${org.slug.split('-')[1]} on Roster`);
    const link = new RegExp(`http://roster\\.test/accept/${org.ids.invitee}/([0-9a-f]{64})/`).exec(mail!.text ?? '');
    assert.ok(link, mail!.text);
    assert.ok(String(mail!.html).includes(link[0]), 'the HTML part carries the same link');
    const row = await memberRow(h, org.id, org.ids.invitee!);
    assert.equal(secretMatches(link[1]!, row.token_hash), true, 'the new link works');
    assert.equal(secretMatches(oldToken, row.token_hash), false, 'the old link no longer does');
    assert.equal(row.token_expires_at!.getTime(), expiresAt.getTime(), 'a resend keeps the expiry');
  });

  it('§7.3 / decisions fix 9: regenerate (member:admin) grants a fresh 30 days, also to an expired invite', async () => {
    const org = await buildOrg(h, {
      members: { owner: { role: 'owner' }, invitee: { role: 'member', pending: true, invitedBy: 'owner', tokenExpiresAt: '2001-01-01T00:00:00Z' } },
    });
    const response = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('invitee'), { reinvite: true, regenerate: true });
    assert.equal(response.status, 200);
    assert.equal(response.body.expired, false);
    const row = await memberRow(h, org.id, org.ids.invitee!);
    assert.equal(row.token_expires_at!.getTime(), h.clock.now().getTime() + 30 * DAY_MS);
    const [mail] = await deliveredTo(org.emailOf('invitee'));
    assert.equal(secretMatches(/\/accept\/\d+\/([0-9a-f]{64})\//.exec(mail!.text ?? '')![1]!, row.token_hash), true);
  });

  it('§5.4 step 6b: an expired invite is not resent without regenerate (400, nothing changes)', async () => {
    const org = await buildOrg(h, {
      members: { owner: { role: 'owner' }, invitee: { role: 'member', pending: true, tokenExpiresAt: '2001-01-01T00:00:00Z' } },
    });
    const before = await orgState(h, org.id);
    const response = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('invitee'), { reinvite: true });
    assert.equal(response.status, 400);
    assert.deepEqual(response.body, { detail: 'You cannot resend an expired invitation without regenerating the token.' });
    assert.deepEqual(await orgState(h, org.id), before);
  });

  it('§5.4 step 6b: regenerate needs member:admin (400 for a member resending its own invite)', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, mel: { role: 'member' }, invitee: { role: 'member', pending: true, invitedBy: 'mel' } } });
    const before = await orgState(h, org.id);
    const response = await h.request(org.tokens.mel!, 'PUT', org.memberUrl('invitee'), { reinvite: true, regenerate: true });
    assert.equal(response.status, 400);
    assert.deepEqual(response.body, { detail: 'You are missing the member:admin scope.' });
    assert.deepEqual(await orgState(h, org.id), before);
  });

  it('§7.3: a member may resend its own invite; the answer shows no assignable roles', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, mel: { role: 'member' }, invitee: { role: 'member', pending: true, invitedBy: 'mel' } } });
    const response = await h.request(org.tokens.mel!, 'PUT', org.memberUrl('invitee'), { reinvite: true });
    assert.equal(response.status, 200);
    assert.equal(response.body.orgRoleList.some((role: { isAllowed: boolean }) => role.isAllowed), false);
    const [mail] = await deliveredTo(org.emailOf('invitee'));
    assert.ok(mail!.text?.includes(`/accept/${org.ids.invitee}/`));
  });

  it('§5.4 step 6a: reinvite with other fields is refused (403, nothing changes)', async () => {
    const org = await buildOrg(h, { teams: ['backend'], members: { owner: { role: 'owner' }, invitee: { role: 'member', pending: true } } });
    const before = await orgState(h, org.id);
    const response = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('invitee'), { reinvite: true, teams: ['backend'] });
    assert.equal(response.status, 403);
    assert.deepEqual(response.body, { detail: 'You cannot modify member details when resending an invitation. Separate requests are required.' });
    assert.deepEqual(await orgState(h, org.id), before);
  });

  it('§5.4 step 6c / §8.2: a full member not linked to the SSO provider gets the SSO-link email', async () => {
    const org = await buildOrg(h, { authProvider: { provider: 'saml2' }, members: { owner: { role: 'owner' }, alice: { role: 'member' } } });
    const response = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('alice'), { reinvite: true });
    assert.equal(response.status, 200);
    const [mail] = await deliveredTo(org.emailOf('alice'));
    assert.equal(mail!.subject, `Action Required for Org ${org.slug.split('-')[1]}`);
    const link = `http://roster.test/auth/link/${org.slug}/`;
    for (const part of [mail!.text ?? '', String(mail!.html)]) {
      assert.ok(part.includes(link), part);
      assert.ok(part.includes(org.emailOf('owner')), 'names the requester');
      assert.ok(part.includes('saml2'), 'names the provider');
    }
    const entry = (await auditEntries(h, org.id)).find((e) => e.event === AUDIT_EVENTS.MEMBER_REINVITE.id);
    assert.equal(entry?.target_object, org.ids.alice);
  });

  it('§5.4 step 6d: a full member with nothing to link cannot be reinvited (400)', async () => {
    const noSso = await buildOrg(h, { members: { owner: { role: 'owner' }, alice: { role: 'member' } } });
    const plain = await h.request(noSso.tokens.owner!, 'PUT', noSso.memberUrl('alice'), { reinvite: true });
    assert.equal(plain.status, 400);
    assert.deepEqual(plain.body, { detail: 'You cannot send an invitation to a user who is already a full member.' });
    const linked = await buildOrg(h, {
      authProvider: { provider: 'saml2' },
      members: { owner: { role: 'owner' }, alice: { role: 'member', flags: { 'sso:linked': true } } },
    });
    const before = await orgState(h, linked.id);
    const response = await h.request(linked.tokens.owner!, 'PUT', linked.memberUrl('alice'), { reinvite: true });
    assert.equal(response.status, 400);
    assert.deepEqual(await orgState(h, linked.id), before);
  });

  it('§5.2 step 5: resending is rate limited, 10 a day per address (429, the refused one changes nothing)', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, invitee: { role: 'member', pending: true } } });
    for (let i = 0; i < 10; i++) {
      const response = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('invitee'), { reinvite: true });
      assert.equal(response.status, 200, `resend ${i + 1}`);
    }
    const before = await orgState(h, org.id);
    const limited = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('invitee'), { reinvite: true });
    assert.equal(limited.status, 429);
    assert.deepEqual(limited.body, { detail: 'You are being rate limited for too many invitations.' });
    assert.deepEqual(await orgState(h, org.id), before);
  });

  it('§10 member.reinvite: one entry with the member payload, and no member.edit', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, invitee: { role: 'member', pending: true } } });
    await h.request(org.tokens.owner!, 'PUT', org.memberUrl('invitee'), { reinvite: 'true' });
    const entries = await auditEntries(h, org.id);
    assert.deepEqual(entries.map((e) => e.event), [AUDIT_EVENTS.MEMBER_REINVITE.id]);
    assert.equal(entries[0]!.data.email, org.emailOf('invitee'));
    assert.equal(entries[0]!.data.invite_status, 'approved');
  });

  it('§5.4 step 6: reinvite false falls through to the edit path (no email, member.edit)', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, invitee: { role: 'member', pending: true } } });
    const response = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('invitee'), { reinvite: false });
    assert.equal(response.status, 200);
    const state = await orgState(h, org.id);
    assert.deepEqual(state.outbox, []);
    assert.deepEqual(state.audit.map((e) => e.event), [AUDIT_EVENTS.MEMBER_EDIT.id]);
  });
});
