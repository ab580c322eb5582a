import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bindParams, parseScript } from '../../bench/floors/script.js';
import { SCENARIOS } from '../../bench/scenarios.js';
import { RANGES, type World } from '../../bench/world.js';
import { parseOptions, UsageError } from '../../bench/options.js';
import { peerOperation } from '../../bench/peers/peers.js';
import type { BetterAuthWorld } from '../../bench/peers/better-auth/setup.js';

const actor = { userId: '1', memberId: '1', label: 'Olive 0', token: 't', tokenHash: 'h' };
const world: World = {
  runId: 'r1',
  org: {
    slug: 'bench', id: '1', members: 10_000, teams: 50, owner: actor, manager: actor, deepAfterId: '9001',
    memberIds: Array.from({ length: 10_000 }, (_, i) => String(i + 1)), maxSeedMemberTeamId: '20000',
  },
  large: { slug: 'bench-large', id: '2', members: 1_000_000, teams: 50, owner: actor, manager: actor, deepAfterId: '900001' },
};
const scenario = (name: string) => SCENARIOS.find((candidate) => candidate.name === name)!;

describe('bench floor scripts (the pgbench subset)', () => {
  it('turns each :variable into its own parameter and leaves ::casts alone', () => {
    const steps = parseScript(`\\set k random(:lo, 10)\nselect :k::int + :k as x,\n  'a' || :name \\gset p_\nupdate t set a = :k;`);
    assert.deepEqual(steps[0], { kind: 'set', name: 'k', min: { variable: 'lo' }, max: { literal: 10 } });
    assert.deepEqual(steps[1], { kind: 'sql', text: "select $1::int + $2 as x,\n  'a' || $3", params: ['k', 'k', 'name'], gset: 'p_' });
    assert.deepEqual(steps[2], { kind: 'sql', text: 'update t set a = $1', params: ['k'], gset: null });
    assert.deepEqual(bindParams(steps[2] as Extract<(typeof steps)[number], { kind: 'sql' }>, { k: '7' }), ['7']);
  });

  it('refuses what pgbench would run differently', () => {
    assert.throws(() => parseScript('\\set k :a + 1'), /only "\\set name random/);
    assert.throws(() => parseScript('\\sleep 1'), /unsupported command/);
    assert.throws(() => parseScript('select 1'), /missing ";"/);
  });

  it('every scenario\'s floor parses and names only variables it defines or sets', () => {
    for (const candidate of SCENARIOS) {
      const defined = new Set(Object.keys(candidate.floorVars(world)));
      for (const step of parseScript(candidate.floorScript)) {
        if (step.kind === 'set') defined.add(step.name);
        else {
          for (const name of step.params) assert.ok(defined.has(name) || /^[a-z]+_/.test(name), `${candidate.name}: :${name} is never defined`);
        }
      }
    }
  });
});

describe('bench request rotations: every write really changes something', () => {
  it('role change alternates each member between manager and member, pass after pass', () => {
    const size = RANGES.roleChange.http[1] - RANGES.roleChange.http[0];
    const bodies = [0, size, 2 * size].map((i) => scenario('role-change').request(i, world));
    assert.deepEqual(bodies.map((request) => request.path), Array(3).fill(`/api/0/organizations/bench/members/${world.org.memberIds[RANGES.roleChange.http[0]]}/`));
    assert.deepEqual(bodies.map((request) => JSON.parse(request.body!).orgRole), ['manager', 'member', 'manager']);
  });

  it('team assignment gives a member three teams, never the same three twice in a row', () => {
    const size = RANGES.teamAssignment.http[1] - RANGES.teamAssignment.http[0];
    const teamsOf = (i: number) => JSON.parse(scenario('team-assignment').request(i, world).body!).teamRoles.map((team: { teamSlug: string }) => team.teamSlug);
    for (const i of [0, 17, size - 1]) {
      assert.equal(teamsOf(i).length, 3);
      assert.equal(teamsOf(i).filter((slug: string) => teamsOf(i + size).includes(slug)).length, 0);
    }
  });

  it('add to team never repeats a member-team pair, nor picks a team the member was seeded on', () => {
    const [from, to] = RANGES.addToTeam.http;
    const seen = new Set<string>();
    for (let i = 0; i < (to - from) * 48; i += 1) {
      const { path } = scenario('add-to-team').request(i, world);
      const [, memberId, team] = /members\/(\d+)\/teams\/team-(\d+)\//.exec(path)!;
      const position = Number(memberId) - 1;
      assert.ok(Number(team) !== position % 50 && Number(team) !== (position + 25) % 50, path);
      assert.ok(!seen.has(path), `repeated ${path}`);
      seen.add(path);
    }
  });

  it('invites use a fresh address every time, unique to the run', () => {
    const emails = [0, 1, 2].map((i) => JSON.parse(scenario('invite').request(i, world).body!).email);
    assert.deepEqual(emails, ['invite-r1-0@example.org', 'invite-r1-1@example.org', 'invite-r1-2@example.org']);
  });

  it('write ranges do not overlap, and stay off the owner and the manager', () => {
    const ranges = Object.values(RANGES).flatMap((range): Array<readonly [number, number]> => ('peer' in range ? [range.http, range.floor, range.peer] : [range.http, range.floor])).sort((a, b) => a[0] - b[0]);
    assert.equal(ranges.length, 8);
    assert.ok(ranges[0]![0] >= 2);
    for (let i = 1; i < ranges.length; i += 1) assert.ok(ranges[i]![0] >= ranges[i - 1]![1]);
    assert.ok(ranges.at(-1)![1] <= 10_000);
  });
});

describe('bench peers', () => {
  const betterAuth: BetterAuthWorld = {
    organizationId: 'org1',
    cookie: 'better-auth.session_token=t.s',
    memberIds: Array.from({ length: 10_000 }, (_, i) => `m${i}`),
    userIds: Array.from({ length: 10_000 }, (_, i) => `u${i}`),
    teamIds: Array.from({ length: 50 }, (_, i) => `t${i}`),
  };

  it('the hand-written peer takes Roster\'s requests, on members of its own range', () => {
    const [from, to] = RANGES.roleChange.peer;
    const plain = peerOperation('plain', 'role-change')!;
    assert.equal(plain.request(0, world, null).path, `/api/0/organizations/bench/members/${world.org.memberIds[from]}/`);
    assert.equal(JSON.parse(plain.request(to - from, world, null).body!).orgRole, 'member');
    assert.equal(peerOperation('plain', 'member-list-1m-deep-query')!.request(0, world, null).path, scenario('member-list-1m-deep-query').request(0, world).path);
    assert.equal(peerOperation('plain', 'invite'), null);
  });

  it('better-auth flips its members between admin and member, and lists by offset from where Roster\'s deep cursor starts', () => {
    const roleChange = peerOperation('better-auth', 'role-change')!;
    const size = RANGES.roleChange.peer[1] - RANGES.roleChange.peer[0];
    const bodies = [0, size].map((i) => JSON.parse(roleChange.request(i, world, betterAuth).body!));
    assert.deepEqual(bodies, [0, 1].map((pass) => ({ memberId: `m${RANGES.roleChange.peer[0]}`, role: pass === 0 ? 'admin' : 'member', organizationId: 'org1' })));
    const deep = new URL(`http://x${peerOperation('better-auth', 'member-list-deep')!.request(0, world, betterAuth).path}`);
    assert.deepEqual(Object.fromEntries(deep.searchParams), { organizationId: 'org1', limit: '100', offset: '9001' });
    assert.equal(peerOperation('better-auth', 'team-assignment'), null);
  });

  it('better-auth\'s add-to-team never repeats a user-team pair, nor picks a team the member was seeded on', () => {
    const [from, to] = RANGES.addToTeam.peer;
    const addToTeam = peerOperation('better-auth', 'add-to-team')!;
    const seen = new Set<string>();
    for (let i = 0; i < (to - from) * 48; i += 1) {
      const { userId, teamId } = JSON.parse(addToTeam.request(i, world, betterAuth).body!);
      const position = Number(userId.slice(1));
      const team = Number(teamId.slice(1));
      assert.ok(position >= from && position < to && team !== position % 50 && team !== (position + 25) % 50);
      assert.ok(!seen.has(`${userId} ${teamId}`));
      seen.add(`${userId} ${teamId}`);
    }
  });

  it('--peers picks none, one or all, and refuses anything else', () => {
    assert.deepEqual(parseOptions([]).peers, ['plain', 'better-auth']);
    assert.deepEqual([parseOptions([]).workers, parseOptions([]).workersGiven], [[1, 2], false]);
    assert.deepEqual([parseOptions(['--workers', '2,1,2']).workers, parseOptions(['--workers', '2,1']).workersGiven], [[1, 2], true]);
    assert.throws(() => parseOptions(['--workers', '0']), UsageError);
    assert.deepEqual(parseOptions(['--peers', 'none']).peers, []);
    assert.deepEqual(parseOptions(['--peers', 'plain']).peers, ['plain']);
    assert.throws(() => parseOptions(['--peers', 'hono']), UsageError);
  });
});
