import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accountRequest, isAccountRoute } from '../helpers/session.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { buildForeign, buildHome, organizationRows } from '../matrix/index.js';
import type { ForeignOrg, HomeOrg } from '../matrix/world.js';

/**
 * decisions.md § Authentication and authorization: "Another organization's member, team or invite is
 * a 404: no lookup ever runs without the organization in its filter." For every route that takes an
 * organization-scoped id (in the path, the body or the query), an id of another organization must get
 * exactly the answer (status and body) of an id that does not exist, and nothing of that
 * organization may change.
 */

const MISSING_ID = '987654321012';
const MISSING_SLUG = 'no-such-thing-here';
const MISSING_EMAIL = 'nobody-at-all@example.com';
const MISSING_TOKEN = 'f'.repeat(64);

interface Probe {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The request with another organization's id, and with an id that does not exist. */
  foreign: { url: string; body?: unknown };
  missing: { url: string; body?: unknown };
}

function probes(home: HomeOrg, foreign: ForeignOrg): Probe[] {
  const h = `/api/0/organizations/${home.slug}`;
  const self = home.members.owner1!.id;
  const list: Probe[] = [];
  const pair = (name: string, method: Probe['method'], foreignUrl: string, missingUrl: string, body?: unknown) =>
    list.push({ name, method, foreign: { url: foreignUrl, body }, missing: { url: missingUrl, body } });
  const bodies = (name: string, method: Probe['method'], url: string, foreignBody: unknown, missingBody: unknown) =>
    list.push({ name, method, foreign: { url, body: foreignBody }, missing: { url, body: missingBody } });

  // The organization itself, by slug and by id, on every organization route.
  for (const [label, id, missing] of [['slug', foreign.slug, MISSING_SLUG], ['id', foreign.id, MISSING_ID]] as const) {
    const o = (org: string) => `/api/0/organizations/${org}`;
    pair(`organization by ${label}`, 'GET', `${o(id)}/`, `${o(missing)}/`);
    pair(`settings by ${label}`, 'PUT', `${o(id)}/`, `${o(missing)}/`, { name: 'Taken over' });
    pair(`deletion by ${label}`, 'DELETE', `${o(id)}/`, `${o(missing)}/`);
    pair(`member list by ${label}`, 'GET', `${o(id)}/members/`, `${o(missing)}/members/`);
    pair(`invite by ${label}`, 'POST', `${o(id)}/members/`, `${o(missing)}/members/`, { email: 'spy@example.com' });
    pair(`audit log by ${label}`, 'GET', `${o(id)}/audit-logs/`, `${o(missing)}/audit-logs/`);
    pair(`access requests by ${label}`, 'GET', `${o(id)}/access-requests/`, `${o(missing)}/access-requests/`);
    pair(`team list by ${label}`, 'GET', `${o(id)}/teams/`, `${o(missing)}/teams/`);
    pair(`team creation by ${label}`, 'POST', `${o(id)}/teams/`, `${o(missing)}/teams/`, { slug: 'planted' });
    pair(`user teams by ${label}`, 'GET', `${o(id)}/user-teams/`, `${o(missing)}/user-teams/`);
    pair(`member by ${label}`, 'GET', `${o(id)}/members/${foreign.memberId}/`, `${o(missing)}/members/${foreign.memberId}/`);
    pair(`team by ${label}`, 'GET', `/api/0/teams/${id}/${foreign.teamSlug}/`, `/api/0/teams/${missing}/${foreign.teamSlug}/`);
  }

  // Member ids in the home organization's paths.
  for (const method of ['GET', 'PUT', 'DELETE'] as const) {
    pair(`member id, ${method}`, method, `${h}/members/${foreign.memberId}/`, `${h}/members/${MISSING_ID}/`, method === 'PUT' ? { orgRole: 'member' } : undefined);
  }
  for (const method of ['GET', 'POST', 'PUT', 'DELETE'] as const) {
    const body = method === 'PUT' ? { teamRole: 'admin' } : undefined;
    pair(`member id on member↔team, ${method}`, method, `${h}/members/${foreign.memberId}/teams/alpha/`, `${h}/members/${MISSING_ID}/teams/alpha/`, body);
    pair(`team slug on member↔team, ${method}`, method, `${h}/members/${self}/teams/${foreign.teamSlug}/`, `${h}/members/${self}/teams/${MISSING_SLUG}/`, body);
    pair(`team id on member↔team, ${method}`, method, `${h}/members/${self}/teams/${foreign.teamId}/`, `${h}/members/${self}/teams/${MISSING_ID}/`, body);
  }
  // Team ids and slugs in the home organization's team paths.
  for (const [label, id, missing] of [['slug', foreign.teamSlug, MISSING_SLUG], ['id', foreign.teamId, MISSING_ID]] as const) {
    const t = (team: string) => `/api/0/teams/${home.slug}/${team}`;
    pair(`team ${label}, GET`, 'GET', `${t(id)}/`, `${t(missing)}/`);
    pair(`team ${label}, PUT`, 'PUT', `${t(id)}/`, `${t(missing)}/`, { name: 'Renamed' });
    pair(`team ${label}, DELETE`, 'DELETE', `${t(id)}/`, `${t(missing)}/`);
    pair(`team ${label}, members`, 'GET', `${t(id)}/members/`, `${t(missing)}/members/`);
  }
  pair('access request id', 'PUT', `${h}/access-requests/${foreign.accessRequestId}/`, `${h}/access-requests/${MISSING_ID}/`, { isApproved: true });
  pair('authenticator id', 'DELETE', `/api/0/users/me/authenticators/${foreign.memberAuthenticatorId}/`, `/api/0/users/me/authenticators/${MISSING_ID}/`);
  bodies('API token id', 'DELETE', '/api/0/api-tokens/', { tokenId: foreign.memberTokenId }, { tokenId: MISSING_ID });

  // Invite links: another organization's invite under the home organization, or with a wrong token.
  for (const method of ['GET', 'POST'] as const) {
    pair(
      `invite link under the home organization, ${method}`,
      method,
      `/api/0/accept-invite/${home.slug}/${foreign.inviteId}/${foreign.inviteToken}/`,
      `/api/0/accept-invite/${home.slug}/${MISSING_ID}/${MISSING_TOKEN}/`,
    );
    pair(
      `short invite link with another token, ${method}`,
      method,
      `/api/0/accept-invite/${foreign.inviteId}/${home.inviteToken}/`,
      `/api/0/accept-invite/${MISSING_ID}/${home.inviteToken}/`,
    );
  }

  // Ids and slugs in bodies and queries.
  bodies('invite teams', 'POST', `${h}/members/`, { email: 'x1@example.com', teams: [foreign.teamSlug] }, { email: 'x1@example.com', teams: [MISSING_SLUG] });
  bodies('invite teamRoles', 'POST', `${h}/members/`, { email: 'x2@example.com', teamRoles: [{ teamSlug: foreign.teamSlug, role: null }] }, { email: 'x2@example.com', teamRoles: [{ teamSlug: MISSING_SLUG, role: null }] });
  bodies('member teams', 'PUT', `${h}/members/${home.members.member2!.id}/`, { teams: [foreign.teamSlug] }, { teams: [MISSING_SLUG] });
  bodies('member teamRoles', 'PUT', `${h}/members/${home.members.member2!.id}/`, { teamRoles: [{ teamSlug: foreign.teamSlug, role: 'admin' }] }, { teamRoles: [{ teamSlug: MISSING_SLUG, role: 'admin' }] });
  bodies('address to verify', 'POST', '/api/0/users/me/emails/confirm/', { email: foreign.memberEmail }, { email: MISSING_EMAIL });
  const query = (name: string, url: string, foreignValue: string, missingValue: string) =>
    pair(name, 'GET', `${url}${encodeURIComponent(foreignValue)}`, `${url}${encodeURIComponent(missingValue)}`);
  query('audit log ?actor=', `${h}/audit-logs/?actor=`, foreign.memberUserId, MISSING_ID);
  query('member search id:', `${h}/members/?query=`, `id:${foreign.memberId}`, `id:${MISSING_ID}`);
  query('member search user.id:', `${h}/members/?query=`, `user.id:${foreign.memberUserId}`, `user.id:${MISSING_ID}`);
  query('member search email:', `${h}/members/?query=`, `email:${foreign.memberEmail}`, `email:${MISSING_EMAIL}`);
  query('member search text', `${h}/members/?query=`, foreign.memberEmail, MISSING_EMAIL);
  query('team filter ?team=', `${h}/teams/?team=`, foreign.teamId, MISSING_ID);
  query('team search', `${h}/teams/?query=`, foreign.teamSlug, MISSING_SLUG);
  return list;
}

