import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { samlServiceProviderFor } from '../../src/sso/sso-protocol.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { buildOrg, type BuiltOrg } from '../helpers/org-factory.js';
import { startSamlIdp, type TestSamlIdp } from '../helpers/saml-idp.js';
import { ssoClient } from '../helpers/sso-client.js';

/**
 * The sign-in flow's short-lived rows go where new ones are made: starting a sign-in clears the
 * pending sign-ins nobody finished within their 10 minutes, and (for SAML) the assertion ids whose
 * assertions have expired anyway. Live rows stay. Roster's clock is the harness's, moved by the test.
 */
describe('SSO sign-in housekeeping (issue 15)', () => {
  const MINUTE_MS = 60_000;
  let h: Harness;
  let org: BuiltOrg;
  let idp: TestSamlIdp;

  before(async () => {
    h = await createHarness();
    org = await buildOrg(h, { members: { owner: { role: 'owner' }, ada: { role: 'member' } } });
    idp = await startSamlIdp(samlServiceProviderFor(h.config, org.slug), { entityId: `https://idp.test.invalid/${org.slug}` });
    const created = await h.request(org.tokens.owner!, 'POST', `/api/0/organizations/${org.slug}/auth-provider/`, {
      provider: 'saml2',
      config: { idp_metadata_xml: idp.metadataXml },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
  });
  after(async () => h?.close());

  const pendingStates = async () =>
    (await h.database.db.selectFrom('sso_pending_signins').select('created_at').where('organization_id', '=', org.id).execute()).length;
  const seenIds = () => h.database.db.selectFrom('saml_seen_ids').select(['seen_id', 'expires_at']).where('organization_id', '=', org.id).execute();

  it('clears expired pending sign-ins when a new one starts, and keeps the live ones', async () => {
    await ssoClient(h).start(org.slug); // A, at t0
    h.clock.advance(6 * MINUTE_MS);
    await ssoClient(h).start(org.slug); // B, at t0 + 6 min: A is still live
    assert.equal(await pendingStates(), 2);
    h.clock.advance(5 * MINUTE_MS);
    await ssoClient(h).start(org.slug); // C, at t0 + 11 min: A has expired, B has not
    assert.equal(await pendingStates(), 2, 'A cleared, B and C kept');
    h.clock.advance(11 * MINUTE_MS);
    await ssoClient(h).start(org.slug);
    assert.equal(await pendingStates(), 1, 'only the sign-in just started');
  });

  it('clears the SAML ids of expired assertions when a new sign-in starts', async () => {
    // The test IdP dates its assertions by the real clock: Roster's starts there too.
    h.clock.set(new Date());
    const client = ssoClient(h);
    const authnRequestUrl = await client.start(org.slug);
    const form = {
      SAMLResponse: await idp.respond(authnRequestUrl, { nameId: org.emailOf('ada'), email: org.emailOf('ada') }),
      RelayState: new URL(authnRequestUrl).searchParams.get('RelayState')!,
    };
    assert.equal((await client.send('POST', `/saml/acs/${org.slug}/`, { form })).status, 302);
    const seen = await seenIds();
    assert.ok(seen.length > 0, 'the accepted response’s ids are recorded against replay');

    await ssoClient(h).start(org.slug);
    assert.equal((await seenIds()).length, seen.length, 'ids whose assertion is still valid stay');
    const latest = Math.max(...seen.map((row) => row.expires_at.getTime()));
    h.clock.advance(latest - h.clock.now().getTime() + MINUTE_MS);
    await ssoClient(h).start(org.slug);
    assert.deepEqual(await seenIds(), []);
  });
});
