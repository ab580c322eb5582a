import {
  ALL_SCOPES,
  ORG_ROLES,
  TEAM_ROLES,
  orgRole,
  teamRole,
  type OrgRole,
  type OrgRoleId,
  type Scope,
  type TeamRole,
  type TeamRoleId,
} from './roles.js';
import { canManageTeamRole, effectiveTeamRole, minimumTeamRole } from './team-roles.js';

/**
 * The rules of who may do what (sentry-behavior.md §3), as pure functions over roles.ts.
 * Nothing here reads the database: callers pass in what they loaded.
 */

/** Organization options that change what the `member` role may do (§3.5). */
export interface ScopeOptions {
  eventsMemberAdmin: boolean;
  alertsMemberWrite: boolean;
}

export const DEFAULT_SCOPE_OPTIONS: ScopeOptions = { eventsMemberAdmin: true, alertsMemberWrite: true };

const WRITE_SCOPES: readonly Scope[] = ['org:write', 'project:write', 'team:write'];

/** A role's scopes after the organization's options: roles without any write scope may lose two. */
export function adjustedScopes(role: OrgRole | TeamRole, options: ScopeOptions): Set<Scope> {
  const scopes = new Set<Scope>(role.scopes);
  if (WRITE_SCOPES.some((scope) => scopes.has(scope))) return scopes;
  if (!options.eventsMemberAdmin) scopes.delete('event:admin');
  if (!options.alertsMemberWrite) scopes.delete('alerts:write');
  return scopes;
}

/** `can_manage`: a role can manage roles at or below its own priority. */
export function canManageOrgRole(managerRole: string, targetRole: string): boolean {
  return orgRole(managerRole).priority >= orgRole(targetRole).priority;
}

/** Org roles a member with this role may invite or assign: those whose scopes are a subset of its own. */
export function rolesGrantableBy(orgRoleId: string, options: ScopeOptions): OrgRoleId[] {
  const own = adjustedScopes(orgRole(orgRoleId), options);
  return ORG_ROLES.filter((role) => [...adjustedScopes(role, options)].every((scope) => own.has(scope))).map(
    (role) => role.id,
  );
}

/** A team membership of the requester, as loaded from member_teams (active teams only). */
export interface TeamMembership {
  teamId: string;
  role: TeamRoleId | null;
}

export interface AccessInput {
  /** The requester's org role, or null when it is not a member of the organization. */
  orgRoleId: string | null;
  /** The scopes of the API token used, or null for a browser session (no cap). */
  tokenScopes: readonly string[] | null;
  isSuperuser: boolean;
  openMembership: boolean;
  teamRolesEnabled: boolean;
  options: ScopeOptions;
  memberships: readonly TeamMembership[];
}

/** What a requester may do in one organization (§3.7). */
export interface Access {
  readonly orgRoleId: OrgRoleId | null;
  readonly isSuperuser: boolean;
  readonly scopes: ReadonlySet<Scope>;
  /** Access to every team: open membership, a global role, or superuser. */
  readonly hasGlobalAccess: boolean;
  /** The requester's effective team role per team id it belongs to. */
  readonly teamRoles: ReadonlyMap<string, TeamRole>;
  readonly tokenScopes: ReadonlySet<string> | null;
}

export function computeAccess(input: AccessInput): Access {
  const tokenScopes = input.tokenScopes ? new Set(input.tokenScopes) : null;
  const capped = (scopes: Iterable<Scope>) =>
    new Set([...scopes].filter((scope) => !tokenScopes || tokenScopes.has(scope)));
  const role = input.orgRoleId ? orgRole(input.orgRoleId) : null;
  // Superuser widens what the person's role gives, never what the token allows: a narrow token of a
  // superuser is exactly as narrow as anyone else's (issue 13 item 1).
  const scopes = input.isSuperuser
    ? capped(ALL_SCOPES)
    : role
      ? capped(adjustedScopes(role, input.options))
      : new Set<Scope>();
  const teamRoles = new Map<string, TeamRole>();
  if (role) {
    for (const membership of input.memberships) {
      teamRoles.set(membership.teamId, effectiveTeamRole(membership.role, role.id, input.teamRolesEnabled));
    }
  }
  return {
    orgRoleId: role?.id ?? null,
    isSuperuser: input.isSuperuser,
    scopes,
    hasGlobalAccess: input.isSuperuser || (role !== null && (input.openMembership || role.isGlobal)),
    teamRoles,
    tokenScopes,
  };
}

