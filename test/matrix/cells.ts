import { hasAnyScope } from '../../src/access/access.js';
import type { Scope } from '../../src/access/roles.js';
import { neighbourRole, type Requester, type World } from './requesters.js';
import type { TeamSlug, WorldMember } from './world.js';

/**
 * What a matrix cell is: one endpoint (a route, sometimes in one of several body variants), one
 * requester, one target. Targets are relative to the requester: see `memberTarget`.
 */

export const MEMBER_TARGETS = ['superior', 'peer', 'inferior', 'self', 'pending', 'foreign'] as const;
export type MemberTargetKind = (typeof MEMBER_TARGETS)[number];
export const TEAM_TARGETS = ['admin-team', 'own-team', 'other-team', 'foreign'] as const;
export const ORG_TARGETS = ['home', 'foreign'] as const;
export const MEMBER_TEAM_TARGETS = [...MEMBER_TARGETS, 'foreign-team'] as const;

export interface Cell {
  world: World;
  requester: Requester;
  target: string;
}

export interface BuiltRequest {
  params: Record<string, string>;
  query?: string;
  body?: unknown;
}

export interface EndpointSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The OpenAPI path, `{param}` style. */
  path: string;
  /** A body variant of the route (`role`, `teams`, …), when it has several. */
  variant?: string;
  /** The scopes the endpoint accepts: the `scopeless` requester's token has none of them. */
  needed: readonly Scope[];
  targets: readonly string[];
  /** False for cells that cannot exist (an owner has no superior); a reason is in the comment. */
  applies?(cell: Cell): boolean;
  build(cell: Cell): Promise<BuiltRequest> | BuiltRequest;
  /** The status the role rules give this cell. */
  expect(cell: Cell): number;
  /** A success that leaves the world as it was (a new token, a new organization): no rebuild after it. */
  keepsWorld?: boolean;
  /** The `foreign` target puts another organization in the path (else it is another organization's id in the home one). */
  foreignOrgPath?: boolean;
}

/**
 * Cells that cannot exist or would not test isolation: addressing the other organization in the path
 * as its own owner (the outsider), or writing to it as a superuser with every scope (who may, by
 * design; the superuser with a narrow token does try, and must be refused).
 */
export function cellApplies(spec: EndpointSpec, cell: Cell): boolean {
  if (spec.foreignOrgPath && cell.target === 'foreign') {
    if (cell.requester.kind === 'outsider') return false;
    if (cell.requester.kind === 'superuser' && spec.method !== 'GET') return false;
  }
  return spec.applies ? spec.applies(cell) : true;
}

/** The member a member target names, from the requester's point of view. */
export interface MemberTarget {
  /** The path segment: an id, or `me`. */
  param: string;
  /** The home member it is, or null (another organization's member, or `me` of a non-member). */
  member: WorldMember | null;
}

/**
 * superior / peer / inferior: the target member (`R2`) one role above, of, or one role below the
 * requester's role; for requesters without a role in the home organization (superuser, outsider,
 * anonymous), the owner, a member and a billing member. self: its own membership, or `me` for a
 * non-member. pending: the home organization's pending invite. foreign: another organization's member.
 */
export function memberTarget(cell: Cell, kind: string): MemberTarget | null {
  const { home, foreign } = cell.world;
  const role = cell.requester.member?.role ?? null;
  const byRole = (target: string | null) => (target ? { param: home.members[target]!.id, member: home.members[target]! } : null);
  switch (kind) {
    case 'superior':
      return byRole(role ? neighbourRole(role, 1) && `${neighbourRole(role, 1)}2` : 'owner2');
    case 'peer':
      return byRole(role ? `${role}2` : 'member2');
    case 'inferior':
      return byRole(role ? neighbourRole(role, -1) && `${neighbourRole(role, -1)}2` : 'billing2');
    case 'self':
    case 'foreign-team':
      return cell.requester.member ? { param: cell.requester.member.id, member: cell.requester.member } : { param: 'me', member: null };
    case 'pending':
      return byRole('invitee');
    case 'foreign':
      return { param: foreign.memberId, member: null };
    default:
      throw new Error(`unknown member target ${kind}`);
  }
}

/** The team a team target names: alpha (member1 is its team admin), beta (every requester is on it), gamma (nobody is), or another organization's. */
export function teamTarget(cell: Cell, kind: string): { param: string; slug: TeamSlug | null; id: string } {
  const { home, foreign } = cell.world;
  const slug = ({ 'admin-team': 'alpha', 'own-team': 'beta', 'other-team': 'gamma' } as const)[kind as 'admin-team'];
  if (slug) return { param: slug, slug, id: home.teams[slug] };
  return { param: foreign.teamSlug, slug: null, id: foreign.teamId };
}

/** The organization a request names: the home one, or (target `foreign`, on routes with `foreignOrgPath`) another one. */
export function orgSlugOf(cell: Cell): string {
  return cell.target === 'foreign' ? cell.world.foreign.slug : cell.world.home.slug;
}

/**
 * What every organization route checks first (sentry-behavior.md §1.2–1.3, decisions.md): no
 * credentials → 401; not a member and not a superuser → 404 (Roster's deliberate choice, README
 * "Where Roster differs"); none of the route's scopes → 403. Null when the request passes.
 */
export function orgGate(cell: Cell, anyScope?: readonly Scope[], inForeign = false): number | null {
  const { requester } = cell;
  if (requester.kind === 'anonymous') return 401;
  if (!requester.isSuperuser && (inForeign || requester.member === null)) return 404;
  if (anyScope && !(hasAnyScope(requester.access, anyScope) && tokenAllows(cell, anyScope))) return 403;
  return null;
}

/**
 * Whether the requester's token holds one of the scopes, read from the token itself rather than from
 * the computed access: whoever holds a token (a superuser too), its scopes bound what it may do.
 */
export function tokenAllows(cell: Cell, anyScope: readonly Scope[]): boolean {
  const { tokenScopes } = cell.requester;
  return tokenScopes === null || anyScope.some((scope) => tokenScopes.includes(scope));
}

let sequence = 0;
/** A fresh address for invites. */
export const freshEmail = () => `new-${++sequence}-${Math.random().toString(36).slice(2, 7)}@example.com`;
export const freshSlug = () => `t-${++sequence}-${Math.random().toString(36).slice(2, 7)}`;
