import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { generateKeyPair } from 'jose';
import { AUDIT_EVENTS } from '../../src/audit/audit-events.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { auditEntries, buildOrg, memberRow, type BuiltOrg, type OrgSpec } from '../helpers/org-factory.js';
import { startOidcIdp, type TestOidcIdp } from '../helpers/oidc-idp.js';
import { signIn } from '../helpers/session.js';
import { location, pathOf, refusalCode, ssoClient, type SsoClient } from '../helpers/sso-client.js';

/**
 * Issue 15, part 2: signing in through an organization's OpenID Connect provider, end to end with a
 * scripted browser against an in-process oidc-provider: every rule of finishing a sign-in (known
 * identity, link by verified email, no silent merge, invite accepted, JIT member, identity moved),
 * the redirect after it, and the refused callbacks (wrong state, a token for another client).
 */
describe('SSO sign-in through OpenID Connect (issue 15)', () => {
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

  /** An organization whose provider is the test IdP (Require SSO on), plus `spec`'s people. */
  async function ssoOrg(spec: OrgSpec = {}, providerExtra: Record<string, unknown> = {}): Promise<BuiltOrg> {
    const org = await buildOrg(h, spec);
    const created = await h.request(org.tokens.owner!, 'POST', `/api/0/organizations/${org.slug}/auth-provider/`, {
      provider: 'oidc',
      config: { issuer: idp.issuer, client_id: idp.clientId, client_secret: idp.clientSecret },
      ...providerExtra,
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return org;
  }

  /** The whole round trip as `sub`: Roster's page and button, the IdP's login and consent, the callback. */
  async function signInAs(client: SsoClient, org: BuiltOrg, sub: string, options: { flow?: 'login' | 'link'; next?: string } = {}) {
    const authorizationUrl = await client.start(org.slug, options);
    const callback = await idp.signIn(authorizationUrl, sub);
    return client.send('GET', pathOf(callback));
  }

  const identities = (orgId: string) => h.database.db.selectFrom('auth_identities').selectAll().where('organization_id', '=', orgId).orderBy('id').execute();
  const events = async (orgId: string) => (await auditEntries(h, orgId)).map((entry) => entry.event);

  it('shows a sign-in page naming the organization and its provider, and a 404 page for an organization without one', async () => {
    const org = await ssoOrg();
    const client = ssoClient(h);
    const page = await client.send('GET', `/auth/login/${org.slug}/`);
    assert.equal(page.status, 200);
    assert.match(String(page.headers['content-type']), /text\/html/);
    assert.match(String(page.body), new RegExp(`Sign in to ${org.name}`));
    assert.match(String(page.body), /Continue with OpenID Connect/);
    assert.ok(client.cookies.get('roster_sso_form'), 'the form token cookie is set');

    const plain = await buildOrg(h);
    const missing = await client.send('GET', `/auth/login/${plain.slug}/`);
    assert.equal(missing.status, 404);
    assert.equal(refusalCode(missing), 'no-provider');
  });

  it('refuses a start without the form token cookie, or from another origin', async () => {
    const org = await ssoOrg();
    const client = ssoClient(h);
    const page = await client.send('GET', `/auth/login/${org.slug}/`);
    const formToken = /name="form_token" value="([^"]+)"/.exec(String(page.body))![1]!;
    const foreign = await client.send('POST', `/auth/login/${org.slug}/`, { form: { form_token: formToken }, headers: { origin: 'https://evil.example' } });
    assert.equal(foreign.status, 403);
    assert.equal(refusalCode(foreign), 'form-expired');
    const stranger = ssoClient(h);
    const noCookie = await stranger.send('POST', `/auth/login/${org.slug}/`, { form: { form_token: formToken } });
    assert.equal(noCookie.status, 403);
    const pending = await h.database.db.selectFrom('sso_pending_signins').select('state_hash').where('organization_id', '=', org.id).execute();
    assert.equal(pending.length, 0, 'no sign-in was started');
  });

  it('starts with state, nonce and PKCE S256, keeping only the hash of the state', async () => {
    const org = await ssoOrg();
    const url = new URL(await ssoClient(h).start(org.slug));
    assert.equal(url.origin, idp.issuer);
    for (const parameter of ['state', 'nonce', 'code_challenge']) assert.ok(url.searchParams.get(parameter), parameter);
    assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
    assert.equal(url.searchParams.get('redirect_uri'), 'http://roster.test/auth/sso/');
    const pending = await h.database.db.selectFrom('sso_pending_signins').selectAll().where('organization_id', '=', org.id).execute();
    assert.equal(pending.length, 1);
    assert.notEqual(pending[0]!.state_hash, url.searchParams.get('state'));
    assert.ok(!JSON.stringify(pending[0]).includes(url.searchParams.get('state')!));
  });

  it('links a member by their verified email, then signs the known identity in again', async () => {
    const org = await ssoOrg({ members: { owner: { role: 'owner' }, alice: { role: 'member' } } });
    idp.addAccount({ sub: `alice-${org.slug}`, email: org.emailOf('alice'), email_verified: true, name: 'Alice' });
    const client = ssoClient(h);
    const done = await signInAs(client, org, `alice-${org.slug}`);
    assert.equal(done.status, 302, String(done.body));
    assert.equal(location(done), `http://roster.test/organizations/${org.slug}/`);
    assert.ok(client.cookies.get('roster_session'), 'a session cookie');
    assert.equal((await memberRow(h, org.id, org.ids.alice!)).sso_linked, true);
    const [identity] = await identities(org.id);
    assert.equal(identity!.ident, `alice-${org.slug}`);
    assert.equal(identity!.user_id, org.userIds.alice);
    assert.equal((await events(org.id)).filter((event) => event === AUDIT_EVENTS.SSO_IDENTITY_LINK.id).length, 1);
    const me = await client.api('GET', '/api/0/auth/');
    assert.equal(me.body.email, org.emailOf('alice'));
    assert.equal((await client.api('GET', `/api/0/organizations/${org.slug}/`)).status, 200);

    // The known identity: signed in, refreshed, no second link entry.
    await h.database.db.updateTable('auth_identities').set({ last_verified: new Date(Date.now() - 3600_000) }).where('id', '=', identity!.id).execute();
    const again = ssoClient(h);
    assert.equal((await signInAs(again, org, `alice-${org.slug}`)).status, 302);
    const [refreshed] = await identities(org.id);
    assert.ok(refreshed!.last_verified.getTime() > Date.now() - 60_000, "last_verified is refreshed");
    assert.equal((await events(org.id)).filter((event) => event === AUDIT_EVENTS.SSO_IDENTITY_LINK.id).length, 1);
    assert.equal((await again.api('GET', '/api/0/auth/')).body.email, org.emailOf('alice'));
  });

  it('never merges into an account that is not a member, and never links an unverified address', async () => {
    const org = await ssoOrg({ members: { owner: { role: 'owner' }, bob: { role: 'member' } }, users: { outsider: {} } });
    idp.addAccount({ sub: `outsider-${org.slug}`, email: org.emailOf('outsider'), email_verified: true });
    const refused = await signInAs(ssoClient(h), org, `outsider-${org.slug}`);
    assert.equal(refused.status, 409);
    assert.equal(refusalCode(refused), 'account-exists');
    assert.match(String(refused.body), /Sign in to Roster by email first/);
    assert.equal(refused.headers['set-cookie'], undefined, 'no session');

    idp.addAccount({ sub: `bob-${org.slug}`, email: org.emailOf('bob'), email_verified: false });
    const unverified = await signInAs(ssoClient(h), org, `bob-${org.slug}`);
    assert.equal(unverified.status, 409);
    assert.equal(refusalCode(unverified), 'email-unverified');
    assert.deepEqual(await identities(org.id), []);
    assert.equal((await memberRow(h, org.id, org.ids.bob!)).sso_linked, false);
    const members = await h.database.db.selectFrom('members').select('id').where('organization_id', '=', org.id).execute();
    assert.equal(members.length, 2, 'nobody was added');
  });

  it('accepts the pending invite for the address', async () => {
    const org = await ssoOrg({ members: { owner: { role: 'owner' }, invitee: { role: 'admin', pending: true } } });
    idp.addAccount({ sub: `invitee-${org.slug}`, email: org.emailOf('invitee'), email_verified: true, name: 'Ivy' });
    assert.equal((await signInAs(ssoClient(h), org, `invitee-${org.slug}`)).status, 302);
    const member = await memberRow(h, org.id, org.ids.invitee!);
    assert.ok(member.user_id, 'the invite now has an account');
    assert.equal(member.email, null);
    assert.equal(member.role, 'admin');
    assert.equal(member.sso_linked, true);
    const user = await h.database.db.selectFrom('users').selectAll().where('id', '=', member.user_id!).executeTakeFirstOrThrow();
    assert.equal(user.email, org.emailOf('invitee'));
    assert.equal(user.name, 'Ivy');
    assert.ok((await events(org.id)).includes(AUDIT_EVENTS.MEMBER_ACCEPT.id));
  });

  it("adds a new person just in time with the organization's default role", async () => {
    const org = await ssoOrg({}, { default_role: 'admin' });
    const email = `newcomer.${org.slug}@example.com`;
    idp.addAccount({ sub: `newcomer-${org.slug}`, email, email_verified: true, name: 'Nia' });
    const client = ssoClient(h);
    assert.equal((await signInAs(client, org, `newcomer-${org.slug}`)).status, 302);
    const user = await h.database.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
    const member = await h.database.db.selectFrom('members').selectAll().where('organization_id', '=', org.id).where('user_id', '=', user.id).executeTakeFirstOrThrow();
    assert.equal(member.role, 'admin');
    assert.equal(member.sso_linked, true);
    const entries = await auditEntries(h, org.id);
    const add = entries.find((entry) => entry.event === AUDIT_EVENTS.MEMBER_ADD.id && entry.target_user_id === user.id);
    assert.ok(add, 'member.add recorded');
    assert.equal((add!.data as { role: string }).role, 'admin');
    assert.ok(entries.some((entry) => entry.event === AUDIT_EVENTS.SSO_IDENTITY_LINK.id && entry.target_user_id === user.id));
    assert.equal((await client.api('GET', `/api/0/organizations/${org.slug}/members/`)).status, 200);
  });

  it('moves an identity a signed-in member links to their account, and flags the old holder sso:invalid', async () => {
    const org = await ssoOrg({ members: { owner: { role: 'owner' }, alice: { role: 'member' }, bob: { role: 'member' } } });
    const sub = `shared-${org.slug}`;
    idp.addAccount({ sub, email: org.emailOf('alice'), email_verified: true });
    assert.equal((await signInAs(ssoClient(h), org, sub)).status, 302);
    assert.equal((await memberRow(h, org.id, org.ids.alice!)).sso_linked, true);

    // Bob, signed in by email, follows the SSO-link email's link and comes back as the same identity.
    const bob = ssoClient(h);
    bob.cookies.set('roster_session', (await signIn(h, org.emailOf('bob'))).cookie);
    const linked = await signInAs(bob, org, sub, { flow: 'link' });
    assert.equal(linked.status, 302, String(linked.body));
    const [identity] = await identities(org.id);
    assert.equal(identity!.user_id, org.userIds.bob);
    assert.equal((await memberRow(h, org.id, org.ids.bob!)).sso_linked, true);
    const alice = await memberRow(h, org.id, org.ids.alice!);
    assert.equal(alice.sso_invalid, true);
    assert.equal((await bob.api('GET', '/api/0/auth/')).body.email, org.emailOf('bob'));
  });

  it('asks for a signed-in member before linking', async () => {
    const org = await ssoOrg();
    const anonymous = await ssoClient(h).send('GET', `/auth/link/${org.slug}/`);
    assert.equal(anonymous.status, 401);
    assert.equal(refusalCode(anonymous), 'not-signed-in');
  });

  it('sends the browser to `next` on the public URL only (no open redirect)', async () => {
    const org = await ssoOrg({ members: { owner: { role: 'owner' }, carol: { role: 'member' } } });
    const sub = `carol-${org.slug}`;
    idp.addAccount({ sub, email: org.emailOf('carol'), email_verified: true });
    const inside = await signInAs(ssoClient(h), org, sub, { next: `/organizations/${org.slug}/teams/?x=1` });
    assert.equal(location(inside), `http://roster.test/organizations/${org.slug}/teams/?x=1`);
    for (const next of ['https://evil.example/steal', '//evil.example/steal', '/\\evil.example/', 'http://roster.test.evil.example/', 'javascript:alert(1)']) {
      const outside = await signInAs(ssoClient(h), org, sub, { next });
      assert.equal(outside.status, 302);
      assert.equal(location(outside), `http://roster.test/organizations/${org.slug}/`, next);
    }
  });

  it('refuses a callback with a wrong state, and a state used twice', async () => {
    const org = await ssoOrg({ members: { owner: { role: 'owner' }, dan: { role: 'member' } } });
    const sub = `dan-${org.slug}`;
    idp.addAccount({ sub, email: org.emailOf('dan'), email_verified: true });
    const client = ssoClient(h);
    const callback = new URL(await idp.signIn(await client.start(org.slug), sub));
    const forged = new URL(callback);
    forged.searchParams.set('state', 'not-the-state-this-browser-started');
    const wrong = await client.send('GET', pathOf(forged.href));
    assert.equal(wrong.status, 400);
    assert.equal(refusalCode(wrong), 'unknown-state');
    assert.equal(wrong.headers['set-cookie'], undefined);

    assert.equal((await client.send('GET', pathOf(callback.href))).status, 302, 'the genuine callback still works');
    const replay = await ssoClient(h).send('GET', pathOf(callback.href));
    assert.equal(replay.status, 400);
    assert.equal(refusalCode(replay), 'unknown-state');
  });

  it('refuses an ID token from another issuer, expired, or signed by a key the issuer does not publish', async () => {
    const org = await ssoOrg({ members: { owner: { role: 'owner' }, fay: { role: 'member' } } });
    const sub = `fay-${org.slug}`;
    idp.addAccount({ sub, email: org.emailOf('fay'), email_verified: true });
    const hourAgo = Math.floor(Date.now() / 1000) - 3600;
    const { privateKey } = await generateKeyPair('RS256');
    const forgeries: Array<[Parameters<TestOidcIdp['rewriteNextIdToken']>[0], string]> = [
      [{ claims: { iss: 'http://127.0.0.1:1/another-issuer' } }, 'wrong-issuer'],
      [{ claims: { iat: hourAgo - 600, exp: hourAgo } }, 'expired'],
      [{ claims: {}, signWith: privateKey }, 'bad-signature'],
    ];
    for (const [forgery, code] of forgeries) {
      idp.rewriteNextIdToken(forgery);
      const refused = await signInAs(ssoClient(h), org, sub);
      assert.equal(refused.status, 400, code);
      assert.equal(refusalCode(refused), code);
      assert.equal(refused.headers['set-cookie'], undefined);
    }
    assert.deepEqual(await identities(org.id), []);
  });

  it('refuses an ID token issued to another client', async () => {
    const org = await ssoOrg({ members: { owner: { role: 'owner' }, erin: { role: 'member' } } });
    const sub = `erin-${org.slug}`;
    idp.addAccount({ sub, email: org.emailOf('erin'), email_verified: true });
    idp.rewriteNextIdToken({ claims: { aud: 'another-client' } });
    const refused = await signInAs(ssoClient(h), org, sub);
    assert.equal(refused.status, 400);
    assert.equal(refusalCode(refused), 'wrong-audience');
    assert.equal(refused.headers['set-cookie'], undefined);
    assert.deepEqual(await identities(org.id), []);
  });
});
