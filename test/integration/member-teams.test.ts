import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.js';
import { assertMatchesOpenApi } from '../helpers/openapi.js';

const PATH = '/api/0/organizations/{organization_id_or_slug}/members/{member_id}/teams/{team_id_or_slug}/';
const EDIT_DENIED = { detail: "You do not have permission to edit that user's membership." };
const IDP = { detail: "This team is managed through your organization's identity provider." };

describe('member ↔ team', () => {
  let h: Harness;
  let tokens: Record<string, string>;
  let ids: Record<string, string>;
  let teams: Record<string, string>;
  let otherTeamId: string;

  before(async () => {
    h = await createHarness();
    const seeded = await h.seed({
      users: [
        { email: 'owner@example.com', name: 'Olive' },
        { email: 'manager@example.com', name: 'Manny' },
        { email: 'admin@example.com', name: 'Ada' },
        { email: 'lead@example.com', name: 'Lee' },
        { email: 'member@example.com', name: 'Mel' },
        { email: 'other@example.com', name: 'Otto' },
        { email: 'billing@example.com' },
        { email: 'requester@example.com' },
        { email: 'root@example.com', superuser: true },
      ],
      organizations: [
        {
          slug: 'acme',
          name: 'Acme',
          settings: { openMembership: false },
          teams: [{ slug: 'backend', name: 'Backend' }, { slug: 'frontend', name: 'Frontend' }, { slug: 'infra', idpProvisioned: true }, { slug: 'gone' }],
          members: [
            { email: 'owner@example.com', role: 'owner' },
            { email: 'manager@example.com', role: 'manager' },
            { email: 'admin@example.com', role: 'admin', teams: [{ slug: 'backend' }] },
            { email: 'lead@example.com', role: 'member', teams: [{ slug: 'backend', role: 'admin' }, { slug: 'infra' }] },
            { email: 'member@example.com', role: 'member', teams: [{ slug: 'frontend' }] },
            { email: 'other@example.com', role: 'member', teams: [{ slug: 'frontend' }] },
            { email: 'billing@example.com', role: 'billing' },
            { email: 'requester@example.com', role: 'member' },
            { email: 'invited@example.com', role: 'member', pending: true },
          ],
        },
        { slug: 'globex', name: 'Globex', teams: [{ slug: 'backend' }], members: [{ email: 'owner@example.com', role: 'owner' }] },
      ],
      tokens: [{ user: 'member@example.com', scopes: ['org:read'] }],
    });
    tokens = Object.fromEntries(Object.entries(seeded.users).map(([email, user]) => [email, user.token]));
    tokens.memberOrgRead = seeded.tokens[0]!;
    ids = seeded.organizations.acme!.members;
    teams = seeded.organizations.acme!.teams;
    otherTeamId = seeded.organizations.globex!.teams.backend!;
    await h.database.db.updateTable('teams').set({ status: 1 }).where('id', '=', teams.gone!).execute();
  });
  after(() => h.close());

  const as = (email: string) => tokens[email]!;
  const url = (member: string, team: string) => `/api/0/organizations/acme/members/${ids[member] ?? member}/teams/${team}/` as const;
  const membership = (member: string, team: string) =>
    h.database.db.selectFrom('member_teams').selectAll().where('member_id', '=', ids[member]!).where('team_id', '=', teams[team]!).executeTakeFirst();
  const lastAudit = (event: number) =>
    h.database.db.selectFrom('audit_log_entries').selectAll().where('event', '=', event).orderBy('id', 'desc').executeTakeFirst();
  const outbox = (type: string) =>
    h.database.db.selectFrom('email_outbox').selectAll().where('type', '=', type).orderBy('id').execute();

  describe('POST', () => {
    it('§5.6 201: a manager adds a member; the Team object answers; member.join-team audited; validated against the OpenAPI file', async () => {
      const response = await h.request(as('manager@example.com'), 'POST', url('member@example.com', 'backend'));
      assert.equal(response.status, 201);
      assertMatchesOpenApi('post', PATH, 201, response.body);
      assert.equal(response.body.slug, 'backend');
      assert.equal(response.body.isMember, false, 'the Team object is seen by the requester, who is not on the team');
      const row = await membership('member@example.com', 'backend');
      assert.ok(row);
      assert.equal(row.role, null);
      const audit = await lastAudit(6);
      assert.deepEqual(audit!.data, { team_slug: 'backend', member_id: ids['member@example.com'], email: 'member@example.com', is_active: true });
      assert.equal(audit!.target_object, row.id);
      assert.equal(audit!.target_user_id, await userId('member@example.com'));
    });

    it('§5.6 204 when the member is already on the team (no second row, no audit)', async () => {
      const before = await countAudit(6);
      const response = await h.request(as('manager@example.com'), 'POST', url('member@example.com', 'backend'));
      assert.equal(response.status, 204);
      assert.equal(response.body, '');
      assert.equal(await countAudit(6), before);
    });

    it('§5.6 a team admin (admin role on the team, or team admin by team role) adds any member, whatever its org role', async () => {
      const byAdmin = await h.request(as('admin@example.com'), 'POST', url('owner@example.com', 'backend'));
      assert.equal(byAdmin.status, 201);
      const byLead = await h.request(as('lead@example.com'), 'POST', url('other@example.com', 'backend'));
      assert.equal(byLead.status, 201);
    });

    it('§5.6 step 2: a role without team roles is a 403', async () => {
      const response = await h.request(as('owner@example.com'), 'POST', url('billing@example.com', 'backend'));
      assert.equal(response.status, 403);
      assert.deepEqual(response.body, { detail: "The user with a 'billing' role cannot have team-level permissions." });
    });

    it('§5.6 step 4: an IdP-provisioned team is a 403', async () => {
      const response = await h.request(as('owner@example.com'), 'POST', url('member@example.com', 'infra'));
      assert.equal(response.status, 403);
      assert.deepEqual(response.body, IDP);
    });

    it('§5.6 step 5 / §8.4: a member asking for a teammate gets 202; everyone who can approve is emailed, team admins by team role included', async () => {
      const asked = await h.request(tokens.memberOrgRead!, 'POST', url('requester@example.com', 'backend'));
      assert.equal(asked.status, 202);
      assert.equal(asked.body, '');
      const request = await h.database.db.selectFrom('team_access_requests').selectAll().where('member_id', '=', ids['requester@example.com']!).executeTakeFirstOrThrow();
      assert.equal(request.team_id, teams.backend);
      assert.equal(request.requester_id, await userId('member@example.com'), 'asked on someone else\'s behalf: the requester is kept');
      assert.equal(await membership('requester@example.com', 'backend'), undefined);
      const emails = await outbox('team.access.request');
      assert.deepEqual(
        emails.map((email) => email.recipient).sort(),
        ['admin@example.com', 'lead@example.com', 'manager@example.com', 'owner@example.com'],
        'managers and owners, the admin on the team, and the team admin by team role; not the other members',
      );
      const email = emails[0]!;
      assert.equal(email.subject, '[Roster] Team access request');
      assert.match(email.text_body, /requester@example\.com .*is requesting access to the Backend team in Acme\./);
      assert.match(email.text_body, /made by Mel/);
      assert.match(email.text_body, /http:\/\/roster\.test\/settings\/acme\/teams\//);
      assert.match(email.html_body, /Backend team in Acme/);
    });

    it('§5.6 step 5: asking again is a 202 with no second request and no new email', async () => {
      const before = (await outbox('team.access.request')).length;
      const again = await h.request(as('requester@example.com'), 'POST', url('me', 'backend'));
      assert.equal(again.status, 202);
      const rows = await h.database.db.selectFrom('team_access_requests').selectAll().where('member_id', '=', ids['requester@example.com']!).execute();
      assert.equal(rows.length, 1);
      assert.equal((await outbox('team.access.request')).length, before);
    });

    it('§5.6 step 5: asking for yourself leaves requester_id empty; the Team object then shows isPending', async () => {
      const response = await h.request(as('requester@example.com'), 'POST', url('me', 'frontend'));
      assert.equal(response.status, 202);
      const row = await h.database.db.selectFrom('team_access_requests').selectAll().where('member_id', '=', ids['requester@example.com']!).where('team_id', '=', teams.frontend!).executeTakeFirstOrThrow();
      assert.equal(row.requester_id, null);
      const list = await h.request(as('requester@example.com'), 'GET', '/api/0/organizations/acme/teams/');
      assert.equal(list.body.find((team: { slug: string }) => team.slug === 'frontend')!.isPending, true);
      assert.equal(list.body.find((team: { slug: string }) => team.slug === 'infra')!.isPending, false);
    });

    it('§5.6 step 5: with open membership any member joins directly (201)', async () => {
      await h.database.db.updateTable('organizations').set({ allow_joinleave: true }).where('slug', '=', 'acme').execute();
      try {
        const response = await h.request(as('other@example.com'), 'POST', url('me', 'backend'));
        assert.equal(response.status, 204, 'other joined backend through the team admin earlier');
        const joined = await h.request(as('requester@example.com'), 'POST', url('me', 'frontend'));
        assert.equal(joined.status, 201);
        assert.equal(joined.body.isMember, true);
        assert.equal(joined.body.isPending, false, 'joining answers the open request');
      } finally {
        await h.database.db.updateTable('organizations').set({ allow_joinleave: false }).where('slug', '=', 'acme').execute();
      }
    });

    it('decisions fix 7: invite and join requests, pending-deletion teams, other organizations\' teams are 404', async () => {
      const [request] = await h.database.db
        .insertInto('members')
        .values({ organization_id: (await orgId()), email: 'asks@example.com', role: 'member', invite_status: 1 })
        .returning('id')
        .execute();
      for (const [method, target] of [
        ['POST', url(request!.id, 'backend')],
        ['PUT', url(request!.id, 'backend')],
        ['DELETE', url(request!.id, 'backend')],
        ['GET', url(request!.id, 'backend')],
        ['POST', url('member@example.com', 'gone')],
        ['PUT', url('member@example.com', 'gone')],
        ['DELETE', url('member@example.com', 'gone')],
        ['POST', url('member@example.com', otherTeamId)],
        ['POST', url('member@example.com', 'nothing')],
      ] as const) {
        const response = await h.request(as('owner@example.com'), method, target, method === 'PUT' ? { teamRole: 'admin' } : undefined);
        assert.equal(response.status, 404, `${method} ${target}`);
      }
    });

    it('§5.6 permission: a token without org:read, org:write or team:write is refused', async () => {
      const [token] = (await h.seed({ tokens: [{ user: 'owner@example.com', scopes: ['member:read'] }] })).tokens;
      assert.equal((await h.request(token!, 'POST', url('member@example.com', 'frontend'))).status, 403);
    });
  });

  describe('GET and PUT', () => {
    it('GET answers {isActive, teamRole} with the raw role; 404 when the member is not on the team', async () => {
      const lead = await h.request(as('owner@example.com'), 'GET', url('lead@example.com', 'backend'));
      assert.equal(lead.status, 200);
      assert.deepEqual(lead.body, { isActive: true, teamRole: 'admin' });
      const byId = await h.request(as('owner@example.com'), 'GET', url('lead@example.com', teams.backend!));
      assert.deepEqual(byId.body, { isActive: true, teamRole: 'admin' });
      assert.equal((await h.request(as('owner@example.com'), 'GET', url('lead@example.com', 'frontend'))).status, 404);
    });

    it('§5.6 PUT sets a team role above the minimum; member.edit audited; validated against the OpenAPI file', async () => {
      const response = await h.request(as('manager@example.com'), 'PUT', url('member@example.com', 'frontend'), { teamRole: 'admin', isActive: false });
      assert.equal(response.status, 200);
      assertMatchesOpenApi('put', PATH, 200, response.body);
      assert.deepEqual(response.body, { isActive: true, teamRole: 'admin' }, 'isActive is accepted and ignored');
      assert.equal((await membership('member@example.com', 'frontend'))!.role, 'admin');
      const audit = await lastAudit(4);
      assert.deepEqual(audit!.data, { email: 'member@example.com', role: 'member', team_slug: 'frontend', team_role: 'admin' });
    });

    it('§5.6 PUT stores null for a role at or below the member\'s minimum', async () => {
      const response = await h.request(as('owner@example.com'), 'PUT', url('admin@example.com', 'backend'), { teamRole: 'admin' });
      assert.equal(response.status, 200);
      assert.deepEqual(response.body, { isActive: true, teamRole: null });
      const contributor = await h.request(as('owner@example.com'), 'PUT', url('member@example.com', 'frontend'), { teamRole: 'contributor' });
      assert.deepEqual(contributor.body, { isActive: true, teamRole: null });
    });

    it('§5.6 PUT: the requester must be allowed to set both the old and the new role', async () => {
      // Otto and Mel are contributors on frontend; a contributor may set contributor, never admin.
      const promote = await h.request(as('member@example.com'), 'PUT', url('other@example.com', 'frontend'), { teamRole: 'admin' });
      assert.equal(promote.status, 400);
      assert.deepEqual(promote.body, EDIT_DENIED);
      await h.request(as('owner@example.com'), 'PUT', url('other@example.com', 'frontend'), { teamRole: 'admin' });
      const demote = await h.request(as('member@example.com'), 'PUT', url('other@example.com', 'frontend'), { teamRole: 'contributor' });
      assert.equal(demote.status, 400, 'a contributor cannot take team admin away');
      assert.equal((await membership('other@example.com', 'frontend'))!.role, 'admin');
      const teamAdmin = await h.request(as('other@example.com'), 'PUT', url('member@example.com', 'frontend'), { teamRole: 'admin' });
      assert.equal(teamAdmin.status, 200, 'a team admin by team role may set team roles on its team');
    });

    it('§5.6 PUT: an unknown role is a 400 choice error; a member not on the team is a 404', async () => {
      const invalid = await h.request(as('owner@example.com'), 'PUT', url('member@example.com', 'frontend'), { teamRole: 'boss' });
      assert.equal(invalid.status, 400);
      assert.deepEqual(invalid.body, { teamRole: ['"boss" is not a valid choice.'] });
      const missing = await h.request(as('owner@example.com'), 'PUT', url('manager@example.com', 'frontend'), { teamRole: 'admin' });
      assert.equal(missing.status, 404);
    });

    it('§5.6 PUT: with team roles off, teamRole is silently ignored', async () => {
      await h.database.db.updateTable('organizations').set({ features: JSON.stringify({ 'team-roles': false }) }).where('slug', '=', 'acme').execute();
      try {
        const response = await h.request(as('owner@example.com'), 'PUT', url('lead@example.com', 'backend'), { teamRole: 'contributor' });
        assert.equal(response.status, 200);
        assert.deepEqual(response.body, { isActive: true, teamRole: 'admin' });
      } finally {
        await h.database.db.updateTable('organizations').set({ features: JSON.stringify({}) }).where('slug', '=', 'acme').execute();
      }
    });
  });

  describe('DELETE', () => {
    it('§5.6 a member leaves a team itself: 200 with the Team object as it now sees it; member.leave-team audited', async () => {
      const before = await membership('requester@example.com', 'frontend');
      const response = await h.request(as('requester@example.com'), 'DELETE', url('me', 'frontend'));
      assert.equal(response.status, 200);
      assertMatchesOpenApi('delete', PATH, 200, response.body);
      assert.equal(response.body.isMember, false);
      assert.equal(await membership('requester@example.com', 'frontend'), undefined);
      const audit = await lastAudit(7);
      assert.equal(audit!.target_object, before!.id);
      assert.deepEqual(audit!.data, { team_slug: 'frontend', member_id: ids['requester@example.com'], email: 'requester@example.com', is_active: true });
    });

    it('§5.6 a member may not remove someone else (400); a manager may, without being on the team', async () => {
      const refused = await h.request(as('member@example.com'), 'DELETE', url('other@example.com', 'backend'));
      assert.equal(refused.status, 400);
      assert.deepEqual(refused.body, EDIT_DENIED);
      const byManager = await h.request(as('manager@example.com'), 'DELETE', url('other@example.com', 'backend'));
      assert.equal(byManager.status, 200);
    });

    it('decisions Clarifications: a team admin removes any member of its team, an owner included', async () => {
      const response = await h.request(as('lead@example.com'), 'DELETE', url('owner@example.com', 'backend'));
      assert.equal(response.status, 200);
      assert.equal(await membership('owner@example.com', 'backend'), undefined);
    });

    it('§5.6 an IdP-provisioned team is a 403; not being on the team is still a 200 with no audit entry', async () => {
      const idp = await h.request(as('owner@example.com'), 'DELETE', url('lead@example.com', 'infra'));
      assert.equal(idp.status, 403);
      assert.deepEqual(idp.body, IDP);
      const before = await countAudit(7);
      const absent = await h.request(as('owner@example.com'), 'DELETE', url('manager@example.com', 'backend'));
      assert.equal(absent.status, 200);
      assert.equal(await countAudit(7), before);
    });

    it('§5.6 a superuser may remove anyone', async () => {
      const response = await h.request(as('root@example.com'), 'DELETE', url('admin@example.com', 'backend'));
      assert.equal(response.status, 200);
    });
  });

  async function userId(email: string) {
    return (await h.database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  }
  async function orgId() {
    return (await h.database.db.selectFrom('organizations').select('id').where('slug', '=', 'acme').executeTakeFirstOrThrow()).id;
  }
  async function countAudit(event: number) {
    const rows = await h.database.db.selectFrom('audit_log_entries').select('id').where('event', '=', event).execute();
    return rows.length;
  }
});
