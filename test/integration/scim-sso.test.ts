import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { issueInviteToken } from '../../src/members/invite-token.js';
import { samlServiceProviderFor } from '../../src/sso/sso-protocol.js';
import { createHarness, type MailHarness } from '../helpers/harness.js';
import { buildOrg, memberRow, type BuiltOrg } from '../helpers/org-factory.js';
import { startSamlIdp, type SamlUser, type TestSamlIdp } from '../helpers/saml-idp.js';
import { location, refusalCode, ssoClient } from '../helpers/sso-client.js';

/**
 * Issue 16, SCIM and SSO together (Roster's choice 7, spec scim.md §1.9 item 8): a member the
 * identity provider provisioned keeps its `idp:*` flags when an SSO sign-in accepts its invite
 * (Sentry #45594); one it deprovisioned (membership deleted, tombstone left) is brought back neither
 * by an SSO sign-in (JIT) nor by an old invite link, until the identity provider provisions them again.
 * Provisioning and deprovisioning are written here as the SCIM Users routes write them.
 */
describe('SCIM and SSO together: provisioned members keep their flags, deprovisioned ones stay out (issue 16)', () => {
  let h: MailHarness;
  let org: BuiltOrg;
  let idp: TestSamlIdp;
  const slug = 'scim-sso';

  before(async () => {
    h = await createHarness({ mail: true, config: { secretKey: crypto.randomBytes(32) } });
    org = await buildOrg(h, { slug, members: { owner: { role: 'owner' } }, users: { formerly: {}, returning: {} } });
    idp = await startSamlIdp(samlServiceProviderFor(h.config, slug), { entityId: `https://idp.test.invalid/${slug}` });
    const created = await h.request(org.tokens.owner!, 'POST', `/api/0/organizations/${slug}/auth-provider/`, { provider: 'saml2', config: { idp_metadata_xml: idp.metadataXml } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const scim = await h.request(org.tokens.owner!, 'PUT', `/api/0/organizations/${slug}/auth-provider/`, { scim_enabled: true });
    assert.equal(scim.status, 200, JSON.stringify(scim.body));
  });
  after(async () => h?.close());

  /** Roster's page, the IdP's answer for `user`, and the POST to the ACS: the response the browser gets. */
  async function signIn(user: SamlUser) {
    const client = ssoClient(h);
    const authnRequestUrl = await client.start(slug);
    const relayState = new URL(authnRequestUrl).searchParams.get('RelayState')!;
    const SAMLResponse = await idp.respond(authnRequestUrl, user);
    return client.send('POST', `/saml/acs/${slug}/`, { form: { SAMLResponse, RelayState: relayState } });
  }

  /** SCIM's POST /Users: a pending invite for `email`, managed (and role-restricted) by the identity provider. */
  async function provision(email: string, role = 'member'): Promise<{ id: string; link: string }> {
    const token = issueInviteToken(h.clock.now());
    await h.database.db.deleteFrom('scim_deprovisioned').where('organization_id', '=', org.id).where('email', '=', email).execute();
    const row = await h.database.db
      .insertInto('members')
      .values({ organization_id: org.id, email, role, token_hash: token.hash, token_expires_at: token.expiresAt, idp_provisioned: true, idp_role_restricted: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, link: `${row.id}/${token.token}` };
  }

  /** SCIM's deprovision: the membership and its SSO identity go, a tombstone stays (by address and account). */
  async function deprovision(memberId: string, { keepIdentity = false } = {}): Promise<void> {
    const member = await memberRow(h, org.id, memberId);
    const user = member.user_id ? await h.database.db.selectFrom('users').select(['id', 'email']).where('id', '=', member.user_id).executeTakeFirstOrThrow() : null;
    const email = (member.email ?? user!.email).toLowerCase();
    await h.database.db.transaction().execute(async (tx) => {
      if (user && !keepIdentity) await tx.deleteFrom('auth_identities').where('organization_id', '=', org.id).where('user_id', '=', user.id).execute();
      await tx.deleteFrom('members').where('organization_id', '=', org.id).where('id', '=', memberId).execute();
      await tx.insertInto('scim_deprovisioned').values({ organization_id: org.id, email, user_id: user?.id ?? null }).execute();
    });
  }

  /** Accepts an invite link as the account of person `key`, signed in (its API token). */
  async function acceptWithAccount(key: string, link: string): Promise<void> {
    const accepted = await h.request(org.tokens[key]!, 'POST', `/api/0/accept-invite/${link}/`);
    assert.equal(accepted.status, 204, JSON.stringify(accepted.body));
  }

  /** The `{member id}/{token}` of the invite link emailed to `address` for member `memberId`. */
  async function linkMailedTo(address: string, memberId: string): Promise<string> {
    await h.deliverMail();
    const pattern = new RegExp(`/accept/(${memberId}/[0-9a-f]{64})/`);
    const mine = () => h.smtp.messages.find((mail) => mail.to && !Array.isArray(mail.to) && mail.to.text === address && pattern.test(mail.text ?? ''));
    await h.smtp.waitFor(() => mine() !== undefined);
    return pattern.exec(mine()!.text ?? '')![1]!;
  }

  const membershipOf = (email: string) =>
    h.database.db
      .selectFrom('members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['m.id', 'm.role', 'm.idp_provisioned', 'm.idp_role_restricted', 'm.sso_linked'])
      .where('m.organization_id', '=', org.id)
      .where('u.email', '=', email)
      .executeTakeFirst();

  it('an SSO sign-in accepts the provisioned invite and keeps idp:provisioned and idp:role-restricted (#45594)', async () => {
    const email = 'ivy@scim-sso.example';
    const { id } = await provision(email, 'admin');
    const done = await signIn({ nameId: email, email });
    assert.equal(done.status, 302, String(done.body));
    assert.equal(location(done), `http://roster.test/organizations/${slug}/`);
    const member = await memberRow(h, org.id, id);
    assert.ok(member.user_id, 'the invite now has an account');
    assert.equal(member.role, 'admin');
    assert.equal(member.idp_provisioned, true);
    assert.equal(member.idp_role_restricted, true);
    assert.equal(member.sso_linked, true);

    // Signing in again (a known identity) leaves them as they are.
    assert.equal((await signIn({ nameId: email, email })).status, 302);
    const again = await memberRow(h, org.id, id);
    assert.deepEqual([again.idp_provisioned, again.idp_role_restricted, again.sso_linked], [true, true, true]);

    // And the member API still refuses to remove them: the identity provider manages them.
    const removal = await h.request(org.tokens.owner!, 'DELETE', org.memberUrl(id));
    assert.equal(removal.status, 403);
    assert.deepEqual(removal.body, { detail: "This user is managed through your organization's identity provider." });
  });

  it('a deprovisioned member is not brought back by signing in, whether their identity went with them or not', async () => {
    for (const keepIdentity of [false, true]) {
      const email = `jo-${keepIdentity}@scim-sso.example`;
      const { id } = await provision(email);
      assert.equal((await signIn({ nameId: email, email })).status, 302);
      await deprovision(id, { keepIdentity });

      const refused = await signIn({ nameId: email, email });
      assert.equal(refused.status, 403, `keepIdentity ${keepIdentity}: ${String(refused.body)}`);
      assert.equal(refusalCode(refused), 'deprovisioned');
      assert.match(String(refused.body), /identity provider has removed you from this organization/);
      assert.equal(refused.headers['set-cookie'], undefined, 'no session');
      assert.equal(await membershipOf(email), undefined, `keepIdentity ${keepIdentity}: no membership again`);
    }
  });

  it('a tombstone by account catches a sign-in under another of their addresses', async () => {
    const email = org.emailOf('formerly');
    const { id, link } = await provision(email);
    await acceptWithAccount('formerly', link);
    assert.equal((await signIn({ nameId: email, email })).status, 302, 'the member links their identity');
    await deprovision(id, { keepIdentity: true });
    // The identity provider now asserts another address for the same identity (NameID).
    const refused = await signIn({ nameId: email, email: 'formerly-renamed@scim-sso.example' });
    assert.equal(refused.status, 403, String(refused.body));
    assert.equal(refusalCode(refused), 'deprovisioned');
    assert.equal(await membershipOf(email), undefined);
  });

  it('a person deprovisioned before they ever joined gets no account and no membership from a sign-in', async () => {
    const email = 'kim@scim-sso.example';
    const { id } = await provision(email);
    await deprovision(id);
    const refused = await signIn({ nameId: email, email });
    assert.equal(refused.status, 403);
    assert.equal(refusalCode(refused), 'deprovisioned');
    const account = await h.database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    assert.equal(account, undefined, 'the refused sign-in created no account');
  });

  it('an old invite link of a deprovisioned member does not bring them back', async () => {
    const email = 'lee@scim-sso.example';
    const { id, link } = await provision(email);
    assert.equal((await h.request(null, 'GET', `/api/0/accept-invite/${link}/`)).status, 200, 'the link works while provisioned');
    await deprovision(id);
    const details = await h.request(null, 'GET', `/api/0/accept-invite/${link}/`);
    assert.equal(details.status, 400);
    assert.deepEqual(details.body, { details: 'Invalid invite code' });
    const accepted = await h.request(null, 'POST', `/api/0/accept-invite/${link}/`);
    assert.equal(accepted.status, 400);
    assert.deepEqual(accepted.body, { details: 'Invalid invite code' });
    const account = await h.database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    assert.equal(account, undefined);

    // Provisioned again: a new invite (a new id); the old link stays dead, the sign-in lets them in.
    const again = await provision(email);
    assert.notEqual(again.id, id);
    assert.equal((await h.request(null, 'POST', `/api/0/accept-invite/${link}/`)).status, 400);
    assert.equal((await signIn({ nameId: email, email })).status, 302);
    const member = await membershipOf(email);
    assert.equal(member?.id, again.id);
    assert.deepEqual([member?.idp_provisioned, member?.idp_role_restricted], [true, true]);
  });

  it('provisioned again, a member who had joined comes back through the resent invite, then SSO signs them in with the flags', async () => {
    const email = org.emailOf('returning');
    const first = await provision(email);
    await acceptWithAccount('returning', first.link);
    assert.equal((await signIn({ nameId: email, email })).status, 302, 'the member links their identity');
    await deprovision(first.id);
    const refused = await signIn({ nameId: email, email });
    assert.equal(refused.status, 403);
    assert.equal(refusalCode(refused), 'deprovisioned');

    // Provisioned again: the tombstone is gone. An SSO sign-in still does not merge into an account
    // that is not a member (anti-hijack, sso.md §4.2): SCIM sends no invite email (choice 11), so an
    // owner resends the invite, and the person accepts it signed in to their account.
    const second = await provision(email);
    const notMerged = await signIn({ nameId: email, email });
    assert.equal(notMerged.status, 409);
    assert.equal(refusalCode(notMerged), 'account-exists');
    const resent = await h.request(org.tokens.owner!, 'PUT', org.memberUrl(second.id), { reinvite: true });
    assert.equal(resent.status, 200, JSON.stringify(resent.body));
    await acceptWithAccount('returning', await linkMailedTo(email, second.id));
    const done = await signIn({ nameId: email, email });
    assert.equal(done.status, 302, String(done.body));
    const member = await membershipOf(email);
    assert.equal(member?.id, second.id, 'the new invite was accepted');
    assert.deepEqual([member?.idp_provisioned, member?.idp_role_restricted, member?.sso_linked], [true, true, true]);
  });

  it('a tombstone in another organization does not keep anyone out of this one', async () => {
    const other = await buildOrg(h);
    await h.database.db.insertInto('scim_deprovisioned').values({ organization_id: other.id, email: 'nell@scim-sso.example', user_id: null }).execute();
    const done = await signIn({ nameId: 'nell@scim-sso.example', email: 'nell@scim-sso.example' });
    assert.equal(done.status, 302, String(done.body));
    assert.ok(await membershipOf('nell@scim-sso.example'), 'a newcomer joins just in time');
  });
});
