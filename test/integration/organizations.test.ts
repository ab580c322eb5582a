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
          members: [
            { email: 'owner@example.com', role: 'owner' },
            { email: 'member@example.com', role: 'member' },
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
