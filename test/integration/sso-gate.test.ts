import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { totpCode } from '../../src/identity/totp.js';
import { insertMember } from '../../src/members/members.queries.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { buildOrg, TOTP_SECRET, type BuiltOrg, type OrgSpec } from '../helpers/org-factory.js';
import { startOidcIdp, type TestOidcIdp } from '../helpers/oidc-idp.js';
import { signIn } from '../helpers/session.js';
import { pathOf, ssoClient, type SsoClient } from '../helpers/sso-client.js';
import { inTransaction } from '../helpers/database.js';

/**
 * Issue 15, part 2: the require-SSO gate. A member's browser session answers 401 `sso-required` in an
 * organization that requires SSO until it came through the provider with a valid identity; tokens,
 * superusers who are not members, other organizations, and owners while no owner is linked are not
 * stopped; the TOTP step still applies to a session an SSO sign-in opened.
 */
describe('SSO: the require-SSO gate (issue 15)', () => {
  let h: Harness;
  let idp: TestOidcIdp;

  before(async () => {
    h = await createHarness({ config: { secretKey: crypto.randomBytes(32) } });
    idp = await startOidcIdp({ redirectUri: 'http://roster.test/auth/sso/' });
  });
  after(async () => {
    await idp?.close();
    await h?.close();
  });

  async function ssoOrg(spec: OrgSpec): Promise<BuiltOrg> {
    const org = await buildOrg(h, spec);
    const created = await h.request(org.tokens.owner!, 'POST', `/api/0/organizations/${org.slug}/auth-provider/`, {
      provider: 'oidc',
      config: { issuer: idp.issuer, client_id: idp.clientId, client_secret: idp.clientSecret },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    for (const key of Object.keys(spec.members ?? {})) idp.addAccount({ sub: `${key}-${org.slug}`, email: org.emailOf(key), email_verified: true });
    return org;
  }

  /** A browser signed in by the email link (no SSO). */
  async function emailSession(email: string): Promise<SsoClient> {
    const client = ssoClient(h);
    client.cookies.set('roster_session', (await signIn(h, email)).cookie);
    return client;
  }

  /** A browser signed in through the organization's provider as the person `key`. */
  async function ssoSession(org: BuiltOrg, key: string, client = ssoClient(h)): Promise<SsoClient> {
    const callback = await idp.signIn(await client.start(org.slug), `${key}-${org.slug}`);
    const done = await client.send('GET', pathOf(callback));
    assert.equal(done.status, 302, String(done.body));
    return client;
  }

  const orgUrl = (org: BuiltOrg) => `/api/0/organizations/${org.slug}/`;
  const ssoRequired = (org: BuiltOrg) => ({
    detail: { code: 'sso-required', message: 'Must login via SSO', extra: { loginUrl: `http://roster.test/auth/login/${org.slug}/` } },
  });

  it('answers sso-required to an email session, and lets the same member in after SSO', async () => {
    const org = await ssoOrg({ members: { owner: { role: 'owner' }, alice: { role: 'member' } } });
    // Alice is also a member of an organization without SSO, which her email session reaches as before.
    const plain = await buildOrg(h);
    await inTransaction(h, (tx) => insertMember(tx, { organization_id: plain.id, user_id: org.userIds.alice!, role: 'member' }));

    const byEmail = await emailSession(org.emailOf('alice'));
    const before = await byEmail.api('GET', orgUrl(org));
    assert.equal(before.status, 401);
    assert.deepEqual(before.body, ssoRequired(org));
    assert.equal((await byEmail.api('GET', `${orgUrl(org)}members/`)).status, 401, 'every route of the organization');
    assert.equal((await byEmail.api('GET', '/api/0/auth/')).status, 200, 'the account is signed in');
    assert.equal((await byEmail.api('GET', orgUrl(plain))).status, 200, 'other organizations are unaffected');

    const viaSso = await ssoSession(org, 'alice');
    assert.equal((await viaSso.api('GET', orgUrl(org))).status, 200);
    assert.equal((await viaSso.api('GET', `${orgUrl(org)}members/`)).status, 200);
    assert.equal((await byEmail.api('GET', orgUrl(org))).status, 401, 'the email session did not come through SSO');
  });

  it('asks again once the identity is more than 24 hours old, or flagged sso:invalid', async () => {
    const org = await ssoOrg({ members: { owner: { role: 'owner' }, bob: { role: 'member' } } });
    const session = await ssoSession(org, 'bob');
    assert.equal((await session.api('GET', orgUrl(org))).status, 200);
    const identity = h.database.db.updateTable('auth_identities').where('organization_id', '=', org.id).where('user_id', '=', org.userIds.bob!);
    await identity.set({ last_verified: new Date(Date.now() - 25 * 3600_000) }).execute();
    assert.deepEqual((await session.api('GET', orgUrl(org))).body, ssoRequired(org));

    await identity.set({ last_verified: new Date() }).execute();
    assert.equal((await session.api('GET', orgUrl(org))).status, 200);
    await h.database.db.updateTable('members').set({ sso_invalid: true }).where('organization_id', '=', org.id).where('id', '=', org.ids.bob!).execute();
    assert.equal((await session.api('GET', orgUrl(org))).status, 401);
  });

  it('lets API tokens, superusers who are not members, and organizations without Require SSO through', async () => {
    const org = await ssoOrg({ members: { owner: { role: 'owner' }, carol: { role: 'member' } }, users: { root: { superuser: true } } });
    assert.equal((await h.request(org.tokens.carol!, 'GET', orgUrl(org))).status, 200, 'a token skips the gate');
    assert.equal((await (await emailSession(org.emailOf('root'))).api('GET', orgUrl(org))).status, 200, 'a superuser who is not a member');

    const carol = await emailSession(org.emailOf('carol'));
    assert.equal((await carol.api('GET', orgUrl(org))).status, 401);
    const off = await h.request(org.tokens.owner!, 'PUT', `${orgUrl(org)}auth-provider/`, { require_link: false });
    assert.equal(off.status, 200, JSON.stringify(off.body));
    assert.equal((await carol.api('GET', orgUrl(org))).status, 200, 'Require SSO off: nobody is forced');
  });

  it('lets an owner in while no owner has a linked identity, and no longer once one has', async () => {
    const org = await ssoOrg({ members: { owner: { role: 'owner' }, dana: { role: 'member' } } });
    const owner = await emailSession(org.emailOf('owner'));
    assert.equal((await owner.api('GET', orgUrl(org))).status, 200, 'the lock-out escape');
    assert.equal((await (await emailSession(org.emailOf('dana'))).api('GET', orgUrl(org))).status, 401, 'a member is not an owner');

    await ssoSession(org, 'owner');
    assert.deepEqual((await owner.api('GET', orgUrl(org))).body, ssoRequired(org), 'an owner is linked now: SSO is the way in');
  });

  it('still asks for the TOTP code after an SSO sign-in, then lets the member in', async () => {
    const org = await ssoOrg({ members: { owner: { role: 'owner' }, tess: { role: 'member', totp: true } } });
    const session = await ssoSession(org, 'tess');
    const me = await session.api('GET', '/api/0/auth/');
    assert.equal(me.body.needs2fa, true);
    assert.equal((await session.api('GET', orgUrl(org))).status, 401, 'not signed in before the TOTP step');
    const passed = await session.api('POST', '/api/0/auth/2fa/', { otp: totpCode(TOTP_SECRET, new Date()) });
    assert.equal(passed.status, 204, JSON.stringify(passed.body));
    assert.equal((await session.api('GET', orgUrl(org))).status, 200);
  });
});
