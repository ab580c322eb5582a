import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type MailHarness } from '../helpers/harness.js';
import { assertMatchesOpenApi } from '../helpers/openapi.js';

const MEMBER_LIST = '/api/0/organizations/{organization_id_or_slug}/members/';
const TEAM_LIST = '/api/0/organizations/{organization_id_or_slug}/teams/';

describe('team access requests', () => {
  let h: MailHarness;
  let tokens: Record<string, string>;
  let ids: Record<string, string>;
  let teams: Record<string, string>;

  before(async () => {
    h = await createHarness({ mail: true });
    const seeded = await h.seed({
      users: [
        { email: 'owner@example.com', name: 'Olive' },
        { email: 'lead@example.com', name: 'Lee' },
        { email: 'member@example.com', name: 'Mel' },
        { email: 'asker@example.com', name: 'Ash' },
        { email: 'pal@example.com', name: 'Pal' },
      ],
      organizations: [
        {
          slug: 'acme',
          name: 'Acme',
          settings: { openMembership: false },
          teams: [{ slug: 'backend', name: 'Backend' }, { slug: 'frontend', name: 'Frontend' }],
          members: [
            { email: 'owner@example.com', role: 'owner' },
            { email: 'lead@example.com', role: 'member', teams: [{ slug: 'backend', role: 'admin' }] },
            { email: 'member@example.com', role: 'member', teams: [{ slug: 'backend' }] },
            { email: 'asker@example.com', role: 'member' },
            { email: 'pal@example.com', role: 'member' },
          ],
        },
        { slug: 'globex', name: 'Globex', members: [{ email: 'owner@example.com', role: 'owner' }] },
      ],
      tokens: [{ user: 'owner@example.com', scopes: ['org:read'] }],
    });
    tokens = Object.fromEntries(Object.entries(seeded.users).map(([email, user]) => [email, user.token]));
    tokens.ownerOrgRead = seeded.tokens[0]!;
    ids = seeded.organizations.acme!.members;
    teams = seeded.organizations.acme!.teams;
    h.mailWorker().start();
    // Ash asks for backend and frontend; Mel asks for Pal to join backend.
    assert.equal((await h.request(tokens['asker@example.com']!, 'POST', '/api/0/organizations/acme/members/me/teams/backend/')).status, 202);
    assert.equal((await h.request(tokens['asker@example.com']!, 'POST', '/api/0/organizations/acme/members/me/teams/frontend/')).status, 202);
    assert.equal((await h.request(tokens['member@example.com']!, 'POST', `/api/0/organizations/acme/members/${ids['pal@example.com']}/teams/backend/`)).status, 202);
  });
  after(async () => {
    await h.close();
  });

  const as = (email: string) => tokens[email]!;
  const list = (email: string) => h.request(as(email), 'GET', '/api/0/organizations/acme/access-requests/');
  const requestId = async (member: string, team: string) =>
    (await h.database.db.selectFrom('team_access_requests').select('id').where('member_id', '=', ids[member]!).where('team_id', '=', teams[team]!).executeTakeFirstOrThrow()).id;

  it('§8.4 the request email reaches the approvers over SMTP, with a text and an HTML part', async () => {
    const messages = await h.smtp.waitFor((all) => all.filter((m) => m.subject === '[Roster] Team access request').length >= 5);
    const forBackend = messages.filter((m) => m.text?.includes('Backend team'));
    const recipients = forBackend.map((m) => (Array.isArray(m.to) ? m.to[0] : m.to)!.text).sort();
    // Two backend requests (Ash's, and Pal's asked by Mel), each to the owner and the team admin by team role.
    assert.deepEqual(recipients, ['lead@example.com', 'lead@example.com', 'owner@example.com', 'owner@example.com']);
    const frontend = messages.filter((m) => m.text?.includes('Frontend team'));
    assert.deepEqual(frontend.map((m) => (Array.isArray(m.to) ? m.to[0] : m.to)!.text), ['owner@example.com'], 'frontend has no admin: the owner only');
    const palRequest = forBackend.find((m) => m.text?.includes('pal@example.com'))!;
    assert.match(palRequest.text!, /Pal \(pal@example\.com\) is requesting access to the Backend team in Acme\./);
    assert.match(palRequest.text!, /The request was made by Mel\./);
    assert.match(String(palRequest.html), /href="http:\/\/roster\.test\/settings\/acme\/teams\/"/);
    const ashRequest = forBackend.find((m) => m.text?.includes('asker@example.com'))!;
    assert.doesNotMatch(ashRequest.text!, /made by/, 'asked for oneself: no requester line');
  });

  it('GET lists every open request for org:write holders, with team, member (Member object) and requester', async () => {
    const response = await list('owner@example.com');
    assert.equal(response.status, 200);
    assert.equal(response.body.length, 3);
    const pal = response.body.find((r: { member: { email: string } }) => r.member.email === 'pal@example.com');
    assert.equal(pal!.team.slug, 'backend');
    assert.equal(pal!.requester!.email, 'member@example.com');
    assertMatchesOpenApi('get', MEMBER_LIST, 200, response.body.map((r: { member: unknown }) => r.member));
    assertMatchesOpenApi('get', TEAM_LIST, 200, response.body.map((r: { team: unknown }) => r.team));
    const ash = response.body.find((r: { member: { email: string }; team: { slug: string } }) => r.member.email === 'asker@example.com' && r.team.slug === 'backend');
    assert.equal(ash!.requester, null);
  });

  it('decisions fix 12: a team admin by team role sees its team\'s requests only; a plain member sees none', async () => {
    const lead = await list('lead@example.com');
    assert.deepEqual(lead.body.map((r: { team: { slug: string } }) => r.team.slug), ['backend', 'backend']);
    const member = await list('member@example.com');
    assert.deepEqual(member.body, []);
  });

  it('the organization counts its pending access requests', async () => {
    const org = await h.request(as('owner@example.com'), 'GET', '/api/0/organizations/acme/');
    assert.equal(org.body.pendingAccessRequests, 3);
  });

  it('PUT needs the approver right: a plain member is refused (403), an org:read token too', async () => {
    const id = await requestId('asker@example.com', 'backend');
    const member = await h.request(as('member@example.com'), 'PUT', `/api/0/organizations/acme/access-requests/${id}/`, { isApproved: true });
    assert.equal(member.status, 403);
    const token = await h.request(tokens.ownerOrgRead!, 'PUT', `/api/0/organizations/acme/access-requests/${id}/`, { isApproved: true });
    assert.equal(token.status, 403);
    const lead = await h.request(as('lead@example.com'), 'PUT', `/api/0/organizations/acme/access-requests/${await requestId('asker@example.com', 'frontend')}/`, { isApproved: true });
    assert.equal(lead.status, 403, 'a team admin answers only for its own team');
  });

  it('§8.5 approval by a team admin: 204, the member joins (member.join-team), the request closes, the member is emailed', async () => {
    const id = await requestId('asker@example.com', 'backend');
    const response = await h.request(as('lead@example.com'), 'PUT', `/api/0/organizations/acme/access-requests/${id}/`, { isApproved: true });
    assert.equal(response.status, 204);
    const membership = await h.database.db.selectFrom('member_teams').selectAll().where('member_id', '=', ids['asker@example.com']!).where('team_id', '=', teams.backend!).executeTakeFirst();
    assert.ok(membership);
    const audit = await h.database.db.selectFrom('audit_log_entries').selectAll().where('event', '=', 6).orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual(audit.data, { team_slug: 'backend', member_id: ids['asker@example.com'], email: 'asker@example.com', is_active: true });
    assert.equal(audit.target_object, membership.id);
    const gone = await h.database.db.selectFrom('team_access_requests').select('id').where('id', '=', id).executeTakeFirst();
    assert.equal(gone, undefined);
    await h.smtp.waitFor((all) => all.some((m) => m.text?.includes('has been approved')));
    const mail = h.smtp.messages.find((m) => m.text?.includes('has been approved'))!;
    assert.equal(mail.subject, '[Roster] Team access request');
    assert.equal((Array.isArray(mail.to) ? mail.to[0] : mail.to)!.text, 'asker@example.com');
    assert.match(mail.text!, /Your request to join the Backend team in Acme has been approved\./);
    assert.match(String(mail.html), /Backend team in Acme/);
  });

  it('denial closes the request without adding the member', async () => {
    const id = await requestId('pal@example.com', 'backend');
    const response = await h.request(as('owner@example.com'), 'PUT', `/api/0/organizations/acme/access-requests/${id}/`, { isApproved: false });
    assert.equal(response.status, 204);
    const membership = await h.database.db.selectFrom('member_teams').select('id').where('member_id', '=', ids['pal@example.com']!).executeTakeFirst();
    assert.equal(membership, undefined);
    assert.equal((await list('owner@example.com')).body.length, 1);
  });

  it('unknown, answered or other organizations\' requests are 404; a missing isApproved is a 400', async () => {
    const id = await requestId('asker@example.com', 'frontend');
    assert.equal((await h.request(as('owner@example.com'), 'PUT', '/api/0/organizations/acme/access-requests/999999/', { isApproved: true })).status, 404);
    assert.equal((await h.request(as('owner@example.com'), 'PUT', `/api/0/organizations/globex/access-requests/${id}/`, { isApproved: true })).status, 404);
    const missing = await h.request(as('owner@example.com'), 'PUT', `/api/0/organizations/acme/access-requests/${id}/`, {});
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.body, { isApproved: ['This field is required.'] });
  });

  it('a request answered by the member joining another way is no longer listed', async () => {
    await h.database.db
      .insertInto('member_teams')
      .values({ organization_id: (await h.database.db.selectFrom('organizations').select('id').where('slug', '=', 'acme').executeTakeFirstOrThrow()).id, member_id: ids['asker@example.com']!, team_id: teams.frontend!, role: null })
      .execute();
    assert.deepEqual((await list('owner@example.com')).body, []);
  });
});
