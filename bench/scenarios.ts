import { memberListScript, ME_SCRIPT } from './floors/read-sql.js';
import { FLAGS_JSON_FORMAT, ISO_TIMESTAMP_FORMAT } from '../src/members/member-list.queries.js';
import { ADD_TO_TEAM_RESET, ADD_TO_TEAM_SCRIPT, INVITE_SCRIPT, ROLE_CHANGE_SCRIPT, TEAM_ASSIGNMENT_SCRIPT } from './floors/write-sql.js';
import { FIRST_NAMES } from './seed-sql.js';
import { RANGES, type Actor, type OrgWorld, type RangeName, type RangeUser, type World } from './world.js';

export interface HttpRequest {
  method: 'GET' | 'PUT' | 'POST';
  path: string;
  body?: string;
}

export interface Scenario {
  name: string;
  /** The route as the OpenAPI document names it: absent there means the endpoint does not exist yet. */
  route: { method: 'get' | 'put' | 'post'; path: string };
  expectStatus: number;
  org: 'org' | 'large';
  as: 'owner' | 'manager';
  /**
   * The i-th request of the scenario; i keeps counting across runs, so rotations never repeat a no-op.
   * `peer` rotates over the peers' own members instead of Roster's (for the hand-written peer).
   */
  request(i: number, world: World, range?: RangeUser): HttpRequest;
  floorScript: string;
  /**
   * How PostgreSQL plans most of Roster's statements for this request, which the floors copy (unless
   * --plan-cache says otherwise): `auto` when they are prepared queries (named statements, which may
   * switch to a generic plan), `custom` when they are unnamed and planned with their values every time.
   */
  rosterPlans: 'custom' | 'auto';
  floorVars(world: World): Record<string, string>;
  /** SQL (with $1 = org id …) that undoes what earlier floor runs did, before each floor run. */
  floorReset?: { sql: string; params(world: World): string[] };
  /** Each successful request queues one email. */
  sendsEmail?: boolean;
}

const ORG_PATH = '/api/0/organizations/{organization_id_or_slug}';
const MEMBER_PATH = `${ORG_PATH}/members/{member_id}/`;
export const SEARCH = FIRST_NAMES[0]!.toLowerCase();
const NOW = new Date('2030-01-01T00:00:00Z').toISOString();

export function orgOf(scenario: Scenario, world: World): OrgWorld {
  return scenario.org === 'org' ? world.org : world.large;
}

export function actorOf(scenario: Scenario, world: World): Actor {
  return orgOf(scenario, world)[scenario.as];
}

function baseVars(org: OrgWorld, actor: Actor): Record<string, string> {
  return {
    org: org.id,
    slug: org.slug,
    teams: String(org.teams),
    token_hash: actor.tokenHash,
    // Tokens never expire here; any instant does for the expiry comparison.
    now: NOW,
    user_id: actor.userId,
    req_member: actor.memberId,
    actor: actor.label,
  };
}

function floorRange(world: World, name: RangeName): Record<string, string> {
  const [from, to] = RANGES[name].floor;
  return { lo: world.org.memberIds[from]!, hi: world.org.memberIds[to - 1]! };
}

/** Member position and pass number of the i-th request rotating over a range. */
export function rotate(i: number, name: RangeName, range: RangeUser = 'http'): { position: number; pass: number } {
  const ranges = RANGES[name];
  if (range === 'peer' && !('peer' in ranges)) throw new Error(`${name} has no peer range`);
  const [from, to] = range === 'peer' && 'peer' in ranges ? ranges.peer : ranges.http;
  const size = to - from;
  return { position: from + (i % size), pass: Math.floor(i / size) };
}

function memberList(large: boolean, query: boolean, deep: boolean): Scenario {
  const name = `member-list${large ? '-1m' : ''}-${deep ? 'deep' : 'page1'}${query ? '-query' : ''}`;
  return {
    name,
    route: { method: 'get', path: `${ORG_PATH}/members/` },
    expectStatus: 200,
    org: large ? 'large' : 'org',
    as: 'manager',
    request(_i, world) {
      const org = large ? world.large : world.org;
      const params = new URLSearchParams({ per_page: '100' });
      if (query) params.set('query', SEARCH);
      if (deep) params.set('cursor', `${org.deepAfterId}:0:0`);
      return { method: 'GET', path: `/api/0/organizations/${org.slug}/members/?${params}` };
    },
    floorScript: memberListScript({ query, deep }),
    // The page itself is built per request (its filters vary), so it is planned with its values.
    rosterPlans: 'custom',
    floorVars(world) {
      const org = large ? world.large : world.org;
      return {
        ...baseVars(org, org.manager),
        pattern: `%${SEARCH}%`,
        after: org.deepAfterId,
        iso_format: ISO_TIMESTAMP_FORMAT,
        flags_format: FLAGS_JSON_FORMAT,
      };
    },
  };
}

const memberVars = (world: World) => baseVars(world.org, world.org.owner);

