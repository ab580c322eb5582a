import { INVITE_SCOPES, inviteRoleProblem, mayInvite } from '../../src/invites/invite-rules.js';
import { MEMBER_EDIT_SCOPES } from '../../src/members/member-edit.service.js';
import { MEMBER_READ_SCOPES } from '../../src/members/members.service.js';
import {
  allowedOrgRoles,
  canApproveTeamAccess,
  canManageMemberRole,
  canManageOrgRole,
  DEFAULT_SCOPE_OPTIONS,
  hasScope,
  isMemberLevel,
} from '../../src/access/access.js';
import { orgRole, type OrgRoleId, type Scope } from '../../src/access/roles.js';
import { neighbourRole } from './requesters.js';
import { freshEmail, freshSlug, memberTarget, MEMBER_TARGETS, orgGate, orgSlugOf, ORG_TARGETS, type Cell, type EndpointSpec } from './cells.js';

/**
 * Organization, member, audit and access-request routes. Each `expect` walks the route's checks in
 * the order the spec gives (sentry-behavior.md §5, decisions.md), answering each one with the pure
 * rules of src/access/access.ts and src/invites/invite-rules.ts over the world's data.
 */

const ORG_READ: readonly Scope[] = ['org:read', 'org:write', 'org:admin'];
const ORG_WRITE: readonly Scope[] = ['org:write', 'org:admin'];
const TEAM_CREATE: readonly Scope[] = ['org:write', 'org:admin', 'team:write'];
// Sentry's AccessRequestPermission.
const ACCESS_REQUEST_GET: readonly Scope[] = ['org:read', 'org:write', 'org:admin', 'team:read', 'team:write', 'team:admin', 'member:read', 'member:write', 'member:admin'];
const ACCESS_REQUEST_PUT: readonly Scope[] = ['org:read', 'org:write', 'org:admin', 'team:write', 'team:admin', 'member:write', 'member:admin'];

const org = (cell: Cell) => ({ organization_id_or_slug: orgSlugOf(cell) });
const home = (cell: Cell) => ({ organization_id_or_slug: cell.world.home.slug });
const opts = DEFAULT_SCOPE_OPTIONS;

/** A plain organization route: the gate, then success. */
function orgRoute(method: EndpointSpec['method'], path: string, needed: readonly Scope[], success: number, body?: () => unknown): EndpointSpec {
  return {
    method,
    path,
    needed,
    targets: ORG_TARGETS,
    foreignOrgPath: true,
    build: (cell) => ({ params: org(cell), ...(body ? { body: body() } : {}) }),
    expect: (cell) => orgGate(cell, needed, cell.target === 'foreign') ?? success,
  };
}

/** The role an invite asks for: the target's role relative to the requester's (superior, peer, inferior). */
function inviteRole(cell: Cell): OrgRoleId | null {
  const role = cell.requester.member?.role ?? null;
  switch (cell.target) {
    case 'superior':
      return role ? neighbourRole(role, 1) : 'owner';
    case 'inferior':
      return role ? neighbourRole(role, -1) : 'billing';
    case 'peer':
      return role ?? 'member';
    default:
      return 'member';
  }
}

function inviteEmail(cell: Cell): string {
  if (cell.target === 'self') return cell.requester.email ?? freshEmail();
  if (cell.target === 'pending') return cell.world.home.members.invitee!.email;
  return freshEmail();
}

const invite: EndpointSpec = {
  method: 'POST',
  path: '/api/0/organizations/{organization_id_or_slug}/members/',
  needed: INVITE_SCOPES,
  targets: MEMBER_TARGETS,
  foreignOrgPath: true,
  applies: (cell) => inviteRole(cell) !== null,
  build: (cell) => ({ params: org(cell), body: { email: inviteEmail(cell), orgRole: inviteRole(cell) } }),
  expect(cell) {
    const gate = orgGate(cell, INVITE_SCOPES, cell.target === 'foreign');
    if (gate) return gate;
    const { access, member } = cell.requester;
    if (!mayInvite(access, false)) return 403;
    // §5.2 step 4: an address the organization has (a member, or a pending invite) is a field error.
    const known = (cell.target === 'self' && member !== null) || cell.target === 'pending';
    const roleProblem = inviteRoleProblem(inviteRole(cell)!, allowedOrgRoles(access, opts, true), { inviteBilling: false, teamRoles: true });
    return known || roleProblem ? 400 : 201;
  },
};

function memberRoute(method: 'GET' | 'DELETE', expectFound: (cell: Cell) => number): EndpointSpec {
  return {
    method,
    path: '/api/0/organizations/{organization_id_or_slug}/members/{member_id}/',
    needed: MEMBER_READ_SCOPES,
    targets: MEMBER_TARGETS,
    applies: (cell) => memberTarget(cell, cell.target) !== null,
    build: (cell) => ({ params: { ...home(cell), member_id: memberTarget(cell, cell.target)!.param } }),
    expect(cell) {
      const gate = orgGate(cell, MEMBER_READ_SCOPES);
      if (gate) return gate;
      return memberTarget(cell, cell.target)!.member ? expectFound(cell) : 404;
    },
  };
}