describe('tenant isolation: another organization\'s ids answer exactly as ids that do not exist', () => {
  let h: Harness;
  let home: HomeOrg;
  let foreign: ForeignOrg;
  let foreignBefore: string;
  before(async () => {
    h = await createHarness();
    home = (await buildHome(h)).home;
    foreign = await buildForeign(h);
    foreignBefore = await organizationRows(h, foreign.id);
  });
  after(() => h.close());

  for (const requester of ['owner1', 'manager1', 'member1'] as const) {
    it(`decisions.md: for the home ${requester}, every other-organization id gets the same status and body as a missing one`, async () => {
      const token = home.members[requester]!.token;
      const homeBefore = await organizationRows(h, home.id);
      const differences: string[] = [];
      for (const probe of probes(home, foreign)) {
        // The account routes take a browser session only (issue 13): the requester's browser.
        const send = (url: string, body: unknown) => (isAccountRoute(url) ? accountRequest(h, token, probe.method, url, body) : h.request(token, probe.method, url, body));
        const a = await send(probe.foreign.url, probe.foreign.body);
        const b = await send(probe.missing.url, probe.missing.body);
        assert.ok(a.status < 500, `${probe.name}: ${a.status}`);
        if (a.status !== b.status || JSON.stringify(a.body) !== JSON.stringify(b.body)) {
          differences.push(`${probe.name}: other organization's id → ${a.status} ${JSON.stringify(a.body)}; missing id → ${b.status} ${JSON.stringify(b.body)}`);
        }
      }
      assert.deepEqual(differences, []);
      assert.ok(probes(home, foreign).length > 60);
      // Every probe was refused or read-only, so the home organization is unchanged too.
      assert.equal(await organizationRows(h, home.id), homeBefore);
    });
  }

  it('after every probe, the other organization\'s rows (members, teams, member↔team, audit, outbox, …) are byte-for-byte unchanged', async () => {
    assert.equal(await organizationRows(h, foreign.id), foreignBefore);
  });
});
