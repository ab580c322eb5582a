import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { createHarness, type Harness } from '../helpers/harness.js';

/** Races need real connections: two apps (two pools) on one PostgreSQL schema, many requests at once. */
describe('member ↔ team races on PostgreSQL', () => {
  let h: Harness;
  let second: FastifyInstance;
  let tokens: Record<string, string>;
  let ids: Record<string, string>;
  let teams: Record<string, string>;
  const PARALLEL = 12;

  before(async () => {
    h = await createHarness();
    second = await h.anotherApp();
    const seeded = await h.seed({
      organizations: [
        {
          slug: 'acme',
          name: 'Acme',
          settings: { openMembership: false },
          teams: [{ slug: 'backend' }],
          members: [
            { email: 'owner@example.com', role: 'owner' },
            { email: 'manager@example.com', role: 'manager' },
            { email: 'joiner@example.com', role: 'member' },
            { email: 'asker@example.com', role: 'member' },
          ],
        },
      ],
    });
    tokens = Object.fromEntries(Object.entries(seeded.users).map(([email, user]) => [email, user.token]));
    ids = seeded.organizations.acme!.members;
    teams = seeded.organizations.acme!.teams;
  });
  after(() => h.close());

  const post = (index: number, token: string, url: string) =>
    index % 2 === 0
      ? h.request(token, 'POST', url)
      : second.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` } }).then((r) => ({ status: r.statusCode, body: r.body }));

  it('decisions fix 11: concurrent joins of one member to one team: exactly one 201, the others 204, one row, one audit entry', async () => {
    const url = `/api/0/organizations/acme/members/${ids['joiner@example.com']}/teams/backend/`;
    const responses = await Promise.all(Array.from({ length: PARALLEL }, (_, i) => post(i, tokens['owner@example.com']!, url)));
    const statuses = responses.map((response) => response.status).sort();
    assert.deepEqual(statuses, [201, ...Array(PARALLEL - 1).fill(204)]);
    const rows = await h.database.db.selectFrom('member_teams').select('id').where('member_id', '=', ids['joiner@example.com']!).where('team_id', '=', teams.backend!).execute();
    assert.equal(rows.length, 1);
    const audits = await h.database.db.selectFrom('audit_log_entries').select('id').where('event', '=', 6).where('target_object', '=', rows[0]!.id).execute();
    assert.equal(audits.length, 1);
  });

  it('§11 concurrent access requests: all 202, one request row, one batch of emails', async () => {
    const url = '/api/0/organizations/acme/members/me/teams/backend/';
    const responses = await Promise.all(Array.from({ length: PARALLEL }, (_, i) => post(i, tokens['asker@example.com']!, url)));
    assert.deepEqual(responses.map((response) => response.status), Array(PARALLEL).fill(202));
    const rows = await h.database.db.selectFrom('team_access_requests').select('id').where('member_id', '=', ids['asker@example.com']!).execute();
    assert.equal(rows.length, 1);
    const emails = await h.database.db.selectFrom('email_outbox').select('recipient').where('type', '=', 'team.access.request').execute();
    assert.deepEqual(emails.map((email) => email.recipient).sort(), ['manager@example.com', 'owner@example.com'], 'one email per approver, once');
  });
});
