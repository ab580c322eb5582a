import { canAdminTeam, canSetTeamRole, DEFAULT_SCOPE_OPTIONS, hasTeamScope, superuserAdminsTeams } from '../../src/access/access.js';
import { minimumTeamRole } from '../../src/access/team-roles.js';
import { orgRole, type Scope } from '../../src/access/roles.js';
import { TEAM_SCOPES } from '../../src/teams/team-context.js';
import { memberTarget, MEMBER_TEAM_TARGETS, orgGate, teamTarget, tokenAllows, TEAM_TARGETS, type Cell, type EndpointSpec } from './cells.js';
import type { TeamSlug, WorldMember } from './world.js';

/**
 * Team routes (`/teams/{org}/{team}/…`, checked with `has_team_scope` on the team, §3.7) and the
 * member ↔ team routes (§5.6 with decisions.md fix 7 and its clarification).
 */

const opts = DEFAULT_SCOPE_OPTIONS;

// Sentry's OrganizationTeamMemberPermission (§5.6).
const MEMBER_TEAM_SCOPES = {
  GET: ['org:read', 'org:write', 'org:admin', 'member:read', 'member:write', 'member:admin'],
  POST: ['org:read', 'org:write', 'team:write'],
  PUT: ['org:read', 'org:write', 'org:admin', 'member:read', 'member:write', 'member:admin', 'team:admin', 'team:write'],
  DELETE: ['org:read', 'org:write', 'org:admin', 'team:admin'],
} as const satisfies Record<string, readonly Scope[]>;

function teamRoute(method: EndpointSpec['method'], path: string, scopes: readonly Scope[], success: number, body?: unknown): EndpointSpec {
  return {
    method,
    path,
    needed: scopes,
    targets: TEAM_TARGETS,
    build: (cell) => ({
      params: { organization_id_or_slug: cell.world.home.slug, team_id_or_slug: teamTarget(cell, cell.target).param },
      ...(body ? { body } : {}),
    }),
    expect(cell) {
      const gate = orgGate(cell);
      if (gate) return gate;
      const team = teamTarget(cell, cell.target);
      if (!team.slug) return 404;
      return tokenAllows(cell, scopes) && scopes.some((scope) => hasTeamScope(cell.requester.access, team.id, scope, opts)) ? success : 403;
    },
  };
}

/**
 * The team of a member ↔ team cell: POST adds the target to beta (which every requester is on and
 * no target is), or the requester itself to gamma (which nobody is on); the other methods act on
 * alpha (everyone but billing members and the joiner is on it). `foreign-team`: another organization's team.
 */
function memberTeamTeam(cell: Cell, method: string): { param: string; slug: TeamSlug | null } {
  if (cell.target === 'foreign-team') return { param: cell.world.foreign.teamSlug, slug: null };
  const slug: TeamSlug = method !== 'POST' ? 'alpha' : cell.target === 'self' ? 'gamma' : 'beta';
  return { param: slug, slug };
}

function memberTeamStatus(cell: Cell, method: keyof typeof MEMBER_TEAM_SCOPES, target: WorldMember, slug: TeamSlug): number {
  const { access, member: self, userId } = cell.requester;
  const teamId = cell.world.home.teams[slug];
  const stored = target.teams[slug];
  const onTeam = stored !== undefined;
  switch (method) {
    case 'GET':
      return onTeam ? 200 : 404;
    case 'POST':
      if (!orgRole(target.role).isTeamRolesAllowed) return 403;
      if (onTeam) return 204;
      return access.hasGlobalAccess || canAdminTeam(access, teamId, opts) ? 201 : 202;
    case 'PUT': {
      if (!onTeam) return 404;
      const oldRole = stored ?? minimumTeamRole(target.role).id;
      return (['admin', oldRole] as const).every((role) => canSetTeamRole(access, teamId, role, opts)) ? 200 : 400;
    }
    case 'DELETE': {
      // §5.6: the requester's org role, not its token, decides "owner or manager" (the code's why-comment).
      const allowed =
        superuserAdminsTeams(access) ||
        target.userId === userId ||
        (self !== null && orgRole(self.role).scopes.includes('org:write')) ||
        canAdminTeam(access, teamId, opts);
      return allowed ? 200 : 400;
    }
  }
}

function memberTeamRoute(method: keyof typeof MEMBER_TEAM_SCOPES): EndpointSpec {
  const scopes = MEMBER_TEAM_SCOPES[method];
  return {
    method,
    path: '/api/0/organizations/{organization_id_or_slug}/members/{member_id}/teams/{team_id_or_slug}/',
    needed: scopes,
    targets: MEMBER_TEAM_TARGETS,
    applies: (cell) => memberTarget(cell, cell.target) !== null,
    build: (cell) => ({
      params: {
        organization_id_or_slug: cell.world.home.slug,
        member_id: memberTarget(cell, cell.target)!.param,
        team_id_or_slug: memberTeamTeam(cell, method).param,
      },
      ...(method === 'PUT' ? { body: { teamRole: 'admin' } } : {}),
    }),
    expect(cell) {
      const gate = orgGate(cell, scopes);
      if (gate) return gate;
      const target = memberTarget(cell, cell.target)!.member;
      const team = memberTeamTeam(cell, method);
      if (!target || !team.slug) return 404;
      return memberTeamStatus(cell, method, target, team.slug);
    },
  };
}

export const TEAM_ENDPOINTS: EndpointSpec[] = [
  teamRoute('GET', '/api/0/teams/{organization_id_or_slug}/{team_id_or_slug}/', TEAM_SCOPES.read, 200),
  teamRoute('PUT', '/api/0/teams/{organization_id_or_slug}/{team_id_or_slug}/', TEAM_SCOPES.write, 200, { name: 'Renamed team' }),
  teamRoute('DELETE', '/api/0/teams/{organization_id_or_slug}/{team_id_or_slug}/', TEAM_SCOPES.admin, 204),
  teamRoute('GET', '/api/0/teams/{organization_id_or_slug}/{team_id_or_slug}/members/', TEAM_SCOPES.read, 200),
  memberTeamRoute('GET'),
  memberTeamRoute('POST'),
  memberTeamRoute('PUT'),
  memberTeamRoute('DELETE'),
];
