import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { setupPostgres, type PostgresSetup } from '../../bench/setup.js';
import { startPlainPeer, type RunningPeer } from '../../bench/peers/start.js';

/**
 * The benchmark's hand-written peer (issue 17) must do the work it is compared for: authenticate,
 * check, change, audit. Its answers are its own; its rows are Roster's tables. Seeded by the bench's
 * own setup (a small organization), in a schema dropped at the end.
 */
describe('bench: the hand-written peer (PostgreSQL)', () => {
  let setup: PostgresSetup;
  let peer: RunningPeer;
  before(async () => {
    setup = await setupPostgres(process.env.TEST_DATABASE_URL!, { members: 200, largeMembers: 10, teams: 10 }, () => {});
    peer = await startPlainPeer(setup.serverUrl);
  });
  after(async () => {
    await peer?.stop();
    await setup?.drop();
  });

  const org = () => setup.world.org;
  const call = async (method: string, path: string, token: string | null, body?: unknown) => {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${peer.server.baseUrl}/api/0/organizations/bench${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, link: response.headers.get('link') };
  };
  const rows = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(setup.database.db)).rows;

  it('changes a role, clears the team roles it makes redundant and writes MEMBER_EDIT, in one transaction', async () => {
    const memberId = org().memberIds[5]!;
    await sql`update member_teams set role = 'admin' where organization_id = ${org().id} and member_id = ${memberId}`.execute(setup.database.db);
    const changed = await call('PUT', `/members/${memberId}/`, org().owner.token, { orgRole: 'manager' });
    assert.deepEqual(changed, { status: 200, body: { id: memberId, orgRole: 'manager' }, link: null });
    const [member] = await rows(sql<{ role: string }>`select role from members where organization_id = ${org().id} and id = ${memberId}`);
    assert.equal(member!.role, 'manager');
    const teamRoles = await rows(sql<{ role: string | null }>`select role from member_teams where organization_id = ${org().id} and member_id = ${memberId}`);
    assert.deepEqual(teamRoles.map((row) => row.role), [null, null]);
    const audit = await rows(sql<{ event: number; actor_id: string; data: unknown }>`
      select event, actor_id, data from audit_log_entries where organization_id = ${org().id} and target_object = ${memberId}`);
    assert.deepEqual(audit, [{ event: 4, actor_id: org().owner.userId, data: { email: 'bench-5@example.com', role: 'manager' } }]);
  });

  it('refuses what the requester may not do, with the status that says why', async () => {
    const memberId = org().memberIds[6]!;
    assert.equal((await call('PUT', `/members/${memberId}/`, org().manager.token, { orgRole: 'owner' })).status, 403);
    assert.equal((await call('PUT', `/members/${memberId}/`, org().owner.token, { orgRole: 'emperor' })).status, 400);
    assert.equal((await call('PUT', `/members/${memberId}/`, org().owner.token, 'not an object')).status, 400);
    assert.equal((await call('PUT', '/members/999999/', org().owner.token, { orgRole: 'admin' })).status, 404);
    assert.equal((await call('PUT', `/members/${memberId}/`, null, { orgRole: 'admin' })).status, 401);
    assert.equal((await call('PUT', `/members/${org().owner.memberId}/`, org().owner.token, { orgRole: 'member' })).status, 403, 'the last owner stays');
    const [member] = await rows(sql<{ role: string }>`select role from members where organization_id = ${org().id} and id = ${memberId}`);
    assert.equal(member!.role, 'member');
  });

  it('lists members by keyset pages of the requested size, each with its teams', async () => {
    const first = await call('GET', '/members/?per_page=100', org().manager.token);
    assert.equal(first.status, 200);
    assert.equal(first.body.length, 100);
    assert.deepEqual(first.body[0].teams, ['team-0', 'team-5']);
    const cursor = /cursor=(\d+:0:0)/.exec(first.link!)![1]!;
    const second = await call('GET', `/members/?per_page=100&cursor=${cursor}`, org().manager.token);
    assert.deepEqual([second.body.length, second.body[0].id, second.link], [100, org().memberIds[100], null]);
    const searched = await call('GET', '/members/?per_page=100&query=alice', org().manager.token);
    assert.ok(searched.body.length === 10 && searched.body.every((member: { name: string }) => member.name.startsWith('Alice')));
    assert.equal((await call('GET', '/members/?per_page=500', org().manager.token)).status, 400);
  });

  it('adds a member to a team once, with its MEMBER_JOIN_TEAM entry; again is a 204 and writes nothing', async () => {
    const memberId = org().memberIds[7]!;
    assert.deepEqual(await call('POST', `/members/${memberId}/teams/team-1/`, org().owner.token), { status: 201, body: { memberId, teamSlug: 'team-1' }, link: null });
    assert.equal((await call('POST', `/members/${memberId}/teams/team-1/`, org().owner.token)).status, 204);
    assert.equal((await call('POST', `/members/${memberId}/teams/team-99/`, org().owner.token)).status, 404);
    const audit = await rows(sql<{ event: number; data: unknown }>`
      select a.event, a.data from audit_log_entries a join member_teams mt on mt.organization_id = a.organization_id and mt.id = a.target_object
       where a.organization_id = ${org().id} and mt.member_id = ${memberId}`);
    assert.deepEqual(audit, [{ event: 6, data: { email: 'bench-7@example.com', team_slug: 'team-1' } }]);
  });
});