export function hasScope(access: Access, scope: Scope): boolean {
  return access.scopes.has(scope);
}

export function hasAnyScope(access: Access, scopes: readonly Scope[]): boolean {
  return scopes.some((scope) => access.scopes.has(scope));
}

export function isTeamMember(access: Access, teamId: string): boolean {
  return access.teamRoles.has(teamId);
}

export function hasTeamAccess(access: Access, teamId: string): boolean {
  return access.hasGlobalAccess || isTeamMember(access, teamId);
}

/** Scopes the requester holds on a team through its team role (capped by its token). */
export function teamScopes(access: Access, teamId: string, options: ScopeOptions): Set<Scope> {
  const role = access.teamRoles.get(teamId);
  if (!role) return new Set();
  const scopes = adjustedScopes(role, options);
  return new Set([...scopes].filter((scope) => !access.tokenScopes || access.tokenScopes.has(scope)));
}

export function hasTeamScope(access: Access, teamId: string, scope: Scope, options: ScopeOptions): boolean {
  if (!hasTeamAccess(access, teamId)) return false;
  return access.scopes.has(scope) || teamScopes(access, teamId, options).has(scope);
}

/** `can_admin_team` [newest]: a member of the team with team:write there, or org:write / member:write. */
export function canAdminTeam(access: Access, teamId: string, options: ScopeOptions): boolean {
  if (!isTeamMember(access, teamId)) return false;
  return (
    teamScopes(access, teamId, options).has('team:write') ||
    access.scopes.has('org:write') ||
    access.scopes.has('member:write')
  );
}

/**
 * A superuser administers every team, as canAdminTeam would for a member of it, but only through a
 * token (or session) holding one of the scopes canAdminTeam asks for.
 */
export function superuserAdminsTeams(access: Access): boolean {
  return access.isSuperuser && hasAnyScope(access, ['team:write', 'org:write', 'member:write']);
}

/** `can_set_team_role`: may the requester give (or take away) this team role on this team? */
export function canSetTeamRole(access: Access, teamId: string, role: TeamRoleId, options: ScopeOptions): boolean {
  if (access.isSuperuser) return superuserAdminsTeams(access);
  if (canAdminTeam(access, teamId, options)) return true;
  if (access.orgRoleId && canManageTeamRole(access.orgRoleId, role)) return true;
  const own = access.teamRoles.get(teamId);
  return own !== undefined && own.priority >= teamRole(role).priority;
}

/**
 * `get_allowed_org_roles`: the org roles the requester may assign. Everyone needs member:admin
 * (except when inviting, where the route asks for member:invite); then superusers may assign all,
 * others what their own role may grant.
 */
export function allowedOrgRoles(access: Access, options: ScopeOptions, creatingInvite = false): OrgRoleId[] {
  if (!creatingInvite && !access.scopes.has('member:admin')) return [];
  if (access.isSuperuser) return ORG_ROLES.filter((role) => role.id !== 'billing').map((role) => role.id);
  if (!access.orgRoleId) return [];
  return rolesGrantableBy(access.orgRoleId, options);
}

/**
 * Token scopes as stored when a token is created: admin implies write and read, write implies read,
 * org:admin adds org:integrations, member:write adds member:invite (decisions.md, Clarifications).
 */
export function expandTokenScopes(requested: readonly string[]): Scope[] {
  const result = new Set<string>();
  for (const scope of requested) {
    result.add(scope);
    const [resource, level] = scope.split(':');
    if (level === 'admin') result.add(`${resource}:write`).add(`${resource}:read`);
    if (level === 'write') result.add(`${resource}:read`);
    if (scope === 'org:admin') result.add('org:integrations');
    if (scope === 'member:write' || scope === 'member:admin') result.add('member:invite');
  }
  return ALL_SCOPES.filter((scope) => result.has(scope));
}