/** §5.5 step 1 (all 400s) then steps 2–4 (never reached: the world keeps two owners and two managers). */
function removalStatus(cell: Cell): number {
  const { access, member: self, isSuperuser, userId } = cell.requester;
  const target = memberTarget(cell, cell.target)!.member!;
  if (isSuperuser) return hasScope(access, 'member:admin') ? 204 : 400;
  if (target.userId !== null && target.userId === userId) return 204;
  if (!hasScope(access, 'member:admin')) {
    if (!hasScope(access, 'member:invite') || target.userId !== null) return 400;
    return target.inviterKey !== null && cell.world.home.members[target.inviterKey]!.userId === userId ? 204 : 400;
  }
  return canManageOrgRole(self!.role, target.role) ? 204 : 400;
}

type PutVariant = 'role' | 'teams' | 'reinvite';
const PUT_BODIES: Record<PutVariant, unknown> = { role: { orgRole: 'member' }, teams: { teams: ['gamma'] }, reinvite: { reinvite: true } };

/** §5.4 with decisions.md fixes 3–4: validation, the member-level rule, then the variant's own checks. */
function updateStatus(cell: Cell, variant: PutVariant): number {
  const { access, userId } = cell.requester;
  const target = memberTarget(cell, cell.target)!.member!;
  const allowed: readonly string[] = allowedOrgRoles(access, opts);
  if (variant === 'role' && !allowed.includes('member')) return 400;
  if (isMemberLevel(access)) {
    if (!(target.userId === null && variant === 'reinvite')) return 403;
    const inviter = target.inviterKey ? cell.world.home.members[target.inviterKey]!.userId : null;
    if (inviter !== userId) return 403;
  }
  if (variant === 'reinvite') return target.userId === null ? 200 : 400;
  if (variant === 'teams') {
    if (!orgRole(target.role).isTeamRolesAllowed) return 400;
    return canManageMemberRole(access, opts, target.role) ? 200 : 403;
  }
  if (target.role === 'member') return 200;
  if (!allowed.includes(target.role)) return 403;
  return target.userId !== null && target.userId === userId ? 400 : 200;
}

function memberUpdate(variant: PutVariant): EndpointSpec {
  return {
    method: 'PUT',
    path: '/api/0/organizations/{organization_id_or_slug}/members/{member_id}/',
    variant,
    needed: MEMBER_EDIT_SCOPES,
    targets: MEMBER_TARGETS,
    applies: (cell) => memberTarget(cell, cell.target) !== null,
    build: (cell) => ({ params: { ...home(cell), member_id: memberTarget(cell, cell.target)!.param }, body: PUT_BODIES[variant] }),
    expect(cell) {
      const gate = orgGate(cell, MEMBER_EDIT_SCOPES);
      if (gate) return gate;
      return memberTarget(cell, cell.target)!.member ? updateStatus(cell, variant) : 404;
    },
  };
}

const accessRequestAnswer: EndpointSpec = {
  method: 'PUT',
  path: '/api/0/organizations/{organization_id_or_slug}/access-requests/{request_id}/',
  needed: ACCESS_REQUEST_PUT,
  targets: ['home', 'foreign'],
  build: (cell) => ({
    params: { ...home(cell), request_id: cell.target === 'foreign' ? cell.world.foreign.accessRequestId : cell.world.home.accessRequestId },
    body: { isApproved: false },
  }),
  expect(cell) {
    const gate = orgGate(cell, ACCESS_REQUEST_PUT);
    if (gate) return gate;
    if (cell.target === 'foreign') return 404;
    return canApproveTeamAccess(cell.requester.access, cell.world.home.teams.alpha, opts) ? 204 : 403;
  },
};

export const ORG_ENDPOINTS: EndpointSpec[] = [
  {
    method: 'GET',
    path: '/api/0/organizations/',
    needed: [],
    targets: ['none'],
    build: () => ({ params: {} }),
    expect: (cell) => (cell.requester.kind === 'anonymous' ? 401 : 200),
  },
  {
    // Open in the spec; the code's rule: any signed-in user may create an organization (no scope).
    method: 'POST',
    path: '/api/0/organizations/',
    needed: [],
    targets: ['none'],
    keepsWorld: true,
    build: () => ({ params: {}, body: { name: `Made ${freshSlug()}` } }),
    expect: (cell) => (cell.requester.kind === 'anonymous' ? 401 : 201),
  },
  orgRoute('GET', '/api/0/organizations/{organization_id_or_slug}/', ORG_READ, 200),
  orgRoute('PUT', '/api/0/organizations/{organization_id_or_slug}/', ORG_WRITE, 200, () => ({ name: 'Renamed' })),
  orgRoute('DELETE', '/api/0/organizations/{organization_id_or_slug}/', ['org:admin'], 202),
  orgRoute('GET', '/api/0/organizations/{organization_id_or_slug}/members/', MEMBER_READ_SCOPES, 200),
  invite,
  memberRoute('GET', () => 200),
  memberUpdate('role'),
  memberUpdate('teams'),
  memberUpdate('reinvite'),
  memberRoute('DELETE', removalStatus),
  orgRoute('GET', '/api/0/organizations/{organization_id_or_slug}/audit-logs/', ['org:write'], 200),
  orgRoute('GET', '/api/0/organizations/{organization_id_or_slug}/access-requests/', ACCESS_REQUEST_GET, 200),
  accessRequestAnswer,
  orgRoute('GET', '/api/0/organizations/{organization_id_or_slug}/teams/', ORG_READ, 200),
  orgRoute('POST', '/api/0/organizations/{organization_id_or_slug}/teams/', TEAM_CREATE, 201, () => ({ slug: freshSlug() })),
  orgRoute('GET', '/api/0/organizations/{organization_id_or_slug}/user-teams/', ORG_READ, 200),
];
