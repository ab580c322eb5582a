import { computeAccess, DEFAULT_SCOPE_OPTIONS, expandTokenScopes, type Access } from '../../src/access/access.js';
import { ALL_SCOPES, ORG_ROLES, type OrgRoleId, type Scope } from '../../src/access/roles.js';
import type { Harness } from '../helpers/harness.js';
import type { ForeignOrg, HomeOrg, Superuser, TeamSlug, WorldMember } from './world.js';

/**
 * Every kind of requester the matrix tries (issue 5). `admin` is the retired role, seeded directly.
 * `superuser-narrow` is the superuser with a `member:read` token (issue 13 item 1): its token, not
 * its superuser flag, bounds what it may do.
 */
export const REQUESTER_KINDS = ['owner', 'manager', 'admin', 'member', 'billing', 'scopeless', 'superuser', 'superuser-narrow', 'outsider', 'anonymous'] as const;
export const NARROW_TOKEN_SCOPES: readonly Scope[] = ['member:read'];
export type RequesterKind = (typeof REQUESTER_KINDS)[number];

export interface Requester {
  kind: RequesterKind;
  /** Null for `anonymous`. */
  userId: string | null;
  email: string | null;
  token: string | null;
  isSuperuser: boolean;
  /** The requester's membership of the home organization. */
  member: WorldMember | null;
  /** Its access to the home organization, computed by the rules in src/access/access.ts. */
  access: Access;
  /** The scopes of the token it uses. */
  tokenScopes: readonly Scope[] | null;
}

/**
 * The scopes a token must lack so that it holds none of `needed`: every scope whose expansion
 * (`*:admin` brings `*:write` and `*:read`, …) would give one of them back is left out.
 */
export function scopesLacking(needed: readonly Scope[]): Scope[] {
  return ALL_SCOPES.filter((scope) => !expandTokenScopes([scope]).some((granted) => needed.includes(granted)));
}

export interface World {
  h: Harness;
  home: HomeOrg;
  foreign: ForeignOrg;
  superuser: Superuser;
}

export function accessInHome(world: World, member: WorldMember | null, isSuperuser: boolean, tokenScopes: readonly Scope[] | null): Access {
  const memberships = member
    ? Object.entries(member.teams).map(([slug, role]) => ({ teamId: world.home.teams[slug as TeamSlug], role: role ?? null }))
    : [];
  return computeAccess({
    orgRoleId: member?.role ?? null,
    tokenScopes,
    isSuperuser,
    openMembership: world.home.openMembership,
    teamRolesEnabled: true,
    options: DEFAULT_SCOPE_OPTIONS,
    memberships,
  });
}

/**
 * The requester of a kind. `scopeless` is the owner's account with a new token that lacks every
 * scope the endpoint accepts (`needed`), so only its token can be the reason for a refusal.
 */
export async function requesterOf(world: World, kind: RequesterKind, needed: readonly Scope[]): Promise<Requester> {
  const { home, foreign, superuser } = world;
  if (kind === 'anonymous') {
    return { kind, userId: null, email: null, token: null, isSuperuser: false, member: null, access: accessInHome(world, null, false, []), tokenScopes: null };
  }
  if (kind === 'superuser') {
    return { kind, ...superuser, isSuperuser: true, member: null, access: accessInHome(world, null, true, ALL_SCOPES), tokenScopes: ALL_SCOPES };
  }
  if (kind === 'superuser-narrow') {
    const token = (await world.h.services.tokens.create(superuser.userId, NARROW_TOKEN_SCOPES)).token;
    return { kind, ...superuser, token, isSuperuser: true, member: null, access: accessInHome(world, null, true, NARROW_TOKEN_SCOPES), tokenScopes: NARROW_TOKEN_SCOPES };
  }
  if (kind === 'outsider') {
    return { kind, ...foreign.outsider, isSuperuser: false, member: null, access: accessInHome(world, null, false, ALL_SCOPES), tokenScopes: ALL_SCOPES };
  }
  const member = home.members[kind === 'scopeless' ? 'owner1' : `${kind}1`]!;
  const tokenScopes = kind === 'scopeless' ? scopesLacking(needed) : ALL_SCOPES;
  const token = kind === 'scopeless' ? (await world.h.services.tokens.create(member.userId!, tokenScopes)).token : member.token;
  return {
    kind,
    userId: member.userId,
    email: member.email,
    token,
    isSuperuser: false,
    member,
    access: accessInHome(world, member, false, tokenScopes),
    tokenScopes,
  };
}

const priority = (role: OrgRoleId) => ORG_ROLES.findIndex((candidate) => candidate.id === role);

/** The org role just above (+1) or below (-1) a role, or null at either end. */
export function neighbourRole(role: OrgRoleId, step: 1 | -1): OrgRoleId | null {
  return ORG_ROLES[priority(role) + step]?.id ?? null;
}
