import { Type, type Static } from '@sinclair/typebox';
import { ORG_ROLES, TEAM_ROLES, type OrgRole, type TeamRole } from './roles.js';
import { minimumTeamRole } from './team-roles.js';

/** What org and team role objects share, as Sentry serializes them (sentry-behavior.md §6.4). */
const ROLE_FIELDS = {
  id: Type.String(),
  name: Type.String(),
  desc: Type.String(),
  scopes: Type.Array(Type.String()),
  allowed: Type.Boolean(),
  isAllowed: Type.Boolean(),
  isRetired: Type.Boolean(),
  isTeamRolesAllowed: Type.Boolean(),
};

export const OrgRoleSchema = Type.Object({
  ...ROLE_FIELDS,
  is_global: Type.Boolean(),
  isGlobal: Type.Boolean(),
  minimumTeamRole: Type.String(),
});

export const TeamRoleSchema = Type.Object({
  ...ROLE_FIELDS,
  isMinimumRoleFor: Type.Union([Type.String(), Type.Null()]),
});

export function presentOrgRole(role: OrgRole, allowed: boolean, teamRolesEnabled: boolean): Static<typeof OrgRoleSchema> {
  return {
    id: role.id,
    name: role.name,
    desc: role.desc,
    scopes: [...role.scopes],
    allowed,
    isAllowed: allowed,
    isRetired: role.isRetired && teamRolesEnabled,
    isTeamRolesAllowed: role.isTeamRolesAllowed,
    is_global: role.isGlobal,
    isGlobal: role.isGlobal,
    minimumTeamRole: minimumTeamRole(role.id).id,
  };
}

export function presentTeamRole(role: TeamRole): Static<typeof TeamRoleSchema> {
  return {
    id: role.id,
    name: role.name,
    desc: role.desc,
    scopes: [...role.scopes],
    allowed: false,
    isAllowed: false,
    isRetired: false,
    isTeamRolesAllowed: true,
    isMinimumRoleFor: role.isMinimumRoleFor,
  };
}

/** Every org role (billing only where it can be granted) with `isAllowed` from the given set. */
export function presentOrgRoleList(allowed: readonly string[], teamRolesEnabled: boolean, includeBilling = false) {
  return ORG_ROLES.filter((role) => includeBilling || role.id !== 'billing').map((role) =>
    presentOrgRole(role, allowed.includes(role.id), teamRolesEnabled),
  );
}

export function presentTeamRoleList() {
  return TEAM_ROLES.map(presentTeamRole);
}
