import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.js';
import { insertAuditEntry, type AuditEntry } from '../../src/audit/audit.queries.js';
import type { AuditActor } from '../../src/audit/audit.queries.js';
import { AUDIT_EVENTS } from '../../src/audit/audit-events.js';
import { inTransaction } from '../helpers/database.js';

/** The cursor and results flag of each rel in a Link header. */
function links(header: unknown): Record<string, { url: string; cursor: string; results: boolean }> {
  const result: Record<string, { url: string; cursor: string; results: boolean }> = {};
  for (const part of String(header).split(/,\s*(?=<)/)) {
    const match = /^<([^>]+)>; rel="(\w+)"; results="(true|false)"; cursor="([^"]+)"$/.exec(part);
    assert.ok(match, `malformed Link entry: ${part}`);
    result[match[2]!] = { url: match[1]!, results: match[3] === 'true', cursor: match[4]! };
  }
  return result;
}

describe('audit log (GET /organizations/{org}/audit-logs/)', () => {
  let h: Harness;
  let owner: string;
  let manager: string;
  let admin: string;
  let member: string;
  let outsider: string;
  let readOnly: string;
  let orgId: string;
  let ownerId: string;
  let memberId: string;
  const url = (query: '' | `?${string}` = '') => `/api/0/organizations/acme/audit-logs/${query}` as const;
  const asUser = (userId: string, email: string, name = ''): AuditActor => ({ userId, email, name, ip: '203.0.113.7' });
  const write = (entry: Omit<AuditEntry, 'organizationId'>) => inTransaction(h, (tx) => insertAuditEntry(tx, { organizationId: orgId, ...entry }));

  before(async () => {
    h = await createHarness();
    const seeded = await h.seed({
      users: [
        { email: 'owner@example.com', name: 'Olive' }, { email: 'manager@example.com' }, { email: 'admin@example.com' },
        { email: 'member@example.com', name: 'Mo' }, { email: 'outsider@example.com' },
      ],
      organizations: [
        {
          slug: 'acme', name: 'Acme',
          members: [
            { email: 'owner@example.com', role: 'owner' }, { email: 'manager@example.com', role: 'manager' },
            { email: 'admin@example.com', role: 'admin' }, { email: 'member@example.com', role: 'member' },
          ],
        },
        { slug: 'globex', name: 'Globex', members: [{ email: 'outsider@example.com', role: 'owner' }] },
      ],
      tokens: [{ user: 'owner@example.com', scopes: ['org:read', 'member:admin'] }],
    });
    owner = seeded.users['owner@example.com']!.token;
    manager = seeded.users['manager@example.com']!.token;
    admin = seeded.users['admin@example.com']!.token;
    member = seeded.users['member@example.com']!.token;
    outsider = seeded.users['outsider@example.com']!.token;
    readOnly = seeded.tokens[0]!;
    orgId = seeded.organizations.acme!.id;
    ownerId = seeded.users['owner@example.com']!.id;
    memberId = seeded.users['member@example.com']!.id;
    const olive = asUser(ownerId, 'owner@example.com', 'Olive');
    const mo = asUser(memberId, 'member@example.com', 'Mo');
    await write({ event: 'MEMBER_INVITE', actor: olive, targetObject: '11', data: { email: 'new@example.com', role: 'member' } });
    await write({ event: 'MEMBER_ADD', actor: mo, targetObject: '12', targetUserId: memberId, data: { email: 'member@example.com' } });
    await write({
      event: 'MEMBER_EDIT', actor: olive, targetObject: '12', targetUserId: memberId,
      data: { email: 'member@example.com', role: 'admin', teams_slugs: ['backend', 'web'] },
    });
    await write({ event: 'MEMBER_PENDING', actor: null, targetUserId: memberId, data: {} });
    await write({ event: 'TEAM_ADD', actor: olive, targetObject: '3', data: { slug: 'backend' } });
    // An actor whose account is gone: only the recorded label is left.
    await h.database.db
      .insertInto('audit_log_entries')
      .values({ organization_id: orgId, event: AUDIT_EVENTS.TEAM_REMOVE.id, actor_label: 'Gone User', data: JSON.stringify({ slug: 'old' }) })
      .execute();
  });
  after(() => h.close());

  it('§10: entries come newest first, each with event name, actor, target, IP, data and rendered note', async () => {
    const response = await h.request(owner, 'GET', url());
    assert.equal(response.status, 200);
    const { rows, options } = response.body;
    assert.deepEqual(
      rows.map((row: { event: string }) => row.event),
      ['team.remove', 'team.create', 'member.pending', 'member.edit', 'member.add', 'member.invite'],
    );
    const ids = rows.map((row: { id: string }) => BigInt(row.id));
    assert.deepEqual(ids, [...ids].sort((a, b) => (a > b ? -1 : 1)));
    assert.deepEqual(options, Object.values(AUDIT_EVENTS).map((spec) => spec.name));

    const byEvent = Object.fromEntries(rows.map((row) => [row.event, row] as const));
    const edit = byEvent['member.edit']!;
    assert.equal(edit.note, 'edited member member@example.com (role: admin, teams: backend, web)');
    assert.equal(edit.actor!.id, ownerId);
    assert.equal(edit.actor!.name, 'Olive');
    assert.equal(edit.actor!.email, 'owner@example.com');
    assert.equal(edit.targetUser!.id, memberId);
    assert.equal(edit.targetUser!.has2fa, false);
    assert.equal(edit.targetObject, 12);
    assert.equal(edit.ipAddress, '203.0.113.7');
    assert.deepEqual(edit.data, { email: 'member@example.com', role: 'admin', teams_slugs: ['backend', 'web'] });
    assert.ok(!Number.isNaN(Date.parse(edit.dateCreated)));
    assert.deepEqual(
      Object.keys(edit).sort(),
      ['actor', 'data', 'dateCreated', 'event', 'id', 'ipAddress', 'note', 'targetObject', 'targetUser'],
    );

    assert.equal(byEvent['member.add']!.note, 'joined the organization', 'actor = target');
    assert.equal(byEvent['member.invite']!.note, 'invited member new@example.com');
    assert.equal(byEvent['member.invite']!.targetUser, null);
    assert.equal(byEvent['member.pending']!.actor, null, 'no actor: the system');
    assert.equal(byEvent['member.pending']!.note, 'required member Mo to setup 2FA');
    assert.equal(byEvent['member.pending']!.targetObject, null);
    assert.deepEqual(byEvent['team.remove']!.actor, { name: 'Gone User' });
    assert.equal(byEvent['team.create']!.note, 'created team backend');
  });

  it('POST /organizations/ writes org.create, which its audit log shows', async () => {
    const created = await h.request(member, 'POST', '/api/0/organizations/', { name: 'Initech' });
    assert.equal(created.status, 201);
    const response = await h.request(member, 'GET', `/api/0/organizations/${created.body.slug}/audit-logs/`);
    assert.equal(response.status, 200);
    assert.equal(response.body.rows.length, 1);
    const [entry] = response.body.rows;
    assert.equal(entry!.event, 'org.create');
    assert.equal(entry!.note, 'created the organization');
    assert.equal(entry!.actor!.id, memberId);
    assert.equal(entry!.targetObject, Number(created.body.id));
    assert.equal(entry!.data.slug, 'initech');
    // Another organization's entries never show up here.
    const acme = await h.request(owner, 'GET', url());
    assert.equal(acme.body.rows.some((row: { event: string }) => row.event === 'org.create'), false);
  });

  it('?event= filters by API name; an unknown name is a 400', async () => {
    const edits = await h.request(owner, 'GET', url('?event=member.edit'));
    assert.equal(edits.status, 200);
    assert.deepEqual(edits.body.rows.map((row: { event: string }) => row.event), ['member.edit']);
    const none = await h.request(owner, 'GET', url('?event=org.remove'));
    assert.deepEqual(none.body.rows, []);
    const bad = await h.request(owner, 'GET', url('?event=member.explode'));
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body, { detail: 'Invalid audit log event' });
  });

  it('?actor= filters by user id; a non-numeric actor is a field error', async () => {
    const mine = await h.request(owner, 'GET', url(`?actor=${memberId}`));
    assert.equal(mine.status, 200);
    assert.deepEqual(mine.body.rows.map((row: { event: string }) => row.event), ['member.add']);
    const both = await h.request(owner, 'GET', url(`?actor=${ownerId}&event=team.create`));
    assert.deepEqual(both.body.rows.map((row: { event: string }) => row.event), ['team.create']);
    const bad = await h.request(owner, 'GET', url('?actor=olive'));
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body, { actor: ['A valid integer is required.'] });
  });

  it('needs org:write: managers and owners read it; admins, members and an org:read token get 403', async () => {
    assert.equal((await h.request(manager, 'GET', url())).status, 200);
    for (const token of [admin, member, readOnly]) {
      const response = await h.request(token, 'GET', url());
      assert.equal(response.status, 403);
      assert.deepEqual(response.body, { detail: 'You do not have permission to perform this action.' });
    }
  });

  it('another organization\'s log is a 404, like one that does not exist; no credentials is a 401', async () => {
    const other = await h.request(outsider, 'GET', url());
    assert.equal(other.status, 404);
    assert.deepEqual(other.body, { detail: 'The requested resource does not exist' });
    assert.equal((await h.request(outsider, 'GET', '/api/0/organizations/nope/audit-logs/')).status, 404);
    assert.equal((await h.request(null, 'GET', url())).status, 401);
  });

  it('Link-header pagination walks every entry once, forwards and back, with per_page and the filters kept', async () => {
    const all = (await h.request(owner, 'GET', url())).body.rows.map((row: { id: string }) => row.id);
    const seen: string[] = [];
    let response = await h.request(owner, 'GET', url('?per_page=4'));
    let pages = 0;
    for (;;) {
      assert.equal(response.status, 200);
      seen.push(...response.body.rows.map((row: { id: string }) => row.id));
      pages += 1;
      const link = links(response.headers.link);
      assert.match(link.next!.url, /^http:\/\/roster\.test\/api\/0\/organizations\/acme\/audit-logs\/\?per_page=4&cursor=/);
      if (!link.next!.results) break;
      response = await h.request<typeof response.body>(owner, 'GET', link.next!.url.replace('http://roster.test', ''));
    }
    assert.equal(pages, 2);
    assert.deepEqual(seen, all);

    const first = await h.request(owner, 'GET', url('?per_page=4'));
    assert.equal(links(first.headers.link).previous!.results, false);
    const second = await h.request(owner, 'GET', url(`?per_page=4&cursor=${links(first.headers.link).next!.cursor}`));
    const back = await h.request(owner, 'GET', url(`?per_page=4&cursor=${links(second.headers.link).previous!.cursor}`));
    assert.deepEqual(back.body.rows, first.body.rows);

    const filtered = await h.request(owner, 'GET', url(`?event=member.edit&per_page=1`));
    assert.match(links(filtered.headers.link).next!.url, /\?event=member\.edit&per_page=1&cursor=/);
  });

  it('a page after a cursor does not shift when new entries arrive (keyset, not offset)', async () => {
    const first = await h.request(owner, 'GET', url('?per_page=2'));
    const next = links(first.headers.link).next!.cursor;
    const expected = (await h.request(owner, 'GET', url(`?per_page=2&cursor=${next}`))).body.rows;
    await write({ event: 'TEAM_EDIT', actor: null, data: { slug: 'backend' } });
    await write({ event: 'TEAM_EDIT', actor: null, data: { slug: 'web' } });
    const later = (await h.request(owner, 'GET', url(`?per_page=2&cursor=${next}`))).body.rows;
    assert.deepEqual(later, expected);
    const top = await h.request(owner, 'GET', url('?per_page=2'));
    assert.deepEqual(top.body.rows.map((row: { event: string }) => row.event), ['team.edit', 'team.edit']);
  });

  it('bad cursors and per_page values are 400s with Sentry\'s texts', async () => {
    const cases: Array<[`?${string}`, string]> = [
      ['?cursor=bogus', 'Invalid cursor parameter.'],
      ['?cursor=1:100:0', 'Invalid cursor parameter.'],
      ['?per_page=101', 'Invalid per_page value. Cannot exceed 100.'],
      ['?per_page=0', 'Invalid per_page parameter.'],
      ['?per_page=x', 'Invalid per_page parameter.'],
    ];
    for (const [query, detail] of cases) {
      const response = await h.request(owner, 'GET', url(query));
      assert.equal(response.status, 400, query);
      assert.deepEqual(response.body, { detail }, query);
    }
  });
});
