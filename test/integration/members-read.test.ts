import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.js';
import { assertMatchesOpenApi } from '../helpers/openapi.js';

const LIST = '/api/0/organizations/{organization_id_or_slug}/members/';
const DETAIL = '/api/0/organizations/{organization_id_or_slug}/members/{member_id}/';

describe('members: list and get', () => {
  let h: Harness;
  let tokens: Record<string, string>;
  let ids: Record<string, string>;
  let otherOrgMemberId: string;

  before(async () => {
    h = await createHarness();
    const seeded = await h.seed({
      users: [
        { email: 'owner@example.com', name: 'Olive Owner', totpSecret: 'JBSWY3DPEHPK3PXP' },
        { email: 'manager@example.com', name: 'Manny' },
        { email: 'member@example.com', name: 'Mel' },
        { email: 'linked@example.com', name: 'Lin' },
        { email: 'stranger@example.com' },
      ],
      organizations: [
        {
          slug: 'acme',
          name: 'Acme',
          teams: [{ slug: 'backend' }, { slug: 'frontend' }],
          members: [
            { email: 'owner@example.com', role: 'owner', teams: [{ slug: 'backend', role: null }] },
            { email: 'manager@example.com', role: 'manager' },
            { email: 'member@example.com', role: 'member', teams: [{ slug: 'backend', role: 'admin' }, { slug: 'frontend' }] },
            { email: 'linked@example.com', role: 'member', flags: { 'sso:linked': true } },
            { email: 'invited@example.com', role: 'member', pending: true, invitedBy: 'owner@example.com', tokenExpiresAt: '2020-01-01T00:00:00Z' },
          ],
        },
        { slug: 'globex', name: 'Globex', members: [{ email: 'stranger@example.com', role: 'owner' }] },
      ],
      tokens: [{ user: 'owner@example.com', scopes: ['org:read'] }],
    });
    tokens = Object.fromEntries(Object.entries(seeded.users).map(([email, user]) => [email, user.token]));
    tokens.orgReadOnly = seeded.tokens[0]!;
    ids = seeded.organizations.acme!.members;
    otherOrgMemberId = seeded.organizations.globex!.members['stranger@example.com']!;
  });
  after(() => h.close());

  const list = (token: string, query: '' | `?${string}` = '') => h.request(token, 'GET', `/api/0/organizations/acme/members/${query}`);

  it('§5.1 lists approved members ordered by id, validated against the OpenAPI file', async () => {
    const response = await list(tokens['member@example.com']!);
    assert.equal(response.status, 200);
    assertMatchesOpenApi('get', LIST, 200, response.body);
    assert.deepEqual(response.body.map((m: { email: string }) => m.email), [
      'owner@example.com', 'manager@example.com', 'member@example.com', 'linked@example.com', 'invited@example.com',
    ]);
    const invited = response.body[4]!;
    assert.equal(invited.pending, true);
    assert.equal(invited.expired, true);
    assert.equal(invited.user, null);
    assert.equal(invited.inviterName, 'Olive Owner');
    assert.equal(response.body[0]!.user!.has2fa, true);
  });

  it('§5.1 needs member:read (a token without it gets 403)', async () => {
    const response = await list(tokens.orgReadOnly!);
    assert.equal(response.status, 403);
  });

  const filters: Array<[string, string[]]> = [
    ['role:owner', ['owner@example.com']],
    ['role:owner role:manager', ['owner@example.com', 'manager@example.com']],
    ['email:MEMBER@example.com', ['member@example.com']],
    ['email:invited@example.com', ['invited@example.com']],
    ['isInvited:true', ['invited@example.com']],
    ['isInvited:false', ['owner@example.com', 'manager@example.com', 'member@example.com', 'linked@example.com']],
    ['ssoLinked:true', ['linked@example.com']],
    ['has2fa:true', ['owner@example.com']],
    ['has2fa:false', ['manager@example.com', 'member@example.com', 'linked@example.com']],
    ['scope:member:admin', ['owner@example.com', 'manager@example.com']],
    ['scope:nonsense', []],
    ['id:abc', []],
    ['unknownkey:1', []],
    ['manny', ['manager@example.com']],
    ['hasExternalUsers:true', []],
  ];
  for (const [query, expected] of filters) {
    it(`§5.1 query ${JSON.stringify(query)}`, async () => {
      const response = await list(tokens['owner@example.com']!, `?query=${encodeURIComponent(query)}`);
      assert.equal(response.status, 200);
      assert.deepEqual(response.body.map((m: { email: string }) => m.email), expected);
    });
  }

  it('§5.1 id: and user.id: filter by number', async () => {
    const response = await list(tokens['owner@example.com']!, `?query=${encodeURIComponent(`id:${ids['manager@example.com']}`)}`);
    assert.deepEqual(response.body.map((m: { email: string }) => m.email), ['manager@example.com']);
  });

  it('§1.5 pages with a Link header; following it walks the whole list and back', async () => {
    const first = await list(tokens['owner@example.com']!, '?per_page=2');
    assert.equal(first.body.length, 2);
    const next = /<([^>]+)>; rel="next"; results="true"/.exec(String(first.headers.link))?.[1];
    assert.ok(next, String(first.headers.link));
    const second = await h.request<typeof first.body>(tokens['owner@example.com']!, 'GET', new URL(next).pathname + new URL(next).search);
    assert.deepEqual(second.body.map((m: { email: string }) => m.email), ['member@example.com', 'linked@example.com']);
    const previous = /<([^>]+)>; rel="previous"; results="true"/.exec(String(second.headers.link))?.[1];
    assert.ok(previous);
    const back = await h.request<typeof first.body>(tokens['owner@example.com']!, 'GET', new URL(previous).pathname + new URL(previous).search);
    assert.deepEqual(back.body.map((m: { email: string }) => m.email), ['owner@example.com', 'manager@example.com']);
    const bad = await list(tokens['owner@example.com']!, '?per_page=101');
    assert.equal(bad.status, 400);
    const badCursor = await list(tokens['owner@example.com']!, '?cursor=nope');
    assert.equal(badCursor.status, 400);
  });

  it('§5.3 GET a member: MemberWithRoles with teams, validated against the OpenAPI file', async () => {
    const response = await h.request(tokens['owner@example.com']!, 'GET', `/api/0/organizations/acme/members/${ids['member@example.com']}/`);
    assert.equal(response.status, 200);
    assertMatchesOpenApi('get', DETAIL, 200, response.body);
    assert.deepEqual(response.body.teams, ['backend', 'frontend']);
    assert.deepEqual(response.body.teamRoles, [{ teamSlug: 'backend', role: 'admin' }, { teamSlug: 'frontend', role: null }]);
    assert.equal(response.body.isOnlyOwner, false);
    assert.equal((response.body.user as { canReset2fa: boolean }).canReset2fa, false);
  });

  it('decisions fix 5: isAllowed is computed for the requester, not the target', async () => {
    const target = `/api/0/organizations/acme/members/${ids['owner@example.com']}/` as const;
    const asManager = await h.request(tokens['manager@example.com']!, 'GET', target);
    const allowed = (body: { orgRoleList: Array<{ id: string; isAllowed: boolean }> }) =>
      body.orgRoleList.filter((role) => role.isAllowed).map((role) => role.id);
    assert.deepEqual(allowed(asManager.body), ['member', 'admin', 'manager']);
    assert.equal(asManager.body.isOnlyOwner, true);
    const asMember = await h.request(tokens['member@example.com']!, 'GET', target);
    assert.deepEqual(allowed(asMember.body), []);
    assert.equal('canReset2fa' in asMember.body.user!, false, 'a requester who may assign no role gets the basic user');
  });

  it('canReset2fa: member:admin, target has 2FA and belongs to no other organization', async () => {
    const response = await h.request(tokens['manager@example.com']!, 'GET', `/api/0/organizations/acme/members/${ids['owner@example.com']}/`);
    assert.equal((response.body.user as { canReset2fa: boolean }).canReset2fa, true);
  });

  it('§1.4 `me` is the requester; malformed ids and other organizations\' members are 404', async () => {
    const me = await h.request(tokens['manager@example.com']!, 'GET', '/api/0/organizations/acme/members/me/');
    assert.equal(me.status, 200);
    assert.equal(me.body.email, 'manager@example.com');
    for (const id of ['abc', '-1', '99999999999999999999', otherOrgMemberId, '0']) {
      const response = await h.request(tokens['owner@example.com']!, 'GET', `/api/0/organizations/acme/members/${id}/`);
      assert.equal(response.status, 404, id);
      assert.deepEqual(response.body, { detail: 'The requested resource does not exist' });
    }
  });
});