/** Team offsets a member can be added to: not 0 and not teams/2, the two it was seeded on. */
function addableOffsets(teams: number): number[] {
  return Array.from({ length: teams - 1 }, (_, n) => n + 1).filter((offset) => offset !== teams / 2);
}

/**
 * The member position and team index of the i-th add-to-team request: member n was seeded on teams n
 * and n + T/2 (mod T); each pass adds it to the next other team.
 */
export function teamToAdd(i: number, teams: number, range: RangeUser = 'http'): { position: number; team: number } {
  const { position, pass } = rotate(i, 'addToTeam', range);
  const offsets = addableOffsets(teams);
  return { position, team: (position + offsets[pass % offsets.length]!) % teams };
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'auth-overhead',
    route: { method: 'get', path: MEMBER_PATH },
    expectStatus: 200,
    org: 'org',
    as: 'manager',
    request: (_i, world) => ({ method: 'GET', path: `/api/0/organizations/${world.org.slug}/members/me/` }),
    floorScript: ME_SCRIPT,
    // Token, organization context, member and teams: all prepared.
    rosterPlans: 'auto',
    floorVars: (world) => baseVars(world.org, world.org.manager),
  },
  ...[false, true].flatMap((large) =>
    [false, true].flatMap((query) => [false, true].map((deep) => memberList(large, query, deep))),
  ),
  {
    name: 'role-change',
    route: { method: 'put', path: MEMBER_PATH },
    expectStatus: 200,
    org: 'org',
    as: 'owner',
    request(i, world, range) {
      // Everyone starts as a member: even passes promote to manager, odd passes demote again.
      const { position, pass } = rotate(i, 'roleChange', range);
      const orgRole = pass % 2 === 0 ? 'manager' : 'member';
      return { method: 'PUT', path: `/api/0/organizations/${world.org.slug}/members/${world.org.memberIds[position]}/`, body: JSON.stringify({ orgRole }) };
    },
    floorScript: ROLE_CHANGE_SCRIPT,
    // Every statement but BEGIN/COMMIT is a prepared query.
    rosterPlans: 'auto',
    floorVars: (world) => ({ ...memberVars(world), ...floorRange(world, 'roleChange') }),
  },
  {
    name: 'team-assignment',
    route: { method: 'put', path: MEMBER_PATH },
    expectStatus: 200,
    org: 'org',
    as: 'owner',
    request(i, world) {
      // Three consecutive teams, shifted by three on every pass: always a different set than before.
      const { position, pass } = rotate(i, 'teamAssignment');
      const teams = world.org.teams;
      const first = (position + 3 * pass) % teams;
      const teamRoles = [0, 1, 2].map((n) => ({ teamSlug: `team-${(first + n) % teams}`, role: n === 0 ? 'admin' : null }));
      return { method: 'PUT', path: `/api/0/organizations/${world.org.slug}/members/${world.org.memberIds[position]}/`, body: JSON.stringify({ teamRoles }) };
    },
    floorScript: TEAM_ASSIGNMENT_SCRIPT,
    // All prepared but the upsert and the audit entries (multi-row, built per request).
    rosterPlans: 'auto',
    floorVars: (world) => ({ ...memberVars(world), ...floorRange(world, 'teamAssignment') }),
  },
  {
    name: 'add-to-team',
    route: { method: 'post', path: `${MEMBER_PATH}teams/{team_id_or_slug}/` },
    expectStatus: 201,
    org: 'org',
    as: 'owner',
    request(i, world, range) {
      const { position, team } = teamToAdd(i, world.org.teams, range);
      return { method: 'POST', path: `/api/0/organizations/${world.org.slug}/members/${world.org.memberIds[position]}/teams/team-${team}/` };
    },
    floorScript: ADD_TO_TEAM_SCRIPT,
    // Its membership, team and answer queries are built per request.
    rosterPlans: 'custom',
    floorVars: (world) => ({ ...memberVars(world), ...floorRange(world, 'addToTeam') }),
    floorReset: {
      sql: ADD_TO_TEAM_RESET,
      params: (world) => [world.org.id, floorRange(world, 'addToTeam').lo!, floorRange(world, 'addToTeam').hi!, world.org.maxSeedMemberTeamId],
    },
  },
  {
    name: 'invite',
    route: { method: 'post', path: `${ORG_PATH}/members/` },
    expectStatus: 201,
    org: 'org',
    as: 'owner',
    request(i, world) {
      const body = { email: `invite-${world.runId}-${i}@example.org`, orgRole: 'member', teamRoles: [{ teamSlug: `team-${i % world.org.teams}`, role: null }] };
      return { method: 'POST', path: `/api/0/organizations/${world.org.slug}/members/`, body: JSON.stringify(body) };
    },
    floorScript: INVITE_SCRIPT,
    // Built per request (the "already a member?" check must not get a generic plan).
    rosterPlans: 'custom',
    floorVars: memberVars,
    sendsEmail: true,
  },
];
