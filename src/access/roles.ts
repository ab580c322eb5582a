/**
 * Sentry's organization and team roles, as data (sentry-behavior.md §3.2–3.3). Priority is the
 * position in the list; every rule about roles is a pure function in access.ts over these tables.
 */

export const ALL_SCOPES = [
  'org:read', 'org:write', 'org:admin', 'org:integrations', 'org:ci',
  'member:invite', 'member:read', 'member:write', 'member:admin',
  'team:read', 'team:write', 'team:admin',
  'project:read', 'project:write', 'project:admin', 'project:releases',
  'event:read', 'event:write', 'event:admin',
  'alerts:read', 'alerts:write',
  'org:billing',
] as const;
export type Scope = (typeof ALL_SCOPES)[number];

export const ORG_ROLE_IDS = ['billing', 'member', 'admin', 'manager', 'owner'] as const;
export type OrgRoleId = (typeof ORG_ROLE_IDS)[number];
export const TEAM_ROLE_IDS = ['contributor', 'admin'] as const;
export type TeamRoleId = (typeof TEAM_ROLE_IDS)[number];

export interface TeamRole {
  id: TeamRoleId;
  priority: number;
  name: string;
  desc: string;
  /** The org role whose minimum team role this is (Sentry's `is_minimum_role_for`). */
  isMinimumRoleFor: OrgRoleId | null;
  scopes: readonly Scope[];
}

export interface OrgRole {
  id: OrgRoleId;
  priority: number;
  name: string;
  desc: string;
  isGlobal: boolean;
  isRetired: boolean;
  isTeamRolesAllowed: boolean;
  scopes: readonly Scope[];
}

export const TEAM_ROLES: readonly TeamRole[] = [
  {
    id: 'contributor',
    priority: 0,
    name: 'Contributor',
    desc: "Contributors can view and act on events, as well as view most other data within the team's projects.",
    isMinimumRoleFor: null,
    scopes: ['event:read', 'event:write', 'project:releases', 'project:read', 'org:read', 'member:read', 'team:read', 'alerts:read'],
  },
  {
    id: 'admin',
    priority: 1,
    name: 'Team Admin',
    desc: "Admin privileges on the team. They can create and remove projects, and can manage the team's memberships.",
    isMinimumRoleFor: 'admin',
    scopes: [
      'event:read', 'event:write', 'event:admin', 'org:read', 'member:read', 'project:read', 'project:write',
      'project:admin', 'project:releases', 'team:read', 'team:write', 'team:admin', 'org:integrations',
      'alerts:read', 'alerts:write',
    ],
  },
];

// Billing is SaaS's lowest role: no team roles, and only assignable with the invite-billing feature.
export const ORG_ROLES: readonly OrgRole[] = [
  {
    id: 'billing',
    priority: 0,
    name: 'Billing',
    desc: 'Can manage payment and compliance details.',
    isGlobal: false,
    isRetired: false,
    isTeamRolesAllowed: false,
    scopes: ['org:billing'],
  },
  {
    id: 'member',
    priority: 1,
    name: 'Member',
    desc: 'Members can view and act on events, as well as view most other data within the organization. By default, they can invite members to the organization unless the organization has disabled this feature.',
    isGlobal: false,
    isRetired: false,
    isTeamRolesAllowed: true,
    scopes: [
      'event:read', 'event:write', 'event:admin', 'project:releases', 'project:read', 'org:read', 'member:invite',
      'member:read', 'team:read', 'alerts:read', 'alerts:write',
    ],
  },
  {
    id: 'admin',
    priority: 2,
    name: 'Admin',
    desc: "Admin privileges on any teams of which they're a member. They can create new teams and projects, as well as remove teams and projects on which they already hold membership (or all teams, if open membership is enabled). Additionally, they can manage memberships of teams that they are members of. By default, they can invite members to the organization unless the organization has disabled this feature.",
    isGlobal: false,
    isRetired: true,
    isTeamRolesAllowed: true,
    scopes: [
      'event:read', 'event:write', 'event:admin', 'org:read', 'member:read', 'member:invite', 'project:read',
      'project:write', 'project:admin', 'project:releases', 'team:read', 'team:write', 'team:admin',
      'org:integrations', 'alerts:read', 'alerts:write',
    ],
  },
  {
    id: 'manager',
    priority: 3,
    name: 'Manager',
    desc: 'Gains admin access on all teams as well as the ability to add and remove members.',
    isGlobal: true,
    isRetired: false,
    isTeamRolesAllowed: true,
    scopes: [
      'event:read', 'event:write', 'event:admin', 'member:invite', 'member:read', 'member:write', 'member:admin',
      'project:read', 'project:write', 'project:admin', 'project:releases', 'team:read', 'team:write',
      'team:admin', 'org:read', 'org:write', 'org:integrations', 'alerts:read', 'alerts:write',
    ],
  },
  {
    id: 'owner',
    priority: 4,
    name: 'Owner',
    desc: 'Unrestricted access to the organization, its data, and its settings. Can add, modify, and delete projects and members, as well as make billing and plan changes.',
    isGlobal: true,
    isRetired: false,
    isTeamRolesAllowed: true,
    scopes: [
      'org:read', 'org:write', 'org:admin', 'org:integrations', 'member:invite', 'member:read', 'member:write',
      'member:admin', 'team:read', 'team:write', 'team:admin', 'project:read', 'project:write', 'project:admin',
      'project:releases', 'event:read', 'event:write', 'event:admin', 'alerts:read', 'alerts:write',
    ],
  },
];

export const DEFAULT_ORG_ROLE: OrgRoleId = 'member';
export const TOP_ORG_ROLE: OrgRoleId = 'owner';

const ORG_ROLE_BY_ID = new Map(ORG_ROLES.map((role) => [role.id, role]));
const TEAM_ROLE_BY_ID = new Map(TEAM_ROLES.map((role) => [role.id, role]));

export function isOrgRoleId(value: unknown): value is OrgRoleId {
  return typeof value === 'string' && ORG_ROLE_BY_ID.has(value as OrgRoleId);
}

export function isTeamRoleId(value: unknown): value is TeamRoleId {
  return typeof value === 'string' && TEAM_ROLE_BY_ID.has(value as TeamRoleId);
}

export function orgRole(id: string): OrgRole {
  const role = ORG_ROLE_BY_ID.get(id as OrgRoleId);
  if (!role) throw new Error(`unknown org role "${id}"`);
  return role;
}

export function teamRole(id: string): TeamRole {
  const role = TEAM_ROLE_BY_ID.get(id as TeamRoleId);
  if (!role) throw new Error(`unknown team role "${id}"`);
  return role;
}
