import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { createHarness, type Harness } from '../helpers/harness.js';
import { buildOrg, type BuiltOrg } from '../helpers/org-factory.js';

/**
 * Races on a real PostgreSQL server: two apps (two processes' worth of connection pools) on one
 * schema, each request in flight at once, so the transactions really interleave.
 */
describe('invite races (PostgreSQL, several connections)', () => {
  let h: Harness;
  let apps: FastifyInstance[];
  before(async () => {
    h = await createHarness();
    apps = [h.app, await h.anotherApp()];
  });
  after(() => h.close());

  /** Sends the same request `n` times at once, alternating between the two apps. */
  async function concurrently(n: number, token: string | null, method: 'POST' | 'GET', url: string, body?: unknown) {
    const responses = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        apps[i % apps.length]!.inject({
          method,
          url,
          headers: token ? { authorization: `Bearer ${token}` } : {},
          ...(body === undefined ? {} : { payload: body as object }),
        }),
      ),
    );
    return responses.map((response) => ({ status: response.statusCode, body: response.body ? JSON.parse(response.body) : null }));
  }

  async function inviteLink(org: BuiltOrg, email: string) {
    const response = await h.request(org.tokens.owner!, 'POST', `/api/0/organizations/${org.slug}/members/`, { email });
    assert.equal(response.status, 201);
    const mail = await h.database.db.selectFrom('email_outbox').selectAll().where('recipient', '=', email).orderBy('id', 'desc').executeTakeFirstOrThrow();
    const [, memberId, token] = /\/accept\/(\d+)\/([0-9a-f]{64})\//.exec(mail.text_body)!;
    return { memberId: memberId!, url: `/api/0/accept-invite/${memberId}/${token}/` };
  }

  for (const rateLimits of [true, false]) {
    it(`decisions 11 / §12 item 13: concurrent invites of one address make one member and 400s, never a 500 (rate limits ${rateLimits ? 'on' : 'off'})`, async () => {
      const org = await buildOrg(h, { features: { 'invite-members-rate-limits': rateLimits } });
      for (let round = 0; round < 5; round++) {
        const email = `race-${round}@example.com`;
        const responses = await concurrently(8, org.tokens.owner!, 'POST', `/api/0/organizations/${org.slug}/members/`, { email });
        const statuses = responses.map((response) => response.status).sort();
        assert.deepEqual(statuses, [201, 400, 400, 400, 400, 400, 400, 400], JSON.stringify(responses));
        for (const response of responses.filter((r) => r.status === 400)) {
          assert.deepEqual(response.body, { email: [`The user ${email} has already been invited`] });
        }
        const rows = await h.database.db.selectFrom('members').select('id').where('organization_id', '=', org.id).where('email', '=', email).execute();
        assert.equal(rows.length, 1);
        const emails = await h.database.db.selectFrom('email_outbox').select('id').where('organization_id', '=', org.id).where('recipient', '=', email).execute();
        assert.equal(emails.length, 1, 'only the winning invite queued an email');
      }
    });
  }

  it('decisions 9: concurrent accepts of one invite: exactly one 204, one account, one audit entry', async () => {
    const org = await buildOrg(h);
    for (let round = 0; round < 5; round++) {
      const email = `accept-race-${round}@example.com`;
      const link = await inviteLink(org, email);
      const responses = await concurrently(6, null, 'POST', link.url);
      assert.deepEqual(responses.map((r) => r.status).sort(), [204, 400, 400, 400, 400, 400], JSON.stringify(responses));
      for (const response of responses.filter((r) => r.status === 400)) assert.deepEqual(response.body, { details: 'Invalid invite code' });
      const users = await h.database.db.selectFrom('users').select('id').where('email', '=', email).execute();
      assert.equal(users.length, 1);
      const member = await h.database.db.selectFrom('members').selectAll().where('organization_id', '=', org.id).where('id', '=', link.memberId).executeTakeFirstOrThrow();
      assert.equal(member.user_id, users[0]!.id);
      const accepted = await h.database.db
        .selectFrom('audit_log_entries')
        .select('id')
        .where('organization_id', '=', org.id)
        .where('event', '=', 3)
        .where('target_object', '=', link.memberId)
        .execute();
      assert.equal(accepted.length, 1);
    }
  });

  it('decisions 9: two invites of one new address in two organizations, accepted at once without credentials: one account, one 400', async () => {
    for (let round = 0; round < 5; round++) {
      const email = `two-orgs-${round}@example.com`;
      const first = await buildOrg(h);
      const second = await buildOrg(h);
      const links = [await inviteLink(first, email), await inviteLink(second, email)];
      const responses = await Promise.all(links.map((link, i) => apps[i]!.inject({ method: 'POST', url: link.url })));
      const outcomes = responses.map((response) => [response.statusCode, response.body]).sort();
      // Either the second sees the account the first made (it must sign in), or both ran before it existed
      // and the unique address decided: in both cases one 204 and Sentry's "unable to accept".
      assert.deepEqual(outcomes, [[204, ''], [400, JSON.stringify({ details: 'unable to accept organization invite' })]]);
      const users = await h.database.db.selectFrom('users').select('id').where('email', '=', email).execute();
      assert.equal(users.length, 1);
    }
  });

  it('concurrent accepts by the signed-in owner of the address: exactly one 204', async () => {
    const org = await buildOrg(h);
    const home = await buildOrg(h);
    const link = await inviteLink(org, home.emailOf('owner'));
    const responses = await concurrently(6, home.tokens.owner!, 'POST', link.url);
    assert.deepEqual(responses.map((r) => r.status).sort(), [204, 400, 400, 400, 400, 400]);
    const rows = await h.database.db.selectFrom('members').select('id').where('organization_id', '=', org.id).where('user_id', '=', home.userIds.owner!).execute();
    assert.equal(rows.length, 1);
  });
});
