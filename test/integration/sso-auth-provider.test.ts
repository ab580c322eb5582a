import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ParsedMail } from 'mailparser';
import { AUDIT_EVENTS } from '../../src/audit/audit-events.js';
import { clientSecretOf, type StoredOidcConfig } from '../../src/sso/provider-config.js';
import { createHarness, type Harness, type MailHarness } from '../helpers/harness.js';
import { auditEntries, buildOrg, memberRow, orgRow, type BuiltOrg } from '../helpers/org-factory.js';
import { startSamlIdp, type TestSamlIdp } from '../helpers/saml-idp.js';
import { certificateBody, testCertificate } from '../helpers/saml-certificates.js';
import { freePort } from '../helpers/ports.js';
import { HOSTILE_STRINGS } from '../fuzz/arbitraries.js';
import { startOidcIdp } from '../helpers/oidc-idp.js';

/**
 * Issue 15, part 1: configuring an organization's SSO provider through the API. OIDC providers are a
 * discovery document served from this test on a loopback port (changed per case: a document without
 * a JWKS URI, another issuer); SAML providers are an in-process samlify IdP's metadata with a
 * certificate made at test time. Emails are delivered over SMTP and read at the test's server.
 */

const SECRET = 'oidc-client-secret-that-must-never-show-3f9c';
/** A 400's body: the reasons, by field. */
type FieldErrors = Record<string, string[]>;
const path = (slug: string) => `/api/0/organizations/${slug}/auth-provider/` as const;
const SSO = { enable: AUDIT_EVENTS.SSO_ENABLE.id, disable: AUDIT_EVENTS.SSO_DISABLE.id, edit: AUDIT_EVENTS.SSO_EDIT.id, orgEdit: AUDIT_EVENTS.ORG_EDIT.id };

