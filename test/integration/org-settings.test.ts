import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.js';
import { OUT_OF_SCOPE_ORG_FIELDS, assertMatchesOpenApi } from '../helpers/openapi.js';
import { EVENT, auditEntries, buildOrg, orgRow } from '../helpers/org-factory.js';

const ORG_PATH = '/api/0/organizations/{organization_id_or_slug}/';

describe('PUT /api/0/organizations/{org}/ settings', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
  });
  after(() => h.close());

  it('changes every kept setting, answers the detailed organization (OpenAPI) and records one org.edit', async () => {
    const org = await buildOrg(h, { slug: 'alpha', members: { owner: { role: 'owner' } } });
    const body = {
      name: 'Alpha Inc',
      openMembership: false,
      allowMemberInvite: false,
      allowJoinRequests: false,
      allowSharedIssues: false,
      enhancedPrivacy: true,
      isEarlyAdopter: true,
      eventsMemberAdmin: false,
      alertsMemberWrite: false,
      dataScrubber: true,
      dataScrubberDefaults: true,
      sensitiveFields: ['card', 'ssn'],
      safeFields: ['user.id'],
      scrubIPAddresses: true,
      storeCrashReports: 5,
      attachmentsRole: 'admin',
      debugFilesRole: 'manager',
      scrapeJavaScript: false,
      defaultRole: 'admin',
    };
    const response = await h.request(org.tokens.owner!, 'PUT', '/api/0/organizations/alpha/', body);
    assert.equal(response.status, 200, JSON.stringify(response.body));
    assertMatchesOpenApi('put', ORG_PATH, 200, response.body, OUT_OF_SCOPE_ORG_FIELDS);
    const { name, defaultRole, ...flagsAndOptions } = body;
    for (const [key, value] of Object.entries(flagsAndOptions)) assert.deepEqual((response.body as Record<string, unknown>)[key], value, key);
    assert.equal(response.body.name, name);
    assert.equal(response.body.defaultRole, defaultRole);

    // A PUT answers with the feature flags; a GET lists them when asked (as Sentry's does).
    const again = await h.request(org.tokens.owner!, 'GET', '/api/0/organizations/alpha/?include_feature_flags=1');
    assert.deepEqual(again.body, response.body);
    const options = await h.database.db.selectFrom('organization_options').select(['key', 'value']).where('organization_id', '=', org.id).orderBy('key').execute();
    assert.deepEqual(Object.fromEntries(options.map((row) => [row.key, row.value]))['sentry:sensitive_fields'], ['card', 'ssn']);
    assert.equal(options.length, 12);

    const edits = await auditEntries(h, org.id, EVENT.ORG_EDIT);
    assert.equal(edits.length, 1);
    assert.equal(edits[0]!.actor_id, org.userIds.owner);
    assert.equal(edits[0]!.target_object, org.id);
    assert.deepEqual(edits[0]!.data, {
      name: 'from alpha to Alpha Inc',
      default_role: 'from member to admin',
      allow_joinleave: 'to False',
      disable_member_invite: 'to True',
      disable_shared_issues: 'to True',
      enhanced_privacy: 'to True',
      early_adopter: 'to True',
      allowJoinRequests: 'to False',
      eventsMemberAdmin: 'to False',
      alertsMemberWrite: 'to False',
      dataScrubber: 'to True',
      dataScrubberDefaults: 'to True',
      sensitiveFields: "to ['card', 'ssn']",
      safeFields: "to ['user.id']",
      scrubIPAddresses: 'to True',
      storeCrashReports: 'to 5',
      attachmentsRole: 'to admin',
      debugFilesRole: 'to manager',
      scrapeJavaScript: 'to False',
    });

    const second = await h.request(org.tokens.owner!, 'PUT', '/api/0/organizations/alpha/', { storeCrashReports: -1, dataScrubber: true, enhancedPrivacy: true });
    assert.equal(second.status, 200);
    const edits2 = await auditEntries(h, org.id, EVENT.ORG_EDIT);
    assert.equal(edits2.length, 2);
    assert.deepEqual(edits2[1]!.data, { storeCrashReports: 'from 5 to -1' });
  });

  it('§9.1: a PUT that changes nothing writes no org.edit entry', async () => {
    const org = await buildOrg(h, { slug: 'bravo', members: { owner: { role: 'owner' } } });
    const response = await h.request(org.tokens.owner!, 'PUT', '/api/0/organizations/bravo/', {
      name: 'bravo',
      slug: 'bravo',
      openMembership: true,
      scrapeJavaScript: true,
      storeCrashReports: 0,
      defaultRole: 'member',
    });
    assert.equal(response.status, 200);
    assert.deepEqual(await auditEntries(h, org.id, EVENT.ORG_EDIT), []);
  });

  it('out-of-scope fields (projects, relays, sampling, AI and PR-bot options, Codecov) are ignored', async () => {
    const org = await buildOrg(h, { slug: 'charlie', members: { owner: { role: 'owner' } } });
    const response = await h.request(org.tokens.owner!, 'PUT', '/api/0/organizations/charlie/', {
      trustedRelays: [{ name: 'r', publicKey: 'k' }],
      samplingMode: 'project',
      targetSampleRate: 0.5,
      hideAiFeatures: true,
      githubPRBot: false,
      codecovAccess: true,
      relayPiiConfig: '{}',
      allowSuperuserAccess: false,
    });
    assert.equal(response.status, 200);
    assert.equal('hideAiFeatures' in response.body, false);
    assert.equal(response.body.allowSuperuserAccess, true);
    const options = await h.database.db.selectFrom('organization_options').select('key').where('organization_id', '=', org.id).execute();
    assert.deepEqual(options, []);
    assert.deepEqual(await auditEntries(h, org.id, EVENT.ORG_EDIT), []);
  });

  it('§5.7: needs org:write or org:admin; another organization is a 404', async () => {
    const org = await buildOrg(h, { slug: 'delta', members: { owner: { role: 'owner' }, member: { role: 'admin' } } });
    const outsider = await buildOrg(h, { slug: 'delta-other', members: { owner: { role: 'owner' } } });
    const readOnly = (await h.seed({ tokens: [{ user: org.emailOf('owner'), scopes: ['org:read'] }] })).tokens[0]!;
    const admin = await h.request(org.tokens.member!, 'PUT', '/api/0/organizations/delta/', { name: 'Nope' });
    assert.equal(admin.status, 403);
    assert.deepEqual(admin.body, { detail: 'You do not have permission to perform this action.' });
    assert.equal((await h.request(readOnly, 'PUT', '/api/0/organizations/delta/', { name: 'Nope' })).status, 403);
    const other = await h.request(outsider.tokens.owner!, 'PUT', '/api/0/organizations/delta/', { name: 'Nope' });
    assert.equal(other.status, 404);
    assert.equal((await orgRow(h, org.id)).name, 'delta');
  });

  it('§5.7 step 1: defaultRole (and cancelDeletion) from a requester without org:admin is silently ignored', async () => {
    const org = await buildOrg(h, { slug: 'echo', members: { owner: { role: 'owner' }, manager: { role: 'manager' } } });
    const response = await h.request(org.tokens.manager!, 'PUT', '/api/0/organizations/echo/', { defaultRole: 'owner', enhancedPrivacy: true });
    assert.equal(response.status, 200);
    assert.equal(response.body.defaultRole, 'member');
    assert.equal(response.body.enhancedPrivacy, true);
    const invalid = await h.request(org.tokens.manager!, 'PUT', '/api/0/organizations/echo/', { defaultRole: 'nonsense' });
    assert.equal(invalid.status, 200);
    const owner = await h.request(org.tokens.owner!, 'PUT', '/api/0/organizations/echo/', { defaultRole: 'manager' });
    assert.equal(owner.body.defaultRole, 'manager');
    const refused = await h.request(org.tokens.owner!, 'PUT', '/api/0/organizations/echo/', { defaultRole: 'nonsense' });
    assert.equal(refused.status, 400);
    assert.deepEqual(refused.body, { defaultRole: ['"nonsense" is not a valid choice.'] });
  });

  it('§9.4: refuses bad values with Sentry\'s messages and changes nothing', async () => {
    const org = await buildOrg(h, { slug: 'foxtrot', members: { owner: { role: 'owner' } } });
    const cases: Array<[Record<string, unknown>, Record<string, string[]>]> = [
      [{ name: 'n'.repeat(65) }, { name: ['Ensure this field has no more than 64 characters.'] }],
      [{ name: '  ' }, { name: ['This field may not be blank.'] }],
      [{ sensitiveFields: ['ok', ''] }, { sensitiveFields: ['Empty values are not allowed.'] }],
      [{ safeFields: [' '] }, { safeFields: ['Empty values are not allowed.'] }],
      [{ sensitiveFields: 'card' }, { sensitiveFields: ['Expected a list of items but got type "str".'] }],
      [{ sensitiveFields: ['a'.repeat(2001)], safeFields: ['b'.repeat(2000)] }, { sensitiveFields: ['List of sensitive fields is too long.'] }],
      [{ attachmentsRole: 'root' }, { attachmentsRole: ['Invalid role'] }],
      [{ debugFilesRole: 'superuser' }, { debugFilesRole: ['Invalid role'] }],
      [{ storeCrashReports: 101 }, { storeCrashReports: ['Ensure this value is less than or equal to 100.'] }],
      [{ storeCrashReports: -2 }, { storeCrashReports: ['Ensure this value is greater than or equal to -1.'] }],
      [{ openMembership: 'yes' }, { openMembership: ['Must be a valid boolean.'] }],
      [{ avatarType: 'gravatar' }, { avatarType: ['"gravatar" is not a valid choice.'] }],
    ];
    for (const [body, expected] of cases) {
      const response = await h.request(org.tokens.owner!, 'PUT', '/api/0/organizations/foxtrot/', { isEarlyAdopter: true, ...body });
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.deepEqual(response.body, expected, JSON.stringify(body));
    }
    assert.equal((await orgRow(h, org.id)).early_adopter, false);
    assert.deepEqual(await auditEntries(h, org.id, EVENT.ORG_EDIT), []);
  });

  it('§9.5: slug rules, uniqueness against other organizations, and a rename that GET follows', async () => {
    const org = await buildOrg(h, { slug: 'golf', members: { owner: { role: 'owner' } } });
    await buildOrg(h, { slug: 'golf-taken', members: { owner: { role: 'owner' } } });
    const cases: Array<[string, string]> = [
      ['golf-taken', 'The slug "golf-taken" is already in use.'],
      ['api', 'This slug "api" is reserved and not allowed.'],
      ['ab', 'This slug "ab" is too short. Minimum of 3 characters.'],
      ['Golf-Two', 'This slug "Golf-Two" should not contain uppercase symbols.'],
      ['12345', 'Enter a valid slug consisting of letters, numbers, or hyphens. It cannot be entirely numeric.'],
      ['golf_two', 'Enter a valid slug consisting of letters, numbers, or hyphens. It cannot be entirely numeric.'],
      ['golf-two ', 'The slug "golf-two " should not contain any whitespace.'],
      ['x'.repeat(51), 'Ensure this field has no more than 50 characters.'],
    ];
    for (const [slug, message] of cases) {
      const response = await h.request(org.tokens.owner!, 'PUT', '/api/0/organizations/golf/', { slug });
      assert.equal(response.status, 400, slug);
      assert.deepEqual(response.body, { slug: [message] }, slug);
    }
    const renamed = await h.request(org.tokens.owner!, 'PUT', '/api/0/organizations/golf/', { slug: 'golf-renamed' });
    assert.equal(renamed.status, 200);
    assert.equal(renamed.body.slug, 'golf-renamed');
    assert.equal(renamed.body.links.organizationUrl, 'http://roster.test/organizations/golf-renamed/');
    assert.equal((await h.request(org.tokens.owner!, 'GET', '/api/0/organizations/golf/')).status, 404);
    assert.equal((await h.request(org.tokens.owner!, 'GET', '/api/0/organizations/golf-renamed/')).status, 200);
    const edits = await auditEntries(h, org.id, EVENT.ORG_EDIT);
    assert.deepEqual(edits.map((entry) => entry.data), [{ slug: 'from golf to golf-renamed' }]);
  });

  it('§12 item 12 fixed: a slug change is all-or-nothing with the rest of the request', async () => {
    const org = await buildOrg(h, { slug: 'hotel', members: { owner: { role: 'owner' } } });
    const badOption = await h.request(org.tokens.owner!, 'PUT', '/api/0/organizations/hotel/', { slug: 'hotel-new', attachmentsRole: 'root' });
    assert.equal(badOption.status, 400);
    const no2fa = await h.request(org.tokens.owner!, 'PUT', '/api/0/organizations/hotel/', { slug: 'hotel-new', name: 'Hotel New', require2FA: true });
    assert.equal(no2fa.status, 400);
    assert.deepEqual(no2fa.body, { require2FA: ['Cannot require two-factor authentication without personal two-factor enabled.'] });
    const row = await orgRow(h, org.id);
    assert.deepEqual([row.slug, row.name, row.require_2fa], ['hotel', 'hotel', false]);
    assert.deepEqual(await auditEntries(h, org.id), []);
  });
});
