import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createHarness, type Harness } from '../helpers/harness.js';
import { assertMatchesOpenApi } from '../helpers/openapi.js';
import { auditEntries, buildOrg, type BuiltOrg } from '../helpers/org-factory.js';
import { hashSecret } from '../../src/platform/lib/secrets.js';
import { DAY_MS } from '../../src/platform/lib/clock.js';

const INVITE_PATH = '/api/0/organizations/{organization_id_or_slug}/members/';

describe('invites: POST /organizations/{org}/members/', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
  });
  after(() => h.close());

  const invite = (org: BuiltOrg, who: string, body: unknown, query: '' | `?${string}` = '') =>
    h.request(org.tokens[who] ?? who, 'POST', `/api/0/organizations/${org.slug}/members/${query}`, body);
  const memberRow = (org: BuiltOrg, email: string) =>
    h.database.db.selectFrom('members').selectAll().where('organization_id', '=', org.id).where('email', '=', email).executeTakeFirst();
  const outbox = (org: BuiltOrg) => h.database.db.selectFrom('email_outbox').selectAll().where('organization_id', '=', org.id).orderBy('id').execute();

  it('§5.2 step 12: 201 with a pending Member (OpenAPI), token hashed with a 30-day expiry, inviter recorded', async () => {
    const org = await buildOrg(h, { teams: ['backend'] });
    const response = await invite(org, 'owner', { email: 'new@example.com', orgRole: 'member', teams: ['backend'] });
    assert.equal(response.status, 201, JSON.stringify(response.body));
    assertMatchesOpenApi('post', INVITE_PATH, 201, response.body);
    assert.equal(response.body.email, 'new@example.com');
    assert.equal(response.body.pending, true);
    assert.equal(response.body.expired, false);
    assert.equal(response.body.user, null);
    assert.equal(response.body.orgRole, 'member');
    assert.equal(response.body.inviteStatus, 'approved');
    assert.equal(response.body.inviterName, 'owner');

    const row = (await memberRow(org, 'new@example.com'))!;
    assert.equal(row.id, response.body.id);
    assert.equal(row.inviter_id, org.userIds.owner);
    assert.equal(row.user_id, null);
    assert.match(row.token_hash!, /^[0-9a-f]{64}$/);
    assert.equal(row.token_expires_at!.getTime(), h.clock.now().getTime() + 30 * DAY_MS);
    const teams = await h.database.db.selectFrom('member_teams').selectAll().where('member_id', '=', row.id).execute();
    assert.deepEqual(teams.map((t) => [t.team_id, t.role]), [[org.teams.backend, null]]);

    // The email carries the only copy of the token: its hash is what the row keeps.
    const [email] = await outbox(org);
    assert.equal(email!.recipient, 'new@example.com');
    const token = new RegExp(`/accept/${row.id}/([0-9a-f]{64})/`).exec(email!.text_body)![1]!;
    assert.equal(hashSecret(token), row.token_hash);
  });

  it('§5.2 step 11: the invite is audited as member.invite with the member payload', async () => {
    const org = await buildOrg(h, { teams: ['backend', 'frontend'] });
    const response = await invite(org, 'owner', { email: 'audited@example.com', teams: ['frontend', 'backend'] });
    assert.equal(response.status, 201);
    const entries = await auditEntries(h, org.id);
    assert.equal(entries.length, 1);
    const entry = entries[0]!;
    assert.equal(entry.event, 1);
    assert.equal(entry.actor_id, org.userIds.owner);
    assert.equal(entry.target_object, response.body.id);
    assert.equal(entry.data.email, 'audited@example.com');
    assert.equal(entry.data.role, 'member');
    assert.equal(entry.data.user, null);
    assert.equal(entry.data.invite_status, 'approved');
    assert.deepEqual([...(entry.data.teams_slugs as string[])].sort(), ['backend', 'frontend']);
  });

  it('§5.2 step 10: `sendInvite: false` queues no email; `?referrer=` goes into the link', async () => {
    const org = await buildOrg(h);
    assert.equal((await invite(org, 'owner', { email: 'quiet@example.com', sendInvite: false })).status, 201);
    assert.equal((await outbox(org)).length, 0);
    assert.equal((await invite(org, 'owner', { email: 'ref@example.com' }, '?referrer=onboarding')).status, 201);
    const [email] = await outbox(org);
    assert.match(email!.text_body, /\/accept\/\d+\/[0-9a-f]{64}\/\?referrer=onboarding/);
  });

  it('§5.2 permission: member:write, member:admin or member:invite is needed (403); non-members get 404; no credentials 401', async () => {
    const org = await buildOrg(h, { tokens: { readOnly: ['owner', ['member:read', 'org:read']] } });
    const outsider = await buildOrg(h);
    const denied = await invite(org, 'readOnly', { email: 'x@example.com' });
    assert.equal(denied.status, 403);
    assert.deepEqual(denied.body, { detail: 'You do not have permission to perform this action.' });
    assert.equal((await h.request(outsider.tokens.owner!, 'POST', `/api/0/organizations/${org.slug}/members/`, { email: 'x@example.com' })).status, 404);
    const anonymous = await h.request(null, 'POST', `/api/0/organizations/${org.slug}/members/`, { email: 42 });
    assert.equal(anonymous.status, 401);
    assert.equal(await memberRow(org, 'x@example.com'), undefined);
  });

  it('§5.2 permission: with member invites disabled, member:invite alone gets 403; member:write still invites', async () => {
    const org = await buildOrg(h, {
      settings: { allowMemberInvite: false },
      members: { owner: { role: 'owner' }, manager: { role: 'manager' }, member: { role: 'member' } },
    });
    const refused = await invite(org, 'member', { email: 'a@example.com' });
    assert.equal(refused.status, 403);
    assert.deepEqual(refused.body, { detail: 'You do not have permission to perform this action.' });
    assert.equal((await invite(org, 'manager', { email: 'a@example.com' })).status, 201);
  });

  it('§5.2 step 2: without the invite-members feature: 403 {"organization": …}, before the body is validated', async () => {
    const org = await buildOrg(h, { features: { 'invite-members': false } });
    const refused = await invite(org, 'owner', { email: 'not an email', orgRole: 'member' });
    assert.equal(refused.status, 403);
    assert.deepEqual(refused.body, { organization: 'Your organization is not allowed to invite members' });
  });

  it('§5.2 step 2: a billing invite passes without invite-members when invite-billing is on', async () => {
    const org = await buildOrg(h, { features: { 'invite-members': false, 'invite-billing': true } });
    const response = await invite(org, 'owner', { email: 'payer@example.com', orgRole: 'billing' });
    assert.equal(response.status, 201, JSON.stringify(response.body));
    assert.equal(response.body.orgRole, 'billing');
    assert.equal((await invite(org, 'owner', { email: 'dev@example.com', orgRole: 'member' })).status, 403);
  });

  it('§5.2 step 3: a plain member may invite members only', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, member: { role: 'member' } } });
    for (const role of ['manager', 'owner']) {
      const refused = await invite(org, 'member', { email: `as-${role}@example.com`, orgRole: role });
      assert.equal(refused.status, 400);
      assert.deepEqual(refused.body, { orgRole: ['You do not have permission to set that org-level role'] });
    }
    const viaRole = await invite(org, 'member', { email: 'old-field@example.com', role: 'manager' });
    assert.deepEqual(viaRole.body, { role: ['You do not have permission to set that org-level role'] });
    const ok = await invite(org, 'member', { email: 'peer@example.com', orgRole: 'member' });
    assert.equal(ok.status, 201);
  });

  it('§5.2 step 3: a manager may invite managers but not owners; an owner may invite owners', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, manager: { role: 'manager' } } });
    assert.equal((await invite(org, 'manager', { email: 'm2@example.com', orgRole: 'manager' })).status, 201);
    assert.deepEqual((await invite(org, 'manager', { email: 'o2@example.com', orgRole: 'owner' })).body, {
      orgRole: ['You do not have permission to set that org-level role'],
    });
    assert.equal((await invite(org, 'owner', { email: 'o2@example.com', orgRole: 'owner' })).status, 201);
  });

  it('§5.2 step 3: billing may be given only with invite-billing', async () => {
    const without = await buildOrg(h);
    assert.deepEqual((await invite(without, 'owner', { email: 'b@example.com', orgRole: 'billing' })).body, {
      orgRole: ['You do not have permission to set that org-level role'],
    });
    const withFeature = await buildOrg(h, { features: { 'invite-billing': true } });
    assert.equal((await invite(withFeature, 'owner', { email: 'b@example.com', orgRole: 'billing' })).status, 201);
  });

  it('§5.2 step 3: a superuser who is not a member may invite; the invite names them as inviter', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' } }, users: { su: { superuser: true } } });
    const response = await invite(org, 'su', { email: 'by-su@example.com', orgRole: 'owner' });
    assert.equal(response.status, 201, JSON.stringify(response.body));
    assert.equal((await memberRow(org, 'by-su@example.com'))!.inviter_id, org.userIds.su);
  });

  it('§5.2 step 5: more than 10 invites of one address a day is a 429; the next day it is allowed again', async () => {
    const org = await buildOrg(h);
    const email = 'often@example.com';
    const removeInvite = () => h.database.db.deleteFrom('members').where('organization_id', '=', org.id).where('email', '=', email).execute();
    for (let i = 0; i < 10; i++) {
      assert.equal((await invite(org, 'owner', { email })).status, 201);
      await removeInvite();
    }
    const limited = await invite(org, 'owner', { email });
    assert.equal(limited.status, 429);
    assert.deepEqual(limited.body, { detail: 'You are being rate limited for too many invitations.' });
    assert.equal(await memberRow(org, email), undefined);
    h.clock.advance(DAY_MS);
    assert.equal((await invite(org, 'owner', { email })).status, 201);
  });

  it('§5.2 step 5: without the invite-members-rate-limits feature there is no limit', async () => {
    const org = await buildOrg(h, { features: { 'invite-members-rate-limits': false } });
    const email = 'unlimited@example.com';
    for (let i = 0; i < 11; i++) {
      assert.equal((await invite(org, 'owner', { email })).status, 201);
      await h.database.db.deleteFrom('members').where('organization_id', '=', org.id).where('email', '=', email).execute();
    }
  });

  it('§5.2 step 6: with open membership off, a member-level inviter may only use teams it belongs to', async () => {
    const org = await buildOrg(h, {
      settings: { openMembership: false },
      teams: ['backend', 'frontend'],
      members: { owner: { role: 'owner' }, member: { role: 'member', teams: ['backend'] } },
      tokens: { ownerInviteOnly: ['owner', ['member:invite']] },
    });
    const detail = { detail: 'You cannot assign members to teams you are not a member of.' };
    assert.deepEqual((await invite(org, 'member', { email: 'a@example.com', teams: ['frontend'] })).body, detail);
    assert.deepEqual((await invite(org, 'member', { email: 'a@example.com', teamRoles: [{ teamSlug: 'frontend', role: null }] })).body, detail);
    // Sentry looks at both lists, even though only teamRoles is used when it is given.
    const both = await invite(org, 'member', { email: 'a@example.com', teams: ['frontend'], teamRoles: [{ teamSlug: 'backend', role: null }] });
    assert.deepEqual(both.body, detail);
    // A token without member:admin makes even an owner a member-level inviter.
    assert.deepEqual((await invite(org, 'ownerInviteOnly', { email: 'a@example.com', teams: ['frontend'] })).body, detail);
    assert.equal((await invite(org, 'member', { email: 'a@example.com', teams: ['backend'] })).status, 201);
    assert.equal((await invite(org, 'owner', { email: 'b@example.com', teams: ['frontend'] })).status, 201);
  });

  it('§5.2 step 6: with open membership on, a member may put invites on any team', async () => {
    const org = await buildOrg(h, {
      settings: { openMembership: true },
      teams: ['backend', 'frontend'],
      members: { owner: { role: 'owner' }, member: { role: 'member', teams: ['backend'] } },
    });
    assert.equal((await invite(org, 'member', { email: 'a@example.com', teams: ['frontend'] })).status, 201);
  });

  it('§5.2 step 7: a role without team roles (billing) cannot be given teams', async () => {
    const org = await buildOrg(h, { features: { 'invite-billing': true }, teams: ['backend'] });
    const refused = await invite(org, 'owner', { email: 'payer@example.com', orgRole: 'billing', teams: ['backend'] });
    assert.equal(refused.status, 400);
    assert.deepEqual(refused.body, { email: "The user with a 'billing' role cannot have team-level permissions." });
    assert.equal(await memberRow(org, 'payer@example.com'), undefined);
  });

  it('§5.2 step 8: an invite replaces the invite request and join request rows of its address', async () => {
    const org = await buildOrg(h);
    for (const [email, status] of [['asked@example.com', 1], ['joiner@example.com', 2]] as const) {
      await h.database.db.insertInto('members').values({ organization_id: org.id, email, role: 'member', invite_status: status }).execute();
      const response = await invite(org, 'owner', { email });
      assert.equal(response.status, 201, JSON.stringify(response.body));
      const rows = await h.database.db.selectFrom('members').selectAll().where('organization_id', '=', org.id).where('email', '=', email).execute();
      assert.deepEqual(rows.map((row) => [row.id, row.invite_status]), [[response.body.id, 0]]);
    }
  });

  it('§5.2 step 9: teamRoles gives the teams (its roles are ignored); otherwise teams', async () => {
    const org = await buildOrg(h, { teams: ['backend', 'frontend'] });
    const response = await invite(org, 'owner', {
      email: 'roles@example.com',
      teams: ['backend'],
      teamRoles: [{ teamSlug: 'frontend', role: 'admin' }],
    });
    assert.equal(response.status, 201);
    const teams = await h.database.db.selectFrom('member_teams').selectAll().where('member_id', '=', response.body.id).execute();
    assert.deepEqual(teams.map((t) => [t.team_id, t.role]), [[org.teams.frontend, null]]);
  });

  it("decisions fix 8: an invite without a role gets the organization's default role", async () => {
    const org = await buildOrg(h, {
      settings: { defaultRole: 'manager' },
      members: { owner: { role: 'owner' }, member: { role: 'member' } },
    });
    const response = await invite(org, 'owner', { email: 'default@example.com' });
    assert.equal(response.status, 201);
    assert.equal(response.body.orgRole, 'manager');
    // A member may not give that default, and is told so under orgRole.
    assert.deepEqual((await invite(org, 'member', { email: 'other@example.com' })).body, {
      orgRole: ['You do not have permission to set that org-level role'],
    });
    assert.equal((await invite(org, 'member', { email: 'other@example.com', orgRole: 'member' })).status, 201);
  });

  it('decisions 13: the address is stored trimmed and lower-cased, and compared that way', async () => {
    const org = await buildOrg(h);
    const response = await invite(org, 'owner', { email: '  New.Person@Example.COM ' });
    assert.equal(response.status, 201);
    assert.equal(response.body.email, 'new.person@example.com');
    const again = await invite(org, 'owner', { email: 'NEW.person@example.com' });
    assert.deepEqual(again.body, { email: ['The user NEW.person@example.com has already been invited'] });
    const existing = await invite(org, 'owner', { email: org.emailOf('owner').toUpperCase() });
    assert.deepEqual(existing.body, { email: [`The user ${org.emailOf('owner').toUpperCase()} is already a member`] });
  });

  it('a refused invite changes nothing: no member, no email, no audit entry, no rate-limit hit', async () => {
    const org = await buildOrg(h, { teams: ['backend'] });
    const before = await h.database.db.selectFrom('rate_limit_counters').selectAll().execute();
    assert.equal((await invite(org, 'owner', { email: 'x@example.com', teams: ['nope'] })).status, 400);
    assert.equal(await memberRow(org, 'x@example.com'), undefined);
    assert.equal((await outbox(org)).length, 0);
    assert.equal((await auditEntries(h, org.id)).length, 0);
    assert.deepEqual(await h.database.db.selectFrom('rate_limit_counters').selectAll().execute(), before);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from members where organization_id = ${org.id}`.execute(h.database.db);
    assert.equal(rows[0]!.n, 1);
  });
});