/**
 * A "member-level" requester (sentry-behavior.md §5.4 step 5, §5.5 step 1): may invite (member:invite)
 * but not administer members (no member:admin). It may only resend or delete its own invites.
 */
export function isMemberLevel(access: Access): boolean {
  return access.scopes.has('member:invite') && !access.scopes.has('member:admin');
}

/**
 * May the requester change the teams of a member who holds `targetRole` (decisions.md fix 4)? Only
 * a requester that may assign roles at all (member:admin) and whose role is at least the target's
 * (`can_manage`); superusers whenever they may assign roles.
 */
export function canManageMemberRole(access: Access, options: ScopeOptions, targetRole: string): boolean {
  return canManageMemberRoleWith(access, allowedOrgRoles(access, options), targetRole);
}

/** `canManageMemberRole` for a caller that holds the requester's `allowedOrgRoles` already. */
export function canManageMemberRoleWith(access: Access, allowedRoles: readonly OrgRoleId[], targetRole: string): boolean {
  if (allowedRoles.length === 0) return false;
  if (access.isSuperuser) return true;
  if (!access.orgRoleId) return false;
  return canManageOrgRole(access.orgRoleId, targetRole);
}

/**
 * May the requester remove (or, by enforcing 2FA or email verification, suspend) a member with
 * `targetRole` (§5.5 step 1)? member:admin, and a role at least the target's; superusers with member:admin.
 */
export function canRemoveMember(access: Access, targetRole: string): boolean {
  if (!access.scopes.has('member:admin')) return false;
  if (access.isSuperuser) return true;
  return access.orgRoleId !== null && canManageOrgRole(access.orgRoleId, targetRole);
}

/** The org roles that carry a scope, e.g. `org:write` → manager and owner (the last-manager rule). */
export function orgRolesWithScope(scope: Scope): OrgRoleId[] {
  return ORG_ROLES.filter((role) => role.scopes.includes(scope)).map((role) => role.id);
}

/**
 * May the requester approve (or deny) a request to join this team? Those who manage the whole
 * organization (org:write) and those who administer the team, team admins by team role included
 * (decisions.md fix 12). `receivesTeamAccessRequests` is the same rule over stored roles.
 */
export function canApproveTeamAccess(access: Access, teamId: string, options: ScopeOptions): boolean {
  return superuserAdminsTeams(access) || access.scopes.has('org:write') || canAdminTeam(access, teamId, options);
}

/**
 * Is a member with this org role (and, when on the team, this stored team role) one of the people
 * a team access request is emailed to? Managers and owners, plus members of the team whose
 * effective team role can write to it.
 */
export function receivesTeamAccessRequests(
  orgRoleId: string,
  membership: { role: TeamRoleId | null } | null,
  teamRolesEnabled: boolean,
): boolean {
  if (orgRole(orgRoleId).scopes.includes('org:write')) return true;
  if (!membership) return false;
  return effectiveTeamRole(membership.role, orgRoleId, teamRolesEnabled).scopes.includes('team:write');
}

/**
 * The Team object's view of the requester (sentry-behavior.md §6.5): with access, the stored team
 * role (contributor when none) raised to the minimum of the requester's org role (the top role's
 * for superusers); without access, no role. Team roles count here whatever the feature says, as in Sentry.
 */
export function teamRoleSeenByRequester(input: {
  hasAccess: boolean;
  storedRole: TeamRoleId | null;
  orgRoleId: string | null;
  isSuperuser: boolean;
}): TeamRole | null {
  if (!input.hasAccess) return null;
  let role = teamRole(input.storedRole ?? TEAM_ROLES[0]!.id);
  const orgRoleId = input.isSuperuser ? ORG_ROLES[ORG_ROLES.length - 1]!.id : input.orgRoleId;
  if (orgRoleId) {
    const minimum = minimumTeamRole(orgRoleId);
    if (minimum.priority > role.priority) role = minimum;
  }
  return role;
}
