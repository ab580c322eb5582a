import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.js';
import { assertMatchesOpenApi } from '../helpers/openapi.js';

const LIST = '/api/0/organizations/{organization_id_or_slug}/teams/';
const DETAIL = '/api/0/teams/{organization_id_or_slug}/{team_id_or_slug}/';
const MEMBERS = '/api/0/teams/{organization_id_or_slug}/{team_id_or_slug}/members/';
const SLUG_MESSAGE = 'Enter a valid slug consisting of lowercase letters, numbers, underscores or hyphens. It cannot be entirely numeric.';

describe('teams', () => {
  let h: Harness;
  let tokens: Record<string, string>;
  let teamIds: Record<string, string>;
  let memberIds: Record<string, string>;
  let otherOrgTeamId: string;

  before(async () => {
    h = await createHarness();
    const seeded = await h.seed({
      users: [
        { email: 'owner@example.com', name: 'Olive' },
        { email: 'manager@example.com' },
        { email: 'admin@example.com' },
        { email: 'member@example.com', name: 'Mel' },
        { email: 'lead@example.com', name: 'Lee' },
        { email: 'root@example.com', superuser: true },
        { email: 'inactive@example.com' },
      ],
      organizations: [
        {
          slug: 'acme',
          name: 'Acme',
          settings: { openMembership: false },
          teams: [{ slug: 'backend', name: 'Backend' }, { slug: 'frontend', name: 'Frontend' }, { slug: 'infra', name: 'Infra', idpProvisioned: true }, { slug: 'zeta' }],
          members: [
            { email: 'owner@example.com', role: 'owner', teams: [{ slug: 'backend' }] },
            { email: 'manager@example.com', role: 'manager' },
            { email: 'admin@example.com', role: 'admin', teams: [{ slug: 'frontend' }] },
            { email: 'member@example.com', role: 'member', teams: [{ slug: 'backend' }] },
            { email: 'lead@example.com', role: 'member', teams: [{ slug: 'frontend', role: 'admin' }, { slug: 'infra' }] },
            { email: 'inactive@example.com', role: 'member', teams: [{ slug: 'backend' }] },
            { email: 'invited@example.com', role: 'member', pending: true, teams: [{ slug: 'frontend' }] },
          ],
        },
        { slug: 'globex', name: 'Globex', teams: [{ slug: 'backend' }], members: [{ email: 'owner@example.com', role: 'owner' }] },
      ],
      tokens: [{ user: 'owner@example.com', scopes: ['org:read'] }],
    });
    tokens = Object.fromEntries(Object.entries(seeded.users).map(([email, user]) => [email, user.token]));
    tokens.ownerOrgRead = seeded.tokens[0]!;
    teamIds = seeded.organizations.acme!.teams;
    memberIds = seeded.organizations.acme!.members;
    otherOrgTeamId = seeded.organizations.globex!.teams.backend!;
    await h.database.db.updateTable('members').set({ user_is_active: false }).where('id', '=', memberIds['inactive@example.com']!).execute();
  });
  after(() => h.close());

  const as = (email: string) => tokens[email]!;
  const slugs = (body: Array<{ slug: string }>) => body.map((team) => team.slug);
  const auditEvents = async (event: number) =>
    h.database.db.selectFrom('audit_log_entries').selectAll().where('event', '=', event).orderBy('id').execute();

  describe('GET /organizations/{org}/teams/', () => {
    it('§6.5 lists active teams by slug as Team objects for the requester, validated against the OpenAPI file', async () => {
      const response = await h.request(as('member@example.com'), 'GET', '/api/0/organizations/acme/teams/');
      assert.equal(response.status, 200);
      assertMatchesOpenApi('get', LIST, 200, response.body);
      assert.deepEqual(slugs(response.body), ['backend', 'frontend', 'infra', 'zeta']);
      const [backend, frontend, infra] = response.body;
      assert.equal(backend!.isMember, true);
      assert.equal(backend!.teamRole, 'contributor');
      assert.equal(backend!.hasAccess, true);
      assert.ok(backend!.access.includes('team:read') && !backend!.access.includes('team:write'));
      // owner and member; the inactive user's membership does not count.
      assert.equal(backend!.memberCount, 2);
      assert.deepEqual(backend!.avatar, { avatarType: 'letter_avatar', avatarUuid: null });
      assert.equal(frontend!.isMember, false);
      assert.equal(frontend!.teamRole, null);
      assert.equal(frontend!.hasAccess, false, 'closed membership and a non-global role: no access to other teams');
      assert.deepEqual(frontend!.access, []);
      // admin, lead and the approved pending invite.
      assert.equal(frontend!.memberCount, 3);
      assert.deepEqual(infra!.flags, { 'idp:provisioned': true });
    });

    it('§6.5 the effective team role: raised to the org role minimum; a stored team admin role shows', async () => {
      const asOwner = await h.request(as('owner@example.com'), 'GET', '/api/0/organizations/acme/teams/');
      const backend = asOwner.body.find((team: { slug: string }) => team.slug === 'backend');
      assert.equal(backend!.teamRole, 'admin');
      assert.ok(backend!.access.includes('team:admin'));
      const zeta = asOwner.body.find((team: { slug: string }) => team.slug === 'zeta');
      assert.equal(zeta!.hasAccess, true, 'owners are global: access to every team');
      assert.equal(zeta!.isMember, false);
      assert.equal(zeta!.teamRole, null);
      assert.ok(zeta!.access.includes('team:admin'));
      const asLead = await h.request(as('lead@example.com'), 'GET', '/api/0/organizations/acme/teams/');
      assert.equal(asLead.body.find((team: { slug: string }) => team.slug === 'frontend')!.teamRole, 'admin');
    });

    it('§4 ?team= filters by id; `myteams` is the requester\'s teams; unknown ids drop out', async () => {
      const mine = await h.request(as('lead@example.com'), 'GET', '/api/0/organizations/acme/teams/?team=myteams');
      assert.deepEqual(slugs(mine.body), ['frontend', 'infra']);
      const byId = await h.request(as('owner@example.com'), 'GET', `/api/0/organizations/acme/teams/?team=${teamIds.zeta}&team=99999999&team=${otherOrgTeamId}`);
      assert.equal(byId.status, 200);
      assert.deepEqual(slugs(byId.body), ['zeta']);
      const both = await h.request(as('member@example.com'), 'GET', `/api/0/organizations/acme/teams/?team=myteams&team=${teamIds.backend}`);
      assert.deepEqual(slugs(both.body), ['backend']);
      const superuser = await h.request(as('root@example.com'), 'GET', '/api/0/organizations/acme/teams/?team=myteams');
      assert.deepEqual(slugs(superuser.body), ['backend', 'frontend', 'infra', 'zeta'], 'a superuser\'s teams are all of them');
    });

    it('§4 a non-numeric team id is a 400 "Invalid Team ID"', async () => {
      const response = await h.request(as('owner@example.com'), 'GET', '/api/0/organizations/acme/teams/?team=backend');
      assert.equal(response.status, 400);
      assert.deepEqual(response.body, { detail: 'Invalid Team ID: backend' });
    });

    it('§4 a team the requester may not access is a 403 naming it', async () => {
      const response = await h.request(as('member@example.com'), 'GET', `/api/0/organizations/acme/teams/?team=${teamIds.frontend}`);
      assert.equal(response.status, 403);
      assert.deepEqual(response.body, { detail: 'Error: You do not have permission to access Frontend' });
    });

    it('?query= matches name or slug; slug: and id: list values; a non-numeric id: is a 400', async () => {
      const text = await h.request(as('owner@example.com'), 'GET', '/api/0/organizations/acme/teams/?query=END');
      assert.deepEqual(slugs(text.body), ['backend', 'frontend']);
      const slug = await h.request(as('owner@example.com'), 'GET', `/api/0/organizations/acme/teams/?query=${encodeURIComponent('slug:zeta')}`);
      assert.deepEqual(slugs(slug.body), ['zeta']);
      const unknownKey = await h.request(as('owner@example.com'), 'GET', `/api/0/organizations/acme/teams/?query=${encodeURIComponent('color:red')}`);
      assert.deepEqual(unknownKey.body, []);
      const badId = await h.request(as('owner@example.com'), 'GET', `/api/0/organizations/acme/teams/?query=${encodeURIComponent('id:abc')}`);
      assert.equal(badId.status, 400);
      assert.deepEqual(badId.body, { detail: 'Invalid id value' });
    });

    it('§1.5 pages in slug order with a Link header, forwards and back', async () => {
      const first = await h.request(as('owner@example.com'), 'GET', '/api/0/organizations/acme/teams/?per_page=3');
      assert.deepEqual(slugs(first.body), ['backend', 'frontend', 'infra']);
      const next = /<([^>]+)>; rel="next"; results="true"/.exec(String(first.headers.link))?.[1];
      assert.ok(next, String(first.headers.link));
      const second = await h.request<typeof first.body>(as('owner@example.com'), 'GET', new URL(next).pathname + new URL(next).search);
      assert.deepEqual(slugs(second.body), ['zeta']);
      assert.match(String(second.headers.link), /rel="next"; results="false"/);
      const previous = /<([^>]+)>; rel="previous"; results="true"/.exec(String(second.headers.link))?.[1];
      assert.ok(previous);
      const back = await h.request<typeof first.body>(as('owner@example.com'), 'GET', new URL(previous).pathname + new URL(previous).search);
      assert.deepEqual(slugs(back.body), ['backend', 'frontend', 'infra']);
    });

    it('needs org:read; another organization is a 404', async () => {
      const stranger = await h.request(as('member@example.com'), 'GET', '/api/0/organizations/globex/teams/');
      assert.equal(stranger.status, 404);
    });
  });

  describe('POST /organizations/{org}/teams/', () => {
    it('§2.3 creates a team; the creator joins it as team admin; audited; validated against the OpenAPI file', async () => {
      const response = await h.request(as('admin@example.com'), 'POST', '/api/0/organizations/acme/teams/', { slug: 'mobile', name: 'Mobile Apps' });
      assert.equal(response.status, 201);
      assertMatchesOpenApi('post', LIST, 201, response.body);
      assert.equal(response.body.slug, 'mobile');
      assert.equal(response.body.name, 'Mobile Apps');
      assert.equal(response.body.isMember, true);
      assert.equal(response.body.teamRole, 'admin');
      assert.equal(response.body.memberCount, 1);
      const membership = await h.database.db.selectFrom('member_teams').selectAll().where('team_id', '=', response.body.id).executeTakeFirstOrThrow();
      assert.equal(membership.member_id, memberIds['admin@example.com']);
      assert.equal(membership.role, null, 'admin is already the minimum team role of an admin');
      const created = (await auditEvents(20)).at(-1)!;
      assert.deepEqual(created.data, { id: response.body.id, slug: 'mobile', name: 'Mobile Apps', status: 0 });
      const joined = (await auditEvents(6)).at(-1)!;
      assert.deepEqual(joined.data, { email: 'admin@example.com', team_slug: 'mobile' });
      assert.equal(joined.target_object, membership.id);
    });

    it('§2.3 without a slug it is derived from the name; a taken or all-digit one gets a random suffix', async () => {
      const derived = await h.request(as('owner@example.com'), 'POST', '/api/0/organizations/acme/teams/', { name: 'Data Science & ML' });
      assert.equal(derived.status, 201);
      assert.equal(derived.body.slug, 'data-science-ml');
      const again = await h.request(as('owner@example.com'), 'POST', '/api/0/organizations/acme/teams/', { name: 'Data Science & ML' });
      assert.equal(again.status, 201);
      assert.match(again.body.slug, /^data-science-ml-[0-9a-f]{6}$/);
      const digits = await h.request(as('owner@example.com'), 'POST', '/api/0/organizations/acme/teams/', { name: '2024' });
      assert.match(digits.body.slug, /^2024-[0-9a-f]{6}$/);
      const long = await h.request(as('owner@example.com'), 'POST', '/api/0/organizations/acme/teams/', { name: 'A very long team name that goes on and on' });
      assert.equal(long.body.slug, 'a-very-long-team-name-that-goe');
      const fromSlug = await h.request(as('owner@example.com'), 'POST', '/api/0/organizations/acme/teams/', { slug: 'only-slug' });
      assert.equal(fromSlug.body.name, 'only-slug', 'the name defaults to the slug');
    });

    it('§2.3 a taken slug is a 409 with Sentry\'s body', async () => {
      const response = await h.request(as('owner@example.com'), 'POST', '/api/0/organizations/acme/teams/', { slug: 'backend' });
      assert.equal(response.status, 409);
      assert.deepEqual(response.body, { non_field_errors: ['A team with this slug already exists.'], detail: 'A team with this slug already exists.' });
    });

    it('§2.3 slug and name rules', async () => {
      const cases: Array<[unknown, number, unknown]> = [
        [{}, 400, { non_field_errors: ['Name or slug is required'] }],
        [{ name: '  ', slug: null }, 400, { non_field_errors: ['Name or slug is required'] }],
        [{ slug: 'Has Caps' }, 400, { slug: [SLUG_MESSAGE] }],
        [{ slug: '12345' }, 400, { slug: [SLUG_MESSAGE] }],
        [{ slug: 'a'.repeat(51) }, 400, { slug: ['Ensure this field has no more than 50 characters.'] }],
        [{ name: 'n'.repeat(65) }, 400, { name: ['Ensure this field has no more than 64 characters.'] }],
      ];
      for (const [body, status, expected] of cases) {
        const response = await h.request(as('owner@example.com'), 'POST', '/api/0/organizations/acme/teams/', body);
        assert.equal(response.status, status, JSON.stringify(body));
        assert.deepEqual(response.body, expected, JSON.stringify(body));
      }
      const underscores = await h.request(as('owner@example.com'), 'POST', '/api/0/organizations/acme/teams/', { slug: 'under_score-1' });
      assert.equal(underscores.status, 201);
    });

    it('needs team:write or org:write: a member is refused, and so is an owner\'s org:read token', async () => {
      const member = await h.request(as('member@example.com'), 'POST', '/api/0/organizations/acme/teams/', { slug: 'nope' });
      assert.equal(member.status, 403);
      const token = await h.request(tokens.ownerOrgRead!, 'POST', '/api/0/organizations/acme/teams/', { slug: 'nope' });
      assert.equal(token.status, 403);
    });

    it('a superuser who is not a member creates the team without joining it', async () => {
      const response = await h.request(as('root@example.com'), 'POST', '/api/0/organizations/acme/teams/', { slug: 'root-made' });
      assert.equal(response.status, 201);
      assert.equal(response.body.isMember, false);
      assert.equal(response.body.memberCount, 0);
    });
  });

  describe('GET|PUT|DELETE /teams/{org}/{team}/', () => {
    it('GET by slug or id, with the organization unless collapsed; validated against the OpenAPI file', async () => {
      const bySlug = await h.request(as('member@example.com'), 'GET', '/api/0/teams/acme/backend/');
      assert.equal(bySlug.status, 200);
      assertMatchesOpenApi('get', DETAIL, 200, bySlug.body);
      assert.equal(bySlug.body.organization!.slug, 'acme');
      const byId = await h.request(as('member@example.com'), 'GET', `/api/0/teams/acme/${teamIds.backend}/?collapse=organization`);
      assert.equal(byId.body.slug, 'backend');
      assert.equal('organization' in byId.body, false);
    });

    it('§3.7 GET needs access to the team: a member of another team gets 403; another organization\'s team is a 404', async () => {
      assert.equal((await h.request(as('member@example.com'), 'GET', '/api/0/teams/acme/frontend/')).status, 403);
      assert.equal((await h.request(as('owner@example.com'), 'GET', `/api/0/teams/acme/${otherOrgTeamId}/`)).status, 404);
      assert.equal((await h.request(as('owner@example.com'), 'GET', '/api/0/teams/acme/nothing-here/')).status, 404);
    });

    it('PUT renames and changes the slug; audited as team.edit; validated against the OpenAPI file', async () => {
      await h.request(as('owner@example.com'), 'POST', '/api/0/organizations/acme/teams/', { slug: 'renamable' });
      const response = await h.request(as('owner@example.com'), 'PUT', '/api/0/teams/acme/renamable/', { name: 'Renamed', slug: 'renamed' });
      assert.equal(response.status, 200);
      assertMatchesOpenApi('put', DETAIL, 200, response.body);
      assert.equal(response.body.slug, 'renamed');
      assert.equal(response.body.name, 'Renamed');
      const edit = (await auditEvents(21)).at(-1)!;
      assert.deepEqual(edit.data, { id: response.body.id, slug: 'renamed', name: 'Renamed', status: 0 });
    });

    it('PUT: a taken slug, a bad slug and a blank name are 400s', async () => {
      const taken = await h.request(as('owner@example.com'), 'PUT', '/api/0/teams/acme/zeta/', { slug: 'backend' });
      assert.equal(taken.status, 400);
      assert.deepEqual(taken.body, { slug: ['The slug "backend" is already in use.'] });
      const bad = await h.request(as('owner@example.com'), 'PUT', '/api/0/teams/acme/zeta/', { slug: 'Bad!' });
      assert.deepEqual(bad.body, { slug: [SLUG_MESSAGE] });
      const blank = await h.request(as('owner@example.com'), 'PUT', '/api/0/teams/acme/zeta/', { name: ' ' });
      assert.deepEqual(blank.body, { name: ['This field may not be blank.'] });
      const same = await h.request(as('owner@example.com'), 'PUT', '/api/0/teams/acme/zeta/', { slug: 'zeta' });
      assert.equal(same.status, 200, 'keeping its own slug is fine');
      const empty = await h.request(as('owner@example.com'), 'PUT', '/api/0/teams/acme/zeta/', {});
      assert.equal(empty.status, 200, 'a partial update with nothing in it changes nothing');
      assert.equal(empty.body.slug, 'zeta');
    });

    it('PUT needs team:write on the team: a team admin by team role may, a contributor may not; IdP teams are 403', async () => {
      const lead = await h.request(as('lead@example.com'), 'PUT', '/api/0/teams/acme/frontend/', { name: 'Front End' });
      assert.equal(lead.status, 200);
      assert.equal(lead.body.name, 'Front End');
      const member = await h.request(as('member@example.com'), 'PUT', '/api/0/teams/acme/backend/', { name: 'Mine' });
      assert.equal(member.status, 403);
      const idp = await h.request(as('owner@example.com'), 'PUT', '/api/0/teams/acme/infra/', { name: 'Infrastructure' });
      assert.equal(idp.status, 403);
      assert.deepEqual(idp.body, { detail: "This team is managed through your organization's identity provider." });
    });

    it('DELETE: 204; the team leaves every list and every member\'s teams; its slug is free again; audited', async () => {
      const created = await h.request(as('owner@example.com'), 'POST', '/api/0/organizations/acme/teams/', { slug: 'doomed' });
      await h.request(as('owner@example.com'), 'POST', `/api/0/organizations/acme/members/${memberIds['member@example.com']}/teams/doomed/`);
      const response = await h.request(as('owner@example.com'), 'DELETE', '/api/0/teams/acme/doomed/');
      assert.equal(response.status, 204);
      assert.equal(response.body, '');
      assert.equal((await h.request(as('owner@example.com'), 'GET', '/api/0/teams/acme/doomed/')).status, 404);
      const list = await h.request(as('owner@example.com'), 'GET', '/api/0/organizations/acme/teams/');
      assert.equal(slugs(list.body).includes('doomed'), false);
      const member = await h.request(as('owner@example.com'), 'GET', `/api/0/organizations/acme/members/${memberIds['member@example.com']}/`);
      assert.deepEqual(member.body.teams, ['backend']);
      const mine = await h.request(as('member@example.com'), 'GET', '/api/0/organizations/acme/user-teams/');
      assert.deepEqual(slugs(mine.body), ['backend']);
      const row = await h.database.db.selectFrom('teams').selectAll().where('id', '=', created.body.id).executeTakeFirstOrThrow();
      assert.equal(row.status, 1);
      assert.match(row.slug, /^doomed-[0-9a-f]+$/);
      const removed = (await auditEvents(22)).at(-1)!;
      assert.equal(removed.target_object, created.body.id);
      assert.equal((await h.request(as('owner@example.com'), 'POST', '/api/0/organizations/acme/teams/', { slug: 'doomed' })).status, 201);
    });

    it('DELETE needs team:admin on the team: a member is refused, an admin of another team too; IdP teams are 403', async () => {
      assert.equal((await h.request(as('member@example.com'), 'DELETE', '/api/0/teams/acme/backend/')).status, 403);
      assert.equal((await h.request(as('admin@example.com'), 'DELETE', '/api/0/teams/acme/backend/')).status, 403);
      assert.equal((await h.request(as('owner@example.com'), 'DELETE', '/api/0/teams/acme/infra/')).status, 403);
    });
  });

  describe('GET /teams/{org}/{team}/members/', () => {
    it('lists the team\'s members with their raw team role; validated against the OpenAPI file', async () => {
      const response = await h.request(as('member@example.com'), 'GET', '/api/0/teams/acme/backend/members/');
      assert.equal(response.status, 200);
      assertMatchesOpenApi('get', MEMBERS, 200, response.body);
      assert.deepEqual(response.body.map((m: { email: string }) => m.email), ['owner@example.com', 'member@example.com']);
      assert.deepEqual(response.body.map((m: { teamRole: string | null; teamSlug: string }) => [m.teamRole, m.teamSlug]), [[null, 'backend'], [null, 'backend']]);
    });

    it('includes approved pending invites (as Sentry does) and stored team roles; leaves out inactive users', async () => {
      const response = await h.request(as('lead@example.com'), 'GET', '/api/0/teams/acme/frontend/members/');
      assert.deepEqual(
        response.body.map((m: { email: string; teamRole: string | null; pending: boolean }) => [m.email, m.teamRole, m.pending]),
        [['admin@example.com', null, false], ['lead@example.com', 'admin', false], ['invited@example.com', null, true]],
      );
    });

    it('needs access to the team', async () => {
      assert.equal((await h.request(as('member@example.com'), 'GET', '/api/0/teams/acme/frontend/members/')).status, 403);
    });
  });

  describe('GET /organizations/{org}/user-teams/ and the organization\'s teams', () => {
    it('the requester\'s active teams; a superuser gets every team', async () => {
      const lead = await h.request(as('lead@example.com'), 'GET', '/api/0/organizations/acme/user-teams/');
      assert.equal(lead.status, 200);
      assert.deepEqual(slugs(lead.body), ['frontend', 'infra']);
      assert.ok(lead.body.every((team: { isMember: boolean }) => team.isMember));
      const root = await h.request(as('root@example.com'), 'GET', '/api/0/organizations/acme/user-teams/');
      assert.ok(slugs(root.body).includes('zeta'));
    });

    it('§6.6 the detailed organization carries its active teams as Team objects', async () => {
      const response = await h.request(as('member@example.com'), 'GET', '/api/0/organizations/acme/');
      assert.equal(response.status, 200);
      assert.ok(Array.isArray(response.body.teams));
      const backend = response.body.teams.find((team: { slug: string }) => team.slug === 'backend');
      assert.equal(backend!.isMember, true);
      const active = await h.database.db.selectFrom('teams').select('slug').where('organization_id', '=', response.body.id).where('status', '=', 0).orderBy('slug').execute();
      assert.deepEqual(slugs(response.body.teams), active.map((team) => team.slug), 'active teams only, by slug');
    });
  });
});
