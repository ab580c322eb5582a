import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { AUDIT_EVENTS } from '../../src/audit/audit-events.js';
import { samlServiceProviderFor } from '../../src/sso/sso-protocol.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { auditEntries, buildOrg, memberRow, type BuiltOrg } from '../helpers/org-factory.js';
import { startSamlIdp, type ResponseVariant, type SamlUser, type TestSamlIdp } from '../helpers/saml-idp.js';
import { location, refusalCode, ssoClient, type SsoClient } from '../helpers/sso-client.js';

/**
 * Issue 15, part 2: signing in through an organization's SAML 2.0 provider, end to end with a
 * scripted browser against an in-process samlify IdP: Roster's AuthnRequest with its RelayState, the
 * POSTed response at the ACS, the rules of finishing, and the refused responses (a tampered
 * assertion, a replayed response, a wrong audience, another organization's sign-in).
 */
describe('SSO sign-in through SAML 2.0 (issue 15)', () => {
  let h: Harness;
  let acme: BuiltOrg;
  let other: BuiltOrg;
  let acmeIdp: TestSamlIdp;
  let otherIdp: TestSamlIdp;

  async function samlOrg(slug: string): Promise<{ org: BuiltOrg; idp: TestSamlIdp }> {
    const org = await buildOrg(h, {
      slug,
      members: { owner: { role: 'owner' }, alice: { role: 'member' }, bob: { role: 'member' }, carol: { role: 'member' }, dan: { role: 'member' } },
      users: { outsider: {} },
    });
    const idp = await startSamlIdp(samlServiceProviderFor(h.config, slug), { entityId: `https://idp.test.invalid/${slug}` });
    const created = await h.request(org.tokens.owner!, 'POST', `/api/0/organizations/${slug}/auth-provider/`, {
      provider: 'saml2',
      config: { idp_metadata_xml: idp.metadataXml },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return { org, idp };
  }

  before(async () => {
    h = await createHarness({ config: { secretKey: crypto.randomBytes(32) } });
    ({ org: acme, idp: acmeIdp } = await samlOrg('saml-acme'));
    ({ org: other, idp: otherIdp } = await samlOrg('saml-other'));
  });
  after(async () => h?.close());

  /** Starts at Roster, has `idp` answer the AuthnRequest for `user`, and returns what the browser would POST to the ACS. */
  async function answer(client: SsoClient, org: BuiltOrg, idp: TestSamlIdp, user: SamlUser, variant: ResponseVariant = 'genuine') {
    const authnRequestUrl = await client.start(org.slug);
    const relayState = new URL(authnRequestUrl).searchParams.get('RelayState')!;
    return { SAMLResponse: await idp.respond(authnRequestUrl, user, variant), RelayState: relayState };
  }

  const post = (client: SsoClient, slug: string, form: Record<string, string>) => client.send('POST', `/saml/acs/${slug}/`, { form });
  const identitiesOf = (orgId: string, userId: string) =>
    h.database.db.selectFrom('auth_identities').selectAll().where('organization_id', '=', orgId).where('user_id', '=', userId).execute();

  it("publishes Roster's service-provider metadata, and redirects with an AuthnRequest and a RelayState", async () => {
    const metadata = await ssoClient(h).send('GET', '/saml/metadata/saml-acme/');
    assert.equal(metadata.status, 200);
    assert.match(String(metadata.headers['content-type']), /samlmetadata\+xml/);
    assert.match(String(metadata.body), /entityID="http:\/\/roster\.test\/saml\/metadata\/saml-acme\/"/);
    assert.match(String(metadata.body), /Location="http:\/\/roster\.test\/saml\/acs\/saml-acme\/"/);

    const url = new URL(await ssoClient(h).start('saml-acme'));
    assert.equal(`${url.origin}${url.pathname}`, acmeIdp.ssoUrl);
    assert.ok(url.searchParams.get('SAMLRequest'));
    assert.ok(url.searchParams.get('RelayState'));
    const page = await ssoClient(h).send('GET', '/auth/login/saml-acme/');
    assert.match(String(page.body), /Continue with SAML2/);
  });

  it('links a member by the address the IdP signs for, then signs the known identity in', async () => {
    const client = ssoClient(h);
    const user = { nameId: acme.emailOf('alice'), email: acme.emailOf('alice'), name: 'Alice' };
    const done = await post(client, 'saml-acme', await answer(client, acme, acmeIdp, user));
    assert.equal(done.status, 302, String(done.body));
    assert.equal(location(done), 'http://roster.test/organizations/saml-acme/');
    assert.equal((await memberRow(h, acme.id, acme.ids.alice!)).sso_linked, true);
    const [identity] = await identitiesOf(acme.id, acme.userIds.alice!);
    assert.equal(identity!.ident, acme.emailOf('alice'));
    assert.equal((await client.api('GET', '/api/0/organizations/saml-acme/')).status, 200);

    const again = ssoClient(h);
    assert.equal((await post(again, 'saml-acme', await answer(again, acme, acmeIdp, user))).status, 302);
    assert.equal((await again.api('GET', '/api/0/auth/')).body.email, acme.emailOf('alice'));
    const links = (await auditEntries(h, acme.id, AUDIT_EVENTS.SSO_IDENTITY_LINK.id)).filter((entry) => entry.target_user_id === acme.userIds.alice);
    assert.equal(links.length, 1, 'one link, however many sign-ins');
  });

  it('adds a newcomer just in time, and refuses to merge into an account that is not a member', async () => {
    const client = ssoClient(h);
    const newcomer = { nameId: 'nia@newcomers.example', email: 'nia@newcomers.example' };
    assert.equal((await post(client, 'saml-acme', await answer(client, acme, acmeIdp, newcomer))).status, 302);
    const user = await h.database.db.selectFrom('users').selectAll().where('email', '=', 'nia@newcomers.example').executeTakeFirstOrThrow();
    const member = await h.database.db.selectFrom('members').selectAll().where('organization_id', '=', acme.id).where('user_id', '=', user.id).executeTakeFirstOrThrow();
    assert.equal(member.role, 'member');
    assert.equal(member.sso_linked, true);

    const stranger = ssoClient(h);
    const refused = await post(stranger, 'saml-acme', await answer(stranger, acme, acmeIdp, { nameId: acme.emailOf('outsider'), email: acme.emailOf('outsider') }));
    assert.equal(refused.status, 409);
    assert.equal(refusalCode(refused), 'account-exists');
  });

  it('refuses a tampered assertion', async () => {
    const client = ssoClient(h);
    const form = await answer(client, acme, acmeIdp, { nameId: acme.emailOf('bob'), email: acme.emailOf('bob') }, 'tampered');
    const refused = await post(client, 'saml-acme', form);
    assert.equal(refused.status, 400);
    assert.equal(refusalCode(refused), 'bad-signature');
    assert.equal(refused.headers['set-cookie'], undefined);
    assert.equal((await memberRow(h, acme.id, acme.ids.bob!)).sso_linked, false);
    assert.deepEqual(await identitiesOf(acme.id, acme.userIds.bob!), []);
  });

  it('refuses a replayed response, with its own RelayState or with a new sign-in', async () => {
    const client = ssoClient(h);
    const user = { nameId: acme.emailOf('carol'), email: acme.emailOf('carol') };
    const form = await answer(client, acme, acmeIdp, user);
    assert.equal((await post(client, 'saml-acme', form)).status, 302);

    const sameState = await post(ssoClient(h), 'saml-acme', form);
    assert.equal(sameState.status, 400);
    assert.equal(refusalCode(sameState), 'unknown-state');

    // The captured response, posted with the RelayState of a sign-in the attacker started: it answers another request.
    const attacker = ssoClient(h);
    const fresh = new URL(await attacker.start('saml-acme')).searchParams.get('RelayState')!;
    const replayed = await post(attacker, 'saml-acme', { SAMLResponse: form.SAMLResponse, RelayState: fresh });
    assert.equal(replayed.status, 400);
    assert.match(refusalCode(replayed) ?? '', /^(unexpected-response|replayed)$/);
    assert.equal(replayed.headers['set-cookie'], undefined);
  });

  it('refuses an assertion for another audience', async () => {
    const client = ssoClient(h);
    const refused = await post(client, 'saml-acme', await answer(client, acme, acmeIdp, { nameId: acme.emailOf('dan'), email: acme.emailOf('dan') }, 'wrong-audience'));
    assert.equal(refused.status, 400);
    assert.equal(refusalCode(refused), 'wrong-audience');
    assert.deepEqual(await identitiesOf(acme.id, acme.userIds.dan!), []);
  });

  // The rest of the SAML attacks, through the ACS: each refused with its code, no session, no link.
  const attacks: Array<[ResponseVariant, string]> = [
    ['signature-wrapping', 'bad-signature'],
    ['wrong-recipient', 'wrong-recipient'],
    ['wrong-issuer', 'wrong-issuer'],
    ['expired', 'expired'],
    ['not-yet-valid', 'not-yet-valid'],
    ['unsigned-assertion', 'unsigned-assertion'],
    ['unsigned', 'unsigned-assertion'],
  ];
  for (const [variant, code] of attacks) {
    it(`refuses a response that is ${variant} (${code})`, async () => {
      const client = ssoClient(h);
      const refused = await post(client, 'saml-acme', await answer(client, acme, acmeIdp, { nameId: acme.emailOf('dan'), email: acme.emailOf('dan') }, variant));
      assert.equal(refused.status, 400);
      assert.equal(refusalCode(refused), code);
      assert.equal(refused.headers['set-cookie'], undefined);
      assert.deepEqual(await identitiesOf(acme.id, acme.userIds.dan!), []);
    });
  }

  it("refuses another organization's sign-in posted to this organization's ACS", async () => {
    const client = ssoClient(h);
    // A genuine sign-in at the other organization's provider, delivered to acme's ACS.
    const form = await answer(client, other, otherIdp, { nameId: acme.emailOf('dan'), email: acme.emailOf('dan') });
    const refused = await post(client, 'saml-acme', form);
    assert.equal(refused.status, 400);
    assert.equal(refusalCode(refused), 'wrong-organization');
    assert.equal(refused.headers['set-cookie'], undefined);
    assert.deepEqual(await identitiesOf(acme.id, acme.userIds.dan!), []);
    // …and acme's IdP cannot sign anyone in at the other organization either.
    const mine = await answer(client, acme, acmeIdp, { nameId: other.emailOf('dan'), email: other.emailOf('dan') });
    const crossed = await post(client, 'saml-other', mine);
    assert.equal(crossed.status, 400);
    assert.equal(refusalCode(crossed), 'wrong-organization');
  });

  it('names the missing field of a malformed ACS post', async () => {
    const response = await post(ssoClient(h), 'saml-acme', { RelayState: 'x' });
    assert.equal(response.status, 400);
    assert.deepEqual(response.body, { SAMLResponse: ['This field is required.'] });
  });
});
