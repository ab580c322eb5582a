/**
 * The benchmark's peers (issue 17): what each serves of Roster's scenarios, and the requests the driver
 * sends it. A scenario a peer has no operation for gets empty peer columns on Roster's line.
 */
import { rotate, SCENARIOS, teamToAdd, type HttpRequest } from '../scenarios.js';
import type { World } from '../world.js';
import type { BetterAuthWorld } from './better-auth/setup.js';

export const PEER_NAMES = ['plain', 'better-auth'] as const;
export type PeerName = (typeof PEER_NAMES)[number];

/** Issue 17's three operations (the list on page 1 and deep): what `--quick` compares, to stay short in CI. */
export const QUICK_PEER_SCENARIOS = ['role-change', 'member-list-page1', 'member-list-deep', 'add-to-team'];

export interface PeerOperation {
  expectStatus: number;
  request(i: number, world: World, betterAuth: BetterAuthWorld | null): HttpRequest;
}

function rosterScenario(name: string) {
  const scenario = SCENARIOS.find((candidate) => candidate.name === name);
  if (!scenario) throw new Error(`unknown scenario ${name}`);
  return scenario;
}

/** The hand-written server takes Roster's own requests (same paths, bodies and bearer token), on its own member range for writes. */
function plainOperation(name: string): PeerOperation {
  const scenario = rosterScenario(name);
  return { expectStatus: scenario.expectStatus, request: (i, world) => scenario.request(i, world, 'peer') };
}

const PLAIN_SCENARIOS = [
  'role-change', 'add-to-team',
  ...['', '-1m'].flatMap((size) => ['page1', 'deep', 'page1-query', 'deep-query'].map((page) => `member-list${size}-${page}`)),
];

function need(world: BetterAuthWorld | null): BetterAuthWorld {
  if (!world) throw new Error('the better-auth peer has no world');
  return world;
}

function listMembers(deep: boolean): PeerOperation {
  return {
    expectStatus: 200,
    request(_i, world, betterAuth) {
      // The deep page starts where Roster's deep cursor does: 75% down the list.
      const offset = deep ? world.org.memberIds.indexOf(world.org.deepAfterId) + 1 : 0;
      const query = new URLSearchParams({ organizationId: need(betterAuth).organizationId, limit: '100', offset: String(offset) });
      return { method: 'GET', path: `/api/auth/organization/list-members?${query}` };
    },
  };
}

/**
 * better-auth's documented endpoints. Its roles are owner, admin and member: the role change flips a
 * member between member and admin (as Roster's flips member and manager); its list pages by offset.
 */
const BETTER_AUTH: Record<string, PeerOperation> = {
  'role-change': {
    expectStatus: 200,
    request(i, _world, betterAuth) {
      const { memberIds, organizationId } = need(betterAuth);
      const { position, pass } = rotate(i, 'roleChange', 'peer');
      const body = { memberId: memberIds[position], role: pass % 2 === 0 ? 'admin' : 'member', organizationId };
      return { method: 'POST', path: '/api/auth/organization/update-member-role', body: JSON.stringify(body) };
    },
  },
  'member-list-page1': listMembers(false),
  'member-list-deep': listMembers(true),
  'add-to-team': {
    expectStatus: 200,
    request(i, world, betterAuth) {
      const { userIds, teamIds, organizationId } = need(betterAuth);
      const { position, team } = teamToAdd(i, world.org.teams, 'peer');
      const body = { teamId: teamIds[team], userId: userIds[position], organizationId };
      return { method: 'POST', path: '/api/auth/organization/add-team-member', body: JSON.stringify(body) };
    },
  },
};

/** The peer's operation for a Roster scenario, or null when it has none. */
export function peerOperation(peer: PeerName, scenario: string): PeerOperation | null {
  if (peer === 'plain') return PLAIN_SCENARIOS.includes(scenario) ? plainOperation(scenario) : null;
  return BETTER_AUTH[scenario] ?? null;
}
