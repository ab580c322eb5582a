import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createHarness, type Harness } from '../helpers/harness.js';
import { assertMatchesOpenApi } from '../helpers/openapi.js';
import { findMemberView } from '../../src/members/members.queries.js';
import { presentMember } from '../../src/members/members.presenter.js';
import { MemberFlags } from '../../src/members/members.schemas.js';

/**
 * The member list's JSON is written by PostgreSQL (src/members/member-list.queries.ts). Every page must be,
 * byte for byte, what `presentMember` gives for the same members, serialized as Fastify serialized it
 * before from the response schema (the presenter's keys in the schema's order, dates as toISOString).
 */
describe('members: the list page PostgreSQL writes is the presenter\'s JSON, byte for byte', () => {
  let h: Harness;
  let token: string;
  let orgId: string;

  before(async () => {
    h = await createHarness({ start: new Date('2026-03-01T12:00:00.000Z') });
    const seeded = await h.seed({
      users: [
        { email: 'owner@example.com', name: 'Olive "O\'Neil" Owner', totpSecret: 'JBSWY3DPEHPK3PXP' },
        { email: 'manager@example.com', name: 'Manny', superuser: true },
        { email: 'member@example.com', name: '' },
        { email: 'alice.one@example.com', name: 'Alice Ünïcødé 🚀' },
        { email: 'alice.two@example.com', name: 'alice two', emailVerified: false },
        { email: 'linked@example.com', name: 'Lin' },
        { email: 'gone@example.com', name: 'Gone' },
        { email: 'nameless-inviter@example.com', name: '' },
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
            { email: 'alice.one@example.com', role: 'admin', flags: { 'idp:provisioned': true, 'idp:role-restricted': true } },
            { email: 'alice.two@example.com', role: 'billing', flags: { 'sso:invalid': true, 'partnership:restricted': true } },
            { email: 'linked@example.com', role: 'member', flags: { 'sso:linked': true, 'member-limit:restricted': true } },
            { email: 'gone@example.com', role: 'member' },
            { email: 'nameless-inviter@example.com', role: 'manager' },
            { email: 'expired@example.com', role: 'member', pending: true, invitedBy: 'owner@example.com', tokenExpiresAt: '2020-01-01T00:00:00Z' },
            { email: 'alice.invited@example.com', role: 'admin', pending: true, invitedBy: 'nameless-inviter@example.com', tokenExpiresAt: '2026-03-01T12:00:00.000Z' },
            { email: 'later@example.com', role: 'member', pending: true, tokenExpiresAt: '2026-03-01T12:00:00.001Z' },
            { email: 'never@example.com', role: 'member', pending: true },
          ],
        },
      ],
      tokens: [{ user: 'manager@example.com', scopes: ['member:read'] }],
    });
    token = seeded.tokens[0]!;
    orgId = seeded.organizations.acme!.id;
    const db = h.database.db;
    // Timestamps with microseconds (as now() writes them), a last login, an inactive user (not listed),
    // an address outside printable ASCII (hashed in Node), and a link that never expires.
    await sql`update users set last_login = '2026-02-03 04:05:06.789999+00', date_joined = '2025-12-31 23:59:59.999999+00'
               where email = 'alice.one@example.com'`.execute(db);
    // Names written before the API refused control characters still list.
    await sql`update users set name = ${'Manny\tTab\n \\ back\u0001\u007f'} where email = 'manager@example.com'`.execute(db);
    await sql`update users set email = 'zoë.ñ@exämple.com' where email = 'linked@example.com'`.execute(db);
    await sql`update members set date_added = '2026-01-01 00:00:00.000001+00' where organization_id = ${orgId} and user_id is null and email = 'expired@example.com'`.execute(db);
    await sql`update members set token_expires_at = null where organization_id = ${orgId} and email = 'never@example.com'`.execute(db);
    await sql`update members set user_is_active = false where organization_id = ${orgId}
               and user_id = (select id from users where email = 'gone@example.com')`.execute(db);
    await sql`update users set is_active = false where email = 'gone@example.com'`.execute(db);
  });
  after(() => h.close());

  async function page(query: string) {
    const response = await h.app.inject({ method: 'GET', url: `/api/0/organizations/acme/members/${query}`, headers: { authorization: `Bearer ${token}` } });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers['content-type'], 'application/json; charset=utf-8');
    return response;
  }

  async function expected(body: string): Promise<string> {
    const ids = (JSON.parse(body) as Array<{ id: string }>).map((member) => member.id);
    const now = h.clock.now();
    const members = [];
    for (const id of ids) {
      const member = presentMember((await findMemberView(h.database.db, orgId, { id }))!, now);
      // Fastify's serializer wrote the keys in the schema's order, which for the flags is not the presenter's.
      const flags = Object.fromEntries(Object.keys(MemberFlags.properties).map((name) => [name, member.flags[name as keyof typeof member.flags]]));
      members.push({ ...member, flags });
    }
    return JSON.stringify(members);
  }

  const queries = ['', '?query=alice', '?query=role:member', '?query=isInvited:true', '?query=has2fa:true', '?query=ssoLinked:true', '?query=email:zoë.ñ@exämple.com'];
  for (const query of queries) {
    it(`GET members/${query || '(no query)'}`, async () => {
      const response = await page(query);
      assertMatchesOpenApi('get', '/api/0/organizations/{organization_id_or_slug}/members/', 200, JSON.parse(response.body));
      assert.ok(JSON.parse(response.body).length > 0, 'the page is not empty');
      assert.equal(response.body, await expected(response.body));
    });
  }

  it('the whole list, three members a page, forwards and back, and an empty page', async () => {
    let response = await page('?per_page=3');
    const seen: string[] = [];
    for (;;) {
      assert.equal(response.body, await expected(response.body));
      seen.push(...(JSON.parse(response.body) as Array<{ email: string }>).map((member) => member.email));
      const next = /<[^>]*[?&]cursor=([^&>]+)[^>]*>; rel="next"; results="true"/.exec(String(response.headers.link));
      if (!next) break;
      response = await page(`?per_page=3&cursor=${next[1]}`);
    }
    assert.equal(seen.length, 11);
    assert.ok(!seen.includes('gone@example.com'));
    const previous = /<[^>]*[?&]cursor=([^&>]+)[^>]*>; rel="previous"/.exec(String(response.headers.link))!;
    const back = await page(`?per_page=3&cursor=${previous[1]}`);
    assert.equal(back.body, await expected(back.body));
    assert.equal((await page('?query=nobody-at-all')).body, '[]');
  });

  it('whether an invite has expired follows the clock, to the millisecond', async () => {
    const flags = async () =>
      Object.fromEntries((JSON.parse((await page('?query=isInvited:true')).body) as Array<{ email: string; expired: boolean }>).map((m) => [m.email, m.expired]));
    assert.deepEqual(await flags(), { 'expired@example.com': true, 'alice.invited@example.com': true, 'later@example.com': false, 'never@example.com': false });
    h.clock.set(new Date('2026-03-01T11:59:59.999Z'));
    assert.deepEqual(await flags(), { 'expired@example.com': true, 'alice.invited@example.com': false, 'later@example.com': false, 'never@example.com': false });
    h.clock.set(new Date('2026-03-01T12:00:00.001Z'));
    assert.deepEqual(await flags(), { 'expired@example.com': true, 'alice.invited@example.com': true, 'later@example.com': true, 'never@example.com': false });
  });
});