/** A discovery document on a loopback port; `document` can be changed between requests. */
async function startDiscovery() {
  const server = http.createServer((request, response) => {
    if (request.url !== '/.well-known/openid-configuration') return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(discovery.document));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const complete = () => ({
    issuer,
    authorization_endpoint: `${issuer}/auth`,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/jwks`,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
  });
  const discovery = {
    issuer,
    document: complete() as Record<string, unknown>,
    reset: () => void (discovery.document = complete()),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return discovery;
}

type Discovery = Awaited<ReturnType<typeof startDiscovery>>;

describe('SSO auth provider: configure, read, change, disable (issue 15)', () => {
  let h: MailHarness;
  let discovery: Discovery;
  let saml: TestSamlIdp;
  const key = crypto.randomBytes(32);
  /** Every response body of this suite, to prove no secret is ever sent. */
  const seen: string[] = [];

  const send = async <T = never, const M extends string = string, Url extends string = string>(token: string, method: M, url: Url, body?: unknown) => {
    const response = await h.request<T, M, Url>(token, method, url, body);
    seen.push(typeof response.body === 'string' ? response.body : JSON.stringify(response.body));
    return response;
  };
  const oidcBody = (extra: Record<string, unknown> = {}) => ({
    provider: 'oidc',
    config: { issuer: discovery.issuer, client_id: 'roster', client_secret: SECRET },
    ...extra,
  });
  const providerRow = (orgId: string) => h.database.db.selectFrom('auth_providers').selectAll().where('organization_id', '=', orgId).executeTakeFirst();

  /** What the test's SMTP server received for `address` after delivering the outbox. */
  async function mailTo(address: string, count = 1): Promise<ParsedMail[]> {
    await h.deliverMail();
    const mine = () => h.smtp.messages.filter((mail) => mail.to && !Array.isArray(mail.to) && mail.to.text === address);
    await h.smtp.waitFor(() => mine().length >= count);
    return mine();
  }
  const mailCountTo = (address: string) => h.smtp.messages.filter((mail) => mail.to && !Array.isArray(mail.to) && mail.to.text === address).length;

  const team = () =>
    buildOrg(h, {
      members: {
        owner: { role: 'owner', totp: true },
        manager: { role: 'manager', totp: true },
        alice: { role: 'member', totp: true },
        invitee: { role: 'member', pending: true, invitedBy: 'owner' },
      },
      settings: { require2FA: true },
    });

  before(async () => {
    h = await createHarness({ mail: true, config: { secretKey: key } });
    discovery = await startDiscovery();
    saml = await startSamlIdp({ entityId: 'http://roster.test/saml/metadata/x/', acsUrl: 'http://roster.test/saml/acs/x/' });
  });
  after(async () => {
    await discovery.close();
    await h.close();
  });

  it('OIDC: 201 with Sentry\'s shape; require2FA off (org.edit), sso.enable, and every joined member without a link is emailed the link', async () => {
    const org = await team();
    const response = await send(org.tokens.owner!, 'POST', path(org.slug), oidcBody());
    assert.equal(response.status, 201, JSON.stringify(response.body));
    const body = response.body;
    assert.deepEqual(
      { ...body, id: typeof body.id },
      {
        id: 'string',
        provider_name: 'OpenID Connect',
        pending_links_count: 3,
        login_url: `http://roster.test/auth/login/${org.slug}/`,
        default_role: 'member',
        require_link: true,
        scim_enabled: false,
        provider: 'oidc',
        config: { issuer: discovery.issuer, client_id: 'roster', client_secret_set: true },
        service_provider: { redirect_uri: 'http://roster.test/auth/sso/' },
      },
    );

    assert.equal((await orgRow(h, org.id)).require_2fa, false);
    const orgEdits = await auditEntries(h, org.id, SSO.orgEdit);
    assert.deepEqual(orgEdits.at(-1)?.data, { require_2fa: 'to False' });
    const enabled = await auditEntries(h, org.id, SSO.enable);
    assert.equal(enabled.length, 1);
    assert.equal(enabled[0]!.actor_id, org.userIds.owner);
    assert.equal(enabled[0]!.data.provider, 'oidc');

    for (const person of ['owner', 'manager', 'alice']) {
      const [mail] = await mailTo(org.emailOf(person));
      assert.match(mail!.subject ?? '', new RegExp(`Action Required for ${org.name}`));
      assert.ok(mail!.text?.includes(`http://roster.test/auth/link/${org.slug}/`), mail!.text);
      assert.ok(mail!.text?.includes('OpenID Connect'));
    }
    assert.equal(mailCountTo(org.emailOf('invitee')), 0, 'a pending invite has no account to link');

    const fetched = await send(org.tokens.manager!, 'GET', path(org.slug));
    assert.equal(fetched.status, 200);
    assert.deepEqual(fetched.body, body);
    // Organization details now say the organization requires SSO (org-context reads the same column).
    assert.equal((await send(org.tokens.owner!, 'GET', `/api/0/organizations/${org.slug}/`)).body.requiresSso, true);
  });

  it('OIDC against a real provider (oidc-provider, in-process): its discovery passes and its settings are kept', async () => {
    const idp = await startOidcIdp({ redirectUri: 'http://roster.test/auth/sso/' });
    try {
      const org = await buildOrg(h);
      const response = await send(org.tokens.owner!, 'POST', path(org.slug), { provider: 'oidc', config: { issuer: idp.issuer, client_id: idp.clientId, client_secret: idp.clientSecret } });
      assert.equal(response.status, 201, JSON.stringify(response.body));
      assert.deepEqual(response.body.config, { issuer: idp.issuer, client_id: idp.clientId, client_secret_set: true });
      const stored = (await providerRow(org.id))!.config as unknown as StoredOidcConfig;
      assert.equal(clientSecretOf(key, org.id, stored), idp.clientSecret);
    } finally {
      await idp.close();
    }
  });

  it('the client secret is stored sealed: the raw row does not hold its text, and it opens only with the key, in its own organization', async () => {
    const org = await team();
    assert.equal((await send(org.tokens.owner!, 'POST', path(org.slug), oidcBody())).status, 201);
    const row = (await providerRow(org.id))!;
    const raw = await h.database.db
      .selectFrom('auth_providers')
      .select((eb) => eb.cast<string>('config', 'text').as('text'))
      .where('organization_id', '=', org.id)
      .executeTakeFirstOrThrow();
    assert.ok(!raw.text.includes(SECRET) && !raw.text.includes(Buffer.from(SECRET).toString('base64')), raw.text);
    const stored = row.config as unknown as StoredOidcConfig;
    assert.equal(clientSecretOf(key, org.id, stored), SECRET);
    assert.throws(() => clientSecretOf(crypto.randomBytes(32), org.id, stored), /does not open/);
    assert.throws(() => clientSecretOf(key, String(Number(org.id) + 1), stored), /does not open/);
  });

  it('a second provider is a 409 and changes nothing', async () => {
    const org = await team();
    assert.equal((await send(org.tokens.owner!, 'POST', path(org.slug), oidcBody())).status, 201);
    const before = await providerRow(org.id);
    const again = await send(org.tokens.owner!, 'POST', path(org.slug), { provider: 'saml2', config: { idp_metadata_xml: saml.metadataXml } });
    assert.equal(again.status, 409, JSON.stringify(again.body));
    assert.deepEqual(await providerRow(org.id), before);
    assert.equal((await auditEntries(h, org.id, SSO.enable)).length, 1);
  });

  it('SAML from metadata XML: 201; the IdP\'s entity id and SSO URL are kept, and the API names the ACS URL, entity id and metadata URL', async () => {
    const org = await buildOrg(h);
    const response = await send(org.tokens.owner!, 'POST', path(org.slug), { provider: 'saml2', config: { idp_metadata_xml: saml.metadataXml }, require_link: false, default_role: 'admin' });
    assert.equal(response.status, 201, JSON.stringify(response.body));
    assert.equal(response.body.provider_name, 'SAML2');
    assert.equal(response.body.require_link, false);
    assert.equal(response.body.default_role, 'admin');
    assert.deepEqual(response.body.config, { idp_entity_id: saml.entityId, idp_sso_url: saml.ssoUrl });
    assert.deepEqual(response.body.service_provider, {
      acs_url: `http://roster.test/saml/acs/${org.slug}/`,
      entity_id: `http://roster.test/saml/metadata/${org.slug}/`,
      metadata_url: `http://roster.test/saml/metadata/${org.slug}/`,
    });
    const row = (await providerRow(org.id))!;
    assert.equal(row.allow_unlinked, true, 'require_link false is stored as allow_unlinked');
    assert.equal(row.config.idp_x509cert, saml.certificate);
    assert.equal((await orgRow(h, org.id)).default_role, 'admin');
  });

  it('SAML in the explicit form (entity id, SSO URL, PEM certificate): 201', async () => {
    const org = await buildOrg(h);
    const config = { idp_entity_id: saml.entityId, idp_sso_url: saml.ssoUrl, idp_x509cert: saml.keys.certificate };
    const response = await send(org.tokens.owner!, 'POST', path(org.slug), { provider: 'saml2', config });
    assert.equal(response.status, 201, JSON.stringify(response.body));
    assert.equal((await providerRow(org.id))!.config.idp_x509cert, certificateBody(saml.keys.certificate));
  });

  describe('a configuration Roster cannot use is a 400 naming the field and the reason, and nothing is written', () => {
    let org: BuiltOrg;
    before(async () => {
      org = await team();
    });
    after(() => discovery.reset());

    const refused = async (body: unknown, field: string, reason: RegExp) => {
      const auditBefore = (await auditEntries(h, org.id)).length;
      const response = await send<FieldErrors>(org.tokens.owner!, 'POST', path(org.slug), body);
      assert.equal(response.status, 400, JSON.stringify(response.body));
      assert.deepEqual(Object.keys(response.body), [field], JSON.stringify(response.body));
      assert.match(response.body[field]![0]!, reason);
      assert.equal(await providerRow(org.id), undefined);
      assert.equal((await auditEntries(h, org.id)).length, auditBefore);
      assert.equal((await orgRow(h, org.id)).require_2fa, true);
    };

    it('an issuer where nothing answers', async () => {
      await refused(oidcBody({ config: { issuer: `http://127.0.0.1:${await freePort()}`, client_id: 'roster', client_secret: SECRET } }), 'config.issuer', /could not be reached/);
    });
    it('an issuer over plain http that is not loopback', async () => {
      await refused(oidcBody({ config: { issuer: 'http://idp.example.com', client_id: 'roster', client_secret: SECRET } }), 'config.issuer', /https/);
    });
    it('a discovery document without a JWKS URI', async () => {
      delete discovery.document.jwks_uri;
      await refused(oidcBody(), 'config.issuer', /jwks_uri/);
      discovery.reset();
    });
    it('a discovery document without a token endpoint', async () => {
      delete discovery.document.token_endpoint;
      await refused(oidcBody(), 'config.issuer', /token_endpoint/);
      discovery.reset();
    });
    it('a discovery document naming another issuer', async () => {
      discovery.document.issuer = 'https://elsewhere.example';
      await refused(oidcBody(), 'config.issuer', /another issuer/);
      discovery.reset();
    });
    it('a missing client secret', async () => {
      await refused({ provider: 'oidc', config: { issuer: discovery.issuer, client_id: 'roster' } }, 'config.client_secret', /required/);
    });
    it('a SAML setting on an OIDC provider', async () => {
      await refused(oidcBody({ config: { issuer: discovery.issuer, client_id: 'roster', client_secret: SECRET, idp_entity_id: 'x' } }), 'config.idp_entity_id', /Not a setting of the oidc provider/);
    });
    it('metadata that is not XML', async () => {
      await refused({ provider: 'saml2', config: { idp_metadata_xml: 'this is not <xml' } }, 'config.idp_metadata_xml', /./);
    });
    it('metadata that describes no identity provider', async () => {
      await refused({ provider: 'saml2', config: { idp_metadata_xml: '<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"/>' } }, 'config.idp_metadata_xml', /no identity provider/);
    });
    it('a certificate that is not one', async () => {
      await refused({ provider: 'saml2', config: { idp_entity_id: saml.entityId, idp_sso_url: saml.ssoUrl, idp_x509cert: 'MIIBnotacertificate' } }, 'config.idp_x509cert', /X\.509/);
    });
    it('an expired certificate', async () => {
      const expired = await testCertificate('expired', { fromDays: -30, days: 10 });
      await refused({ provider: 'saml2', config: { idp_entity_id: saml.entityId, idp_sso_url: saml.ssoUrl, idp_x509cert: expired.certificate } }, 'config.idp_x509cert', /expired/i);
    });
    it('a missing SSO URL in the explicit form', async () => {
      await refused({ provider: 'saml2', config: { idp_entity_id: saml.entityId, idp_x509cert: saml.certificate } }, 'config.idp_sso_url', /required/);
    });
    it('an unknown provider (the schema)', async () => {
      const unknownProvider = await send(org.tokens.owner!, 'POST', path(org.slug), { provider: 'github', config: {} });
      assert.equal(unknownProvider.status, 400);
      assert.equal(await providerRow(org.id), undefined);
    });
    it('a default role above what the requester may give (a manager making new members owners)', async () => {
      const response = await send(org.tokens.manager!, 'POST', path(org.slug), oidcBody({ default_role: 'owner' }));
      assert.equal(response.status, 400, JSON.stringify(response.body));
      assert.deepEqual(Object.keys(response.body), ['default_role']);
      assert.equal(await providerRow(org.id), undefined);
    });
  });

  it('hostile strings in every configuration field are a 400 naming a field, never a 5xx, and store nothing', async () => {
    const org = await buildOrg(h);
    const fields: Record<string, string[]> = { oidc: ['issuer', 'client_id', 'client_secret'], saml2: ['idp_metadata_xml', 'idp_entity_id', 'idp_sso_url', 'idp_x509cert'] };
    const valid: Record<string, Record<string, string>> = {
      oidc: { issuer: discovery.issuer, client_id: 'roster', client_secret: SECRET },
      saml2: { idp_entity_id: saml.entityId, idp_sso_url: saml.ssoUrl, idp_x509cert: saml.certificate },
    };
    const problems: string[] = [];
    for (const [provider, names] of Object.entries(fields)) {
      for (const field of names) {
        for (const value of HOSTILE_STRINGS) {
          const config = field === 'idp_metadata_xml' ? { idp_metadata_xml: value } : { ...valid[provider], [field]: value };
          const response = await h.request(org.tokens.owner!, 'POST', path(org.slug), { provider, config });
          // Some values are usable as they are (a client id of "me"); those providers are removed again.
          if (response.status === 201) {
            await h.request(org.tokens.owner!, 'DELETE', path(org.slug));
            continue;
          }
          const keys = response.body && typeof response.body === 'object' ? Object.keys(response.body) : [];
          if (response.status !== 400 || keys.length !== 1) problems.push(`${provider}.${field} = ${JSON.stringify(value).slice(0, 40)}: ${response.status} ${JSON.stringify(response.body).slice(0, 120)}`);
        }
      }
    }
    assert.deepEqual(problems, []);
    assert.equal(await providerRow(org.id), undefined);
  });

  it('a member without org:write is refused (403) and a member of no organization sees a 404', async () => {
    const org = await team();
    const other = await buildOrg(h);
    assert.equal((await send(org.tokens.alice!, 'POST', path(org.slug), oidcBody())).status, 403);
    assert.equal((await send(org.tokens.alice!, 'GET', path(org.slug))).status, 403);
    assert.equal((await send(other.tokens.owner!, 'POST', path(org.slug), oidcBody())).status, 404);
    assert.equal(await providerRow(org.id), undefined);
  });

  it('a field no protocol has is dropped, as on every route, and never stored', async () => {
    const org = await buildOrg(h);
    const body = oidcBody({ config: { issuer: discovery.issuer, client_id: 'roster', client_secret: SECRET, private_key: 'stray-value-5c2a' } });
    assert.equal((await send(org.tokens.owner!, 'POST', path(org.slug), body)).status, 201);
    assert.ok(!JSON.stringify((await providerRow(org.id))!.config).includes('stray-value-5c2a'));
  });

  it('GET without a provider is a 404', async () => {
    const org = await buildOrg(h);
    assert.equal((await send(org.tokens.owner!, 'GET', path(org.slug))).status, 404);
  });

  it('PUT changes require_link, the default role and the config in one sso.edit entry; a bad config is a 400 that changes nothing', async () => {
    const org = await team();
    assert.equal((await send(org.tokens.owner!, 'POST', path(org.slug), oidcBody())).status, 201);
    const sealedBefore = ((await providerRow(org.id))!.config as unknown as StoredOidcConfig).client_secret_sealed;

    const changed = await send(org.tokens.owner!, 'PUT', path(org.slug), { require_link: false, default_role: 'admin', config: { client_secret: 'a-new-secret-value-8d1e' } });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.equal(changed.body.require_link, false);
    assert.equal(changed.body.default_role, 'admin');
    assert.equal((await orgRow(h, org.id)).default_role, 'admin');
    const row = (await providerRow(org.id))!;
    assert.equal(row.allow_unlinked, true);
    const stored = row.config as unknown as StoredOidcConfig;
    assert.notEqual(stored.client_secret_sealed, sealedBefore);
    assert.equal(clientSecretOf(key, org.id, stored), 'a-new-secret-value-8d1e');
    assert.equal(stored.issuer, discovery.issuer, 'fields not sent are kept');
    const edits = await auditEntries(h, org.id, SSO.edit);
    assert.equal(edits.length, 1);
    assert.deepEqual(edits[0]!.data, { provider: 'oidc', require_link: 'to false', default_role: 'from member to admin', config: 'client_secret' });

    const bad = await send(org.tokens.owner!, 'PUT', path(org.slug), { config: { issuer: `http://127.0.0.1:${await freePort()}` } });
    assert.equal(bad.status, 400);
    assert.deepEqual(Object.keys(bad.body), ['config.issuer']);
    assert.deepEqual(await providerRow(org.id), row);
    assert.equal((await auditEntries(h, org.id, SSO.edit)).length, 1);

    const same = await send(org.tokens.owner!, 'PUT', path(org.slug), { require_link: false });
    assert.equal(same.status, 200);
    assert.equal((await auditEntries(h, org.id, SSO.edit)).length, 1, 'a PUT that changes nothing records nothing');
  });

  it('PUT and DELETE without a provider are 404s', async () => {
    const org = await buildOrg(h);
    assert.equal((await send(org.tokens.owner!, 'PUT', path(org.slug), { require_link: false })).status, 404);
    assert.equal((await send(org.tokens.owner!, 'DELETE', path(org.slug))).status, 404);
    assert.equal((await send(org.tokens.owner!, 'POST', `${path(org.slug)}send-reminders/`)).status, 404);
  });

  it('DELETE: 204; every joined member is emailed, identities are deleted, SSO flags cleared, sso.disable recorded', async () => {
    const org = await team();
    assert.equal((await send(org.tokens.owner!, 'POST', path(org.slug), { provider: 'saml2', config: { idp_metadata_xml: saml.metadataXml } })).status, 201);
    const db = h.database.db;
    await db.insertInto('auth_identities').values({ organization_id: org.id, user_id: org.userIds.owner!, ident: 'owner-at-idp' }).execute();
    await db.insertInto('auth_identities').values({ organization_id: org.id, user_id: org.userIds.alice!, ident: 'alice-at-idp' }).execute();
    await db.updateTable('members').set({ sso_linked: true }).where('id', '=', org.ids.owner!).execute();
    await db.updateTable('members').set({ sso_linked: true, sso_invalid: true }).where('id', '=', org.ids.alice!).execute();
    assert.equal((await send(org.tokens.owner!, 'GET', path(org.slug))).body.pending_links_count, 1);

    const response = await send(org.tokens.owner!, 'DELETE', path(org.slug));
    assert.equal(response.status, 204, JSON.stringify(response.body));
    assert.equal(await providerRow(org.id), undefined);
    assert.deepEqual(await db.selectFrom('auth_identities').select('id').where('organization_id', '=', org.id).execute(), []);
    for (const person of ['owner', 'alice', 'manager']) {
      const member = await memberRow(h, org.id, org.ids[person]!);
      assert.deepEqual([member.sso_linked, member.sso_invalid], [false, false], person);
      const mails = await mailTo(org.emailOf(person));
      assert.ok(mails.some((mail) => mail.subject === `Single sign-on disabled for ${org.name}`), person);
    }
    const disabled = await auditEntries(h, org.id, SSO.disable);
    assert.equal(disabled.length, 1);
    assert.deepEqual(disabled[0]!.data, { provider: 'saml2', identities_deleted: 2, members_emailed: 3 });
    assert.equal((await send(org.tokens.owner!, 'GET', path(org.slug))).status, 404);
    assert.equal((await send(org.tokens.owner!, 'GET', `/api/0/organizations/${org.slug}/`)).body.requiresSso, false);
  });

  it('send-reminders: 204, the SSO-link email again to each joined member without a link, none to a linked one', async () => {
    const org = await team();
    assert.equal((await send(org.tokens.owner!, 'POST', path(org.slug), oidcBody())).status, 201);
    await mailTo(org.emailOf('alice'));
    await h.database.db.updateTable('members').set({ sso_linked: true }).where('id', '=', org.ids.manager!).execute();
    const linkedBefore = mailCountTo(org.emailOf('manager'));

    const response = await send(org.tokens.manager!, 'POST', `${path(org.slug)}send-reminders/`);
    assert.equal(response.status, 204, JSON.stringify(response.body));
    const alice = await mailTo(org.emailOf('alice'), 2);
    assert.ok(alice[1]!.text?.includes(`/auth/link/${org.slug}/`));
    await mailTo(org.emailOf('owner'), 2);
    assert.equal(mailCountTo(org.emailOf('manager')), linkedBefore, 'a linked member is not asked again');
    assert.equal(mailCountTo(org.emailOf('invitee')), 0);
  });

  it('no response of this suite carried the client secret', () => {
    assert.ok(seen.length > 30);
    assert.deepEqual(seen.filter((text) => text.includes(SECRET) || text.includes('a-new-secret-value')), []);
  });
});

