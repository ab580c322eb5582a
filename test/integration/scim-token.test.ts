import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AUDIT_EVENTS } from '../../src/audit/audit-events.js';
import { SCIM_TOKEN_GRACE_MS } from '../../src/sso/scim-token.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { auditEntries, buildOrg, type BuiltOrg } from '../helpers/org-factory.js';

/**
 * Issue 16: the SCIM token. Turning SCIM on through the auth provider answers once with the token and
 * the base URL; the token opens its own organization's SCIM routes and nothing else; a rotation keeps
 * the old token for 24 hours; turning SCIM off (or SSO altogether) revokes it and releases every member
 * and team the identity provider managed.
 */

interface ScimError {
  schemas: string[];
  status: string;
  detail?: string;
  scimType?: string;
}
interface ProviderAnswer {
  scim_enabled: boolean;
  scim_url?: string;
  scim_api_token?: string;
}

const providerPath = (slug: string) => `/api/0/organizations/${slug}/auth-provider/` as const;
const spcPath = (slug: string) => `/api/0/organizations/${slug}/scim/v2/ServiceProviderConfig` as const;

describe('SCIM token: enable, use, rotate, disable (issue 16)', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
  });
  after(() => h.close());

  async function orgWithProvider(): Promise<BuiltOrg> {
    return buildOrg(h, {
      members: { owner: { role: 'owner' }, alice: { role: 'member', flags: { 'idp:provisioned': true, 'idp:role-restricted': true } } },
      teams: ['red'],
      authProvider: { provider: 'saml2' },
    });
  }

  async function enable(org: BuiltOrg): Promise<string> {
    const response = await h.request<ProviderAnswer>(org.tokens.owner!, 'PUT', providerPath(org.slug), { scim_enabled: true });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    assert.equal(response.body.scim_enabled, true);
    assert.equal(response.body.scim_url, `${h.config.publicUrl}/api/0/organizations/${org.slug}/scim/v2`);
    assert.match(response.body.scim_api_token ?? '', /^scim_[0-9a-f]{64}$/);
    return response.body.scim_api_token!;
  }

  it('answers with the token once; the GET and a second enable never show it', async () => {
    const org = await orgWithProvider();
    const token = await enable(org);
    const read = await h.request<ProviderAnswer>(org.tokens.owner!, 'GET', providerPath(org.slug));
    assert.equal(read.body.scim_enabled, true);
    assert.equal(read.body.scim_api_token, undefined);
    assert.ok(read.body.scim_url);
    const again = await h.request<ProviderAnswer>(org.tokens.owner!, 'PUT', providerPath(org.slug), { scim_enabled: true });
    assert.equal(again.status, 200);
    assert.equal(again.body.scim_api_token, undefined);
    assert.equal((await h.request(token, 'GET', spcPath(org.slug))).status, 200, 'the token in use keeps working');
    const stored = await h.database.db.selectFrom('scim_tokens').select('token_hash').where('organization_id', '=', org.id).execute();
    assert.equal(stored.length, 1);
    assert.ok(!stored.some((row) => row.token_hash.includes(token)), 'only a hash is stored');
    const entries = await auditEntries(h, org.id, AUDIT_EVENTS.SSO_EDIT.id);
    assert.deepEqual(
      entries.map((entry) => (entry.data as { scim?: string }).scim),
      ['enabled'],
    );
  });

  it('opens its organization\'s SCIM routes, in SCIM\'s media type, and nothing else', async () => {
    const org = await orgWithProvider();
    const other = await orgWithProvider();
    const token = await enable(org);
    await enable(other);
    const answer = await h.request<Record<string, unknown>>(token, 'GET', spcPath(org.slug));
    assert.equal(answer.status, 200);
    assert.match(String(answer.headers['content-type']), /^application\/scim\+json/);
    assert.deepEqual(answer.body.patch, { supported: true });
    assert.equal((answer.body.meta as { location: string }).location, `${h.config.publicUrl}/api/0/organizations/${org.slug}/scim/v2/ServiceProviderConfig`);
    const byId = await h.request<Record<string, unknown>>(token, 'GET', spcPath(org.id));
    assert.equal((byId.body.meta as { location: string }).location, (answer.body.meta as { location: string }).location, 'located by slug even when asked by id');

    const elsewhere = await h.request<ScimError>(token, 'GET', spcPath(other.slug));
    assert.equal(elsewhere.status, 404);
    assert.deepEqual(elsewhere.body.schemas, ['urn:ietf:params:scim:api:messages:2.0:Error']);
    assert.equal(elsewhere.body.status, '404');

    const memberApi = await h.request<{ detail: string }>(token, 'GET', `/api/0/organizations/${org.slug}/members/`);
    assert.equal(memberApi.status, 403);
    assert.match(memberApi.body.detail, /SCIM API only/);

    const noCredentials = await h.request<ScimError>(null, 'GET', spcPath(org.slug));
    assert.equal(noCredentials.status, 401);
    assert.equal(noCredentials.body.status, '401');
    assert.match(String(noCredentials.headers['www-authenticate']), /^Bearer/);

    const wrong = await h.request<ScimError>(`scim_${'0'.repeat(64)}`, 'GET', spcPath(org.slug));
    assert.equal(wrong.status, 401);

    const filtered = await h.request<ScimError>(token, 'GET', `${spcPath(org.slug)}?filter=${encodeURIComponent('id eq "1"')}`);
    assert.equal(filtered.status, 403);
    assert.equal(filtered.body.detail, 'Filtering is not supported on this endpoint.');
  });

  it('is refused (403) where the provider has SCIM off, even to an owner', async () => {
    const org = await orgWithProvider();
    const answer = await h.request<ScimError>(org.tokens.owner!, 'GET', spcPath(org.slug));
    assert.equal(answer.status, 403);
    assert.equal(answer.body.status, '403');
    const noProvider = await buildOrg(h);
    assert.equal((await h.request(noProvider.tokens.owner!, 'GET', spcPath(noProvider.slug))).status, 403);
  });

  it('rotates: the new token works at once, the old one for 24 hours more', async () => {
    const org = await orgWithProvider();
    const first = await enable(org);
    const rotated = await h.request<{ scim_api_token: string; scim_url: string }>(org.tokens.owner!, 'POST', `${providerPath(org.slug)}rotate-scim-token/`);
    assert.equal(rotated.status, 200);
    const second = rotated.body.scim_api_token;
    assert.notEqual(second, first);
    assert.equal((await h.request(first, 'GET', spcPath(org.slug))).status, 200);
    assert.equal((await h.request(second, 'GET', spcPath(org.slug))).status, 200);
    h.clock.advance(SCIM_TOKEN_GRACE_MS + 1000);
    assert.equal((await h.request(first, 'GET', spcPath(org.slug))).status, 401, 'past its grace period');
    assert.equal((await h.request(second, 'GET', spcPath(org.slug))).status, 200);
    const entries = await auditEntries(h, org.id, AUDIT_EVENTS.SSO_EDIT.id);
    assert.deepEqual(entries.map((entry) => (entry.data as { scim?: string }).scim).sort(), ['enabled', 'token rotated']);
  });

  it('refuses a rotation while SCIM is off, and to a member without org:write', async () => {
    const org = await orgWithProvider();
    const off = await h.request<{ detail: string }>(org.tokens.owner!, 'POST', `${providerPath(org.slug)}rotate-scim-token/`);
    assert.equal(off.status, 400);
    assert.match(off.body.detail, /SCIM is not enabled/);
    await enable(org);
    assert.equal((await h.request(org.tokens.alice!, 'POST', `${providerPath(org.slug)}rotate-scim-token/`)).status, 403);
  });

  for (const how of ['scim_enabled false', 'deleting the provider'] as const) {
    it(`${how}: revokes the token and releases every member and team the identity provider managed`, async () => {
      const org = await orgWithProvider();
      const token = await enable(org);
      await h.database.db.updateTable('teams').set({ idp_provisioned: true }).where('organization_id', '=', org.id).execute();
      const response =
        how === 'deleting the provider'
          ? await h.request(org.tokens.owner!, 'DELETE', providerPath(org.slug))
          : await h.request<ProviderAnswer>(org.tokens.owner!, 'PUT', providerPath(org.slug), { scim_enabled: false });
      assert.ok(response.status === 200 || response.status === 204, String(response.status));
      assert.equal((await h.request(token, 'GET', spcPath(org.slug))).status, 401);
      const flagged = await h.database.db
        .selectFrom('members')
        .select('id')
        .where('organization_id', '=', org.id)
        .where((eb) => eb.or([eb('idp_provisioned', '=', true), eb('idp_role_restricted', '=', true)]))
        .execute();
      assert.deepEqual(flagged, []);
      const teams = await h.database.db.selectFrom('teams').select('idp_provisioned').where('organization_id', '=', org.id).execute();
      assert.ok(teams.every((team) => !team.idp_provisioned));
      assert.equal((await h.database.db.selectFrom('scim_tokens').select('id').where('organization_id', '=', org.id).execute()).length, 0);
    });
  }
});
