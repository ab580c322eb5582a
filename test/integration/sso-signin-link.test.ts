import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { totpCode } from '../../src/identity/totp.js';
import { samlServiceProviderFor } from '../../src/sso/sso-protocol.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { buildOrg, memberRow, TOTP_SECRET, type BuiltOrg } from '../helpers/org-factory.js';
import { startSamlIdp, type TestSamlIdp } from '../helpers/saml-idp.js';
import { signIn } from '../helpers/session.js';
import { location, refusalCode, ssoClient, type SsoClient } from '../helpers/sso-client.js';

/**
 * Issue 15: the SSO-link email's `/auth/link/{org}/` is followed from a signed-in session. Coming
 * back from the identity provider marks that session as having come through SSO for the organization
 * and keeps it: no second session, so an account with TOTP is not asked its code again.
 */
describe('SSO linking keeps the signed-in session (issue 15)', () => {
  let h: Harness;
  let org: BuiltOrg;
  let idp: TestSamlIdp;

  before(async () => {
    h = await createHarness();
    org = await buildOrg(h, { members: { owner: { role: 'owner' }, tia: { role: 'member', totp: true }, lou: { role: 'member' } } });
    idp = await startSamlIdp(samlServiceProviderFor(h.config, org.slug), { entityId: `https://idp.test.invalid/${org.slug}` });
    const created = await h.request(org.tokens.owner!, 'POST', `/api/0/organizations/${org.slug}/auth-provider/`, {
      provider: 'saml2',
      config: { idp_metadata_xml: idp.metadataXml },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
  });
  after(async () => h?.close());

  /** A browser signed in by the email link, its TOTP step answered when the account has one. */
  async function emailSession(key: string): Promise<SsoClient> {
    const session = await signIn(h, org.emailOf(key));
    if (session.needs2fa) {
      const passed = await session.request('POST', '/api/0/auth/2fa/', { otp: totpCode(TOTP_SECRET, h.clock.now()) });
      assert.equal(passed.status, 204, JSON.stringify(passed.body));
    }
    const client = ssoClient(h);
    client.cookies.set('roster_session', session.cookie);
    return client;
  }

  /** Starts the link flow in `client` and returns what the IdP would have the browser POST to the ACS for `key`. */
  async function linkAnswer(client: SsoClient, key: string) {
    const authnRequestUrl = await client.start(org.slug, { flow: 'link' });
    const user = { nameId: `${key}@idp.example`, email: org.emailOf(key) };
    return { SAMLResponse: await idp.respond(authnRequestUrl, user), RelayState: new URL(authnRequestUrl).searchParams.get('RelayState')! };
  }

  const sessionsOf = async (userId: string) =>
    (await h.database.db.selectFrom('user_sessions').select('id').where('user_id', '=', userId).where('revoked_at', 'is', null).execute()).length;

  it('marks the TOTP member’s own session SSO-complete: no new cookie, no second session, no code asked again', async () => {
    const client = await emailSession('tia');
    const cookie = client.cookies.get('roster_session');
    const gated = await client.api('GET', `/api/0/organizations/${org.slug}/`);
    assert.equal(gated.status, 401, 'the email session has not come through SSO yet');
    assert.equal(await sessionsOf(org.userIds.tia!), 1);

    const done = await client.send('POST', `/saml/acs/${org.slug}/`, { form: await linkAnswer(client, 'tia') });
    assert.equal(done.status, 302, String(done.body));
    assert.equal(location(done), `http://roster.test/organizations/${org.slug}/`);
    const setCookies = ([] as string[]).concat((done.headers['set-cookie'] as string | string[] | undefined) ?? []);
    assert.deepEqual(setCookies.filter((line) => line.startsWith('roster_session=')), [], 'the session cookie is left as it was');
    assert.equal(client.cookies.get('roster_session'), cookie);

    assert.equal(await sessionsOf(org.userIds.tia!), 1, 'no second session');
    const me = await client.api('GET', '/api/0/auth/');
    assert.equal(me.body.email, org.emailOf('tia'));
    assert.equal(me.body.needs2fa, false, 'the TOTP step stays done');
    assert.equal((await client.api('GET', `/api/0/organizations/${org.slug}/`)).status, 200, 'the same session passes the require-SSO gate');
    assert.equal((await memberRow(h, org.id, org.ids.tia!)).sso_linked, true);
  });

  it('refuses to finish a link whose session was signed out meanwhile, and links nothing', async () => {
    const client = await emailSession('lou');
    const form = await linkAnswer(client, 'lou');
    assert.equal((await client.api('DELETE', '/api/0/auth/')).status, 204);

    const refused = await client.send('POST', `/saml/acs/${org.slug}/`, { form });
    assert.equal(refused.status, 401);
    assert.equal(refusalCode(refused), 'not-signed-in');
    assert.equal(refused.headers['set-cookie'], undefined);
    assert.equal((await memberRow(h, org.id, org.ids.lou!)).sso_linked, false);
    const identities = await h.database.db.selectFrom('auth_identities').select('id').where('user_id', '=', org.userIds.lou!).execute();
    assert.deepEqual(identities, []);
  });
});
