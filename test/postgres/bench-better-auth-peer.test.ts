import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import pg from 'pg';
import { startBetterAuthPeer, type RunningPeer } from '../../bench/peers/start.js';
import type { World } from '../../bench/world.js';

/**
 * The benchmark's better-auth peer (issue 17): its migrator made the schema, the owner's session
 * works, and the rows seeded by SQL are the ones its API would have written (a seeded team membership
 * carries the key better-auth computes for it, and is found instead of added twice).
 */
describe('bench: the better-auth peer (PostgreSQL)', () => {
  const url = process.env.TEST_DATABASE_URL!;
  let peer: RunningPeer;
  let db: pg.Client;
  before(async () => {
    const world = { org: { slug: 'bench' } } as World;
    peer = await startBetterAuthPeer(url, { members: 30, teams: 4 }, world, () => {});
    db = new pg.Client({ connectionString: url });
    await db.connect();
  });
  after(async () => {
    await db?.end();
    await peer?.stop();
  });

  const ba = () => peer.betterAuth!;
  const call = async (method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = peer.headers('');
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${peer.server.baseUrl}/api/auth/organization/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: await response.json() };
  };

  it('lists the seeded members, by offset, as the owner', async () => {
    const page = await call('GET', `list-members?organizationId=${ba().organizationId}&limit=10&offset=20`);
    assert.equal(page.status, 200);
    assert.deepEqual([page.body.members.length, page.body.total], [10, 30]);
  });

  it('changes a member\'s role', async () => {
    const changed = await call('POST', 'update-member-role', { memberId: ba().memberIds[3], role: 'admin', organizationId: ba().organizationId });
    assert.deepEqual([changed.status, changed.body.role], [200, 'admin']);
  });

  it('finds a seeded team membership rather than adding it twice, adds a new one, and keys them all alike', async () => {
    // Member 5 was seeded on teams 5 % 4 = 1 and (5 + 2) % 4 = 3.
    const seeded = await call('POST', 'add-team-member', { teamId: ba().teamIds[1], userId: ba().userIds[5], organizationId: ba().organizationId });
    const added = await call('POST', 'add-team-member', { teamId: ba().teamIds[0], userId: ba().userIds[5], organizationId: ba().organizationId });
    assert.deepEqual([seeded.status, added.status], [200, 200]);
    const { rows } = await db.query<{ team_id: string; key: string }>(`select "teamId" as team_id, "membershipKey" as key from ${peer.schema}."teamMember" where "userId" = $1`, [ba().userIds[5]]);
    assert.deepEqual(rows.map((row) => row.team_id).sort(), [0, 1, 3].map((team) => ba().teamIds[team]).sort());
    // The seeded rows' keys and the one better-auth wrote follow the same rule.
    const keyOf = (teamId: string) => crypto.createHash('sha256').update(JSON.stringify([teamId, ba().userIds[5]])).digest('base64url');
    for (const row of rows) assert.equal(row.key, keyOf(row.team_id));
  });
});
