import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.js';
import { assertMatchesOpenApi } from '../helpers/openapi.js';

describe('organizations', () => {
  let h: Harness;
  let owner: string;
  let member: string;
  let outsider: string;
  let readOnly: string;

  before(async () => {
    h = await createHarness();
    const seeded = await h.seed({
      users: [{ email: 'owner@example.com', name: 'Olive' }, { email: 'member@example.com' }, { email: 'outsider@example.com' }],
      organizations: [
        {
          slug: 'acme',
          name: 'Acme',
          features: { 'team-roles': false },
          teams: [{ slug: 'backend' }],
          members: [
            { email: 'owner@example.com', role: 'owner' },
            { email: 'member@example.com', role: 'member', teams: [{ slug: 'backend' }] },
          ],
        },
        { slug: 'globex', name: 'Globex', members: [{ email: 'outsider@example.com', role: 'owner' }] },
      ],
      tokens: [{ user: 'owner@example.com', scopes: ['member:read'] }],
    });
    owner = seeded.users['owner@example.com']!.token;
    member = seeded.users['member@example.com']!.token;
    outsider = seeded.users['outsider@example.com']!.token;
    readOnly = seeded.tokens[0]!;
  });
  after(() => h.close());

  it('GET /organizations/{org}/ by slug and by id validates against the OpenAPI file', async () => {
    const bySlug = await h.request(owner, 'GET', '/api/0/organizations/acme/');
    assert.equal(bySlug.status, 200);
    assertMatchesOpenApi('get', '/api/0/organizations/{organization_id_or_slug}/', 200, bySlug.body);
    assert.equal(bySlug.body.slug, 'acme');
    assert.equal(bySlug.body.orgRole, 'owner');
    assert.ok(bySlug.body.access.includes('org:admin'));
    assert.deepEqual(
      bySlug.body.orgRoleList.filter((role: { isAllowed: boolean }) => role.isAllowed).map((role: { id: string }) => role.id),
      ['member', 'admin', 'manager', 'owner'],
    );
    const byId = await h.request(owner, 'GET', `/api/0/organizations/${bySlug.body.id}/`);
    assert.equal(byId.status, 200);
    assert.equal(byId.body.slug, 'acme');
  });

  // Sentry's GET answers without `features` unless `?include_feature_flags=` is anything but "0", and
  // `?detailed=0` leaves out `teams` and `projects`; both are compared with "0" and nothing else.
  it('GET /organizations/{org}/ lists features only with ?include_feature_flags=1', async () => {
    const plain = await h.request(member, 'GET', '/api/0/organizations/acme/');
    assert.equal(plain.status, 200);
    assert.equal('features' in plain.body, false);
    const off = await h.request(member, 'GET', '/api/0/organizations/acme/?include_feature_flags=0');
    assert.equal('features' in off.body, false);

    const flagged = await h.request(member, 'GET', '/api/0/organizations/acme/?include_feature_flags=1');
    assert.equal(flagged.status, 200);
    assertMatchesOpenApi('get', '/api/0/organizations/{organization_id_or_slug}/', 200, flagged.body);
    assert.ok(flagged.body.features!.includes('organizations:invite-members'));
    assert.equal(flagged.body.features!.includes('organizations:team-roles'), false, "the organization's own settings, not the defaults");
    const listed = await h.request(member, 'GET', '/api/0/organizations/');
    assert.deepEqual(flagged.body.features, listed.body[0]!.features, 'the same flags as the list, which always carries them');
    const { features: _features, ...rest } = flagged.body;
    assert.deepEqual(rest, plain.body, 'nothing else changes');
  });

  it('GET /organizations/{org}/?detailed=0 leaves out teams (and projects), and keeps the detailed fields', async () => {
    const detailed = await h.request(member, 'GET', '/api/0/organizations/acme/');
    assert.deepEqual(detailed.body.teams!.map((team: { slug: string; isMember: boolean }) => [team.slug, team.isMember]), [['backend', true]]);

    const brief = await h.request(member, 'GET', '/api/0/organizations/acme/?detailed=0');
    assert.equal(brief.status, 200);
    assertMatchesOpenApi('get', '/api/0/organizations/{organization_id_or_slug}/', 200, brief.body);
    assert.equal('teams' in brief.body, false);
    assert.equal('projects' in brief.body, false);
    const { teams: _teams, ...rest } = detailed.body;
    assert.deepEqual(brief.body, rest, 'only the teams go');

    const notZero = await h.request(member, 'GET', '/api/0/organizations/acme/?detailed=false');
    assert.deepEqual(notZero.body.teams, detailed.body.teams, 'only "0" turns the teams off');

    // What Sentry's own console asks for on every page: the organization, its flags, no lists.
    const console = await h.request(member, 'GET', '/api/0/organizations/acme/?detailed=0&include_feature_flags=1');
    assert.equal('teams' in console.body, false);
    assert.ok(Array.isArray(console.body.features));
  });

  it('PUT answers with the teams and the features, as before (POST too, below)', async () => {
    const updated = await h.request(outsider, 'PUT', '/api/0/organizations/globex/', { name: 'Globex' });
    assert.equal(updated.status, 200);
    assert.ok(updated.body.features!.includes('organizations:invite-members'));
    assert.deepEqual(updated.body.teams, []);
  });

  it('a member sees the organization with its own role and no assignable roles', async () => {
    const response = await h.request(member, 'GET', '/api/0/organizations/acme/');
    assert.equal(response.status, 200);
    assert.equal(response.body.orgRole, 'member');
    assert.equal(response.body.orgRoleList.some((role: { isAllowed: boolean }) => role.isAllowed), false);
  });

  it('another organization is a 404, the same as one that does not exist', async () => {
    const other = await h.request(outsider, 'GET', '/api/0/organizations/acme/');
    const missing = await h.request(outsider, 'GET', '/api/0/organizations/no-such-org/');
    assert.equal(other.status, 404);
    assert.deepEqual(other.body, { detail: 'The requested resource does not exist' });
    assert.deepEqual(missing.body, other.body);
  });

  it('a token without org:read gets 403 with Sentry\'s text', async () => {
    const response = await h.request(readOnly, 'GET', '/api/0/organizations/acme/');
    assert.equal(response.status, 403);
    assert.deepEqual(response.body, { detail: 'You do not have permission to perform this action.' });
  });

  it('GET /organizations/ lists the requester\'s organizations, validated against the OpenAPI file', async () => {
    const response = await h.request(owner, 'GET', '/api/0/organizations/');
    assert.equal(response.status, 200);
    assertMatchesOpenApi('get', '/api/0/organizations/', 200, response.body);
    assert.deepEqual(response.body.map((org: { slug: string }) => org.slug), ['acme']);
    const owned = await h.request(member, 'GET', '/api/0/organizations/?owner=true');
    assert.deepEqual(owned.body, []);
  });

  it('POST /organizations/ makes the creator the owner and writes org.create to the audit log', async () => {
    const created = await h.request(member, 'POST', '/api/0/organizations/', { name: 'Initech Labs' });
    assert.equal(created.status, 201);
    assert.equal(created.body.slug, 'initech-labs');
    assert.equal(created.body.orgRole, 'owner');
    assert.ok(created.body.features!.includes('organizations:invite-members'));
    assert.deepEqual(created.body.teams, []);
    const entries = await h.database.db
      .selectFrom('audit_log_entries')
      .selectAll()
      .where('organization_id', '=', created.body.id)
      .execute();
    assert.deepEqual(entries.map((entry) => entry.event), [10]);
    assert.equal(entries[0]!.data.slug, 'initech-labs');
    const list = await h.request(member, 'GET', '/api/0/organizations/?owner=true');
    assert.deepEqual(list.body.map((org: { slug: string }) => org.slug), ['initech-labs']);
  });

  it('POST /organizations/ refuses a taken, reserved or malformed slug with Sentry\'s messages', async () => {
    const cases: Array<[unknown, Record<string, string[]>]> = [
      [{ name: 'X', slug: 'acme' }, { slug: ['The slug "acme" is already in use.'] }],
      [{ name: 'X', slug: 'api' }, { slug: ['This slug "api" is reserved and not allowed.'] }],
      [{ name: 'X', slug: '1234' }, { slug: ['Enter a valid slug consisting of letters, numbers, or hyphens. It cannot be entirely numeric.'] }],
      [{ name: 'X', slug: 'Upper' }, { slug: ['This slug "Upper" should not contain uppercase symbols.'] }],
      [{ slug: 'fine-slug' }, { name: ['This field is required.'] }],
      [{ name: 'n'.repeat(65) }, { name: ['Ensure this field has no more than 64 characters.'] }],
      [{ name: 42 }, { name: ['Not a valid string.'] }],
    ];
    for (const [body, expected] of cases) {
      const response = await h.request(owner, 'POST', '/api/0/organizations/', body);
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.deepEqual(response.body, expected);
    }
    const count = await h.database.db.selectFrom('organizations').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 3);
  });

  it('derives a free slug from the name when two organizations share it', async () => {
    const first = await h.request(owner, 'POST', '/api/0/organizations/', { name: 'Umbrella' });
    const second = await h.request(owner, 'POST', '/api/0/organizations/', { name: 'Umbrella' });
    assert.equal(first.body.slug, 'umbrella');
    assert.match(second.body.slug, /^umbrella-[0-9a-f]{6}$/);
  });
});
