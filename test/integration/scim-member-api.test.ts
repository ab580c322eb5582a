import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AUDIT_EVENTS } from '../../src/audit/audit-events.js';
import { secretMatches } from '../../src/platform/lib/secrets.js';
import { createHarness, type MailHarness } from '../helpers/harness.js';
import { auditEntries, buildOrg, memberRow, orgState, type BuiltOrg } from '../helpers/org-factory.js';

/**
 * Issue 16, what provisioning changes in the member API (spec scim.md §1.7, Roster's choice 11): a
 * member the identity provider provisioned can be neither removed nor leave (403, Sentry's text), as
 * long as SCIM manages them; an owner or manager may still resend a provisioned invite, which sends
 * the normal invite email.
 */
const MANAGED = { detail: "This user is managed through your organization's identity provider." };
const IDP = { 'idp:provisioned': true, 'idp:role-restricted': true };

describe('the member API and members the identity provider manages (issue 16)', () => {
  let h: MailHarness;
  before(async () => {
    h = await createHarness({ mail: true });
  });
  after(() => h.close());

  async function scimOrg(): Promise<BuiltOrg> {
    const org = await buildOrg(h, {
      members: {
        owner: { role: 'owner' },
        manny: { role: 'manager' },
        alice: { role: 'member', flags: IDP },
        invitee: { role: 'member', pending: true, flags: IDP },
      },
      authProvider: { provider: 'saml2' },
    });
    const enabled = await h.request(org.tokens.owner!, 'PUT', `/api/0/organizations/${org.slug}/auth-provider/`, { scim_enabled: true });
    assert.equal(enabled.status, 200, JSON.stringify(enabled.body));
    return org;
  }

  it('owners and managers cannot remove a provisioned member or withdraw a provisioned invite; nothing changes', async () => {
    const org = await scimOrg();
    const before = await orgState(h, org.id);
    for (const requester of ['owner', 'manny']) {
      for (const target of ['alice', 'invitee']) {
        const response = await h.request(org.tokens[requester]!, 'DELETE', org.memberUrl(target));
        assert.equal(response.status, 403, `${requester} → ${target}: ${JSON.stringify(response.body)}`);
        assert.deepEqual(response.body, MANAGED);
      }
    }
    assert.deepEqual(await orgState(h, org.id), before);
  });

  it('a provisioned member cannot leave (DELETE …/members/me/ and by their own id)', async () => {
    const org = await scimOrg();
    for (const target of ['me', org.ids.alice!]) {
      const response = await h.request(org.tokens.alice!, 'DELETE', org.memberUrl(target));
      assert.equal(response.status, 403, JSON.stringify(response.body));
      assert.deepEqual(response.body, MANAGED);
    }
    assert.ok(await memberRow(h, org.id, org.ids.alice!), 'still a member');
  });

  it('once SCIM is turned off the identity provider manages nobody: the same member may leave, the invite may be withdrawn', async () => {
    const org = await scimOrg();
    const off = await h.request(org.tokens.owner!, 'PUT', `/api/0/organizations/${org.slug}/auth-provider/`, { scim_enabled: false });
    assert.equal(off.status, 200);
    assert.equal((await h.request(org.tokens.alice!, 'DELETE', org.memberUrl('me'))).status, 204);
    assert.equal((await h.request(org.tokens.owner!, 'DELETE', org.memberUrl('invitee'))).status, 204);
  });

  it('an owner and a manager may resend a provisioned invite: the normal invite email, with a working link, and the flags stay', async () => {
    const org = await scimOrg();
    for (const requester of ['owner', 'manny']) {
      const response = await h.request(org.tokens[requester]!, 'PUT', org.memberUrl('invitee'), { reinvite: true });
      assert.equal(response.status, 200, `${requester}: ${JSON.stringify(response.body)}`);
      assert.equal(response.body.pending, true);
    }
    await h.deliverMail();
    const address = org.emailOf('invitee');
    const mine = () => h.smtp.messages.filter((mail) => mail.to && !Array.isArray(mail.to) && mail.to.text === address);
    await h.smtp.waitFor(() => mine().length >= 2);
    const mails = mine();
    assert.equal(mails.length, 2, 'one email per resend');
    assert.match(mails[0]!.subject ?? '', /^Join .* on Roster$/);
    // Delivery order is not send order: of the two links, exactly one (the latest) is the invite's now.
    const tokens = mails.map((mail) => new RegExp(`/accept/${org.ids.invitee}/([0-9a-f]{64})/`).exec(mail.text ?? '')?.[1]);
    assert.ok(tokens.every(Boolean), 'each email carries a link');
    const row = await memberRow(h, org.id, org.ids.invitee!);
    const working = tokens.filter((token) => secretMatches(token!, row.token_hash));
    assert.equal(working.length, 1, 'the latest link works');
    assert.deepEqual([row.idp_provisioned, row.idp_role_restricted], [true, true]);
    const reinvites = await auditEntries(h, org.id, AUDIT_EVENTS.MEMBER_REINVITE.id);
    assert.equal(reinvites.length, 2);

    // Accepting it keeps the identity provider's flags (#45594): the member is still managed.
    const accepted = await h.request(null, 'POST', `/api/0/accept-invite/${org.ids.invitee}/${working[0]}/`);
    assert.equal(accepted.status, 204, JSON.stringify(accepted.body));
    const joined = await memberRow(h, org.id, org.ids.invitee!);
    assert.ok(joined.user_id);
    assert.deepEqual([joined.idp_provisioned, joined.idp_role_restricted], [true, true]);
    assert.deepEqual((await h.request(org.tokens.owner!, 'DELETE', org.memberUrl('invitee'))).body, MANAGED);
  });
});