describe('SSO auth provider without ROSTER_SECRET_KEY', () => {
  let h: Harness;
  let discovery: Discovery;
  before(async () => {
    h = await createHarness({ config: { secretKey: null } });
    discovery = await startDiscovery();
  });
  after(async () => {
    await discovery.close();
    await h.close();
  });

  it('an OIDC provider (it has a client secret) is refused with a 400 on config.client_secret naming ROSTER_SECRET_KEY; SAML (no secret) works', async () => {
    const org = await buildOrg(h);
    const response = await h.request<FieldErrors>(org.tokens.owner!, 'POST', path(org.slug), {
      provider: 'oidc',
      config: { issuer: discovery.issuer, client_id: 'roster', client_secret: SECRET },
    });
    assert.equal(response.status, 400, JSON.stringify(response.body));
    assert.deepEqual(Object.keys(response.body), ['config.client_secret']);
    assert.match(response.body['config.client_secret']![0]!, /ROSTER_SECRET_KEY/);
    assert.ok(!JSON.stringify(response.body).includes(SECRET));
    const rows = await h.database.db.selectFrom('auth_providers').select('organization_id').where('organization_id', '=', org.id).execute();
    assert.deepEqual(rows, []);

    const saml = await startSamlIdp({ entityId: 'http://roster.test/saml/metadata/y/', acsUrl: 'http://roster.test/saml/acs/y/' });
    const created = await h.request(org.tokens.owner!, 'POST', path(org.slug), { provider: 'saml2', config: { idp_metadata_xml: saml.metadataXml } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
  });
});
