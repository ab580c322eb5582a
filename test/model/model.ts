import { INVITE_SCOPES, inviteRoleProblem, mayAssignInviteTeams, mayInvite, orgRoleAllowsTeams } from '../../src/invites/invite-rules.js';
import { allowedOrgRoles, canAdminTeam, canManageMemberRole, canManageOrgRole, canRemoveMember, canSetTeamRole, computeAccess, DEFAULT_SCOPE_OPTIONS, hasAnyScope, hasScope, isMemberLevel, type Access } from '../../src/access/access.js';
import { minimumTeamRole, redundantTeamRoles, storedTeamRole } from '../../src/access/team-roles.js';
import { planEnforcement } from '../../src/access/enforcement.js';
import { ALL_SCOPES, orgRole, TOP_ORG_ROLE, type OrgRoleId, type Scope, type TeamRoleId } from '../../src/access/roles.js';

/**
 * A small in-memory model of one organization: members with roles, pending invites, teams and team
 * roles, 2FA and verified addresses, and three settings. Who may do what comes from the pure rules
 * of src/access/access.ts and src/invites/invite-rules.ts; the model's own job is the state machine:
 * which request is refused (and with what status) and what an accepted one changes
 * (sentry-behavior.md §5, decisions.md fixes 1–4, 8–10).
 */

export const TEAMS = ['red', 'blue', 'green'] as const;
export type Team = (typeof TEAMS)[number];

export interface Person {
  key: string;
  email: string;
  userId: string | null;
  has2fa: boolean;
  verified: boolean;
}

export interface ModelMember {
  id: string;
  /** The member's user, or null for a pending invite (then `email` is the invited address). */
  userId: string | null;
  email: string | null;
  role: OrgRoleId;
  teams: Map<Team, TeamRoleId | null>;
  inviterId: string | null;
  /** When a pending invite's token stops working (ms since the epoch); null for members. */
  expiresAt: number | null;
  /** `idp:provisioned`: SCIM made it or synced its role; the member API may not remove it (issue 16). */
  idp: boolean;
  /** `idp:role-restricted`: the identity provider chose the role (SCIM role sync). */
  roleRestricted: boolean;
  /** Whether an invite link was ever mailed (SCIM provisioning mails none: an unmailed invite cannot be accepted). */
  linked: boolean;
}

export interface Settings {
  require2FA: boolean;
  requireEmailVerification: boolean;
  openMembership: boolean;
  allowMemberInvite: boolean;
}

export interface Model {
  persons: Person[];
  members: Map<string, ModelMember>;
  settings: Settings;
  /** The service's clock (ms since the epoch); invites expire 30 days after they are issued. */
  now: number;
  /** Teams SCIM has touched (`idp_provisioned`): their membership is SCIM's to change. */
  idpTeams: Set<Team>;
  /** The addresses SCIM deprovisioned and has not provisioned again (the tombstones). */
  deprovisioned: Set<string>;
}

export const INVITE_MS = 30 * 24 * 60 * 60 * 1000;

const opts = DEFAULT_SCOPE_OPTIONS;
const MEMBER_READ: readonly Scope[] = ['member:read', 'member:write', 'member:admin'];
const MEMBER_EDIT: readonly Scope[] = ['member:invite', 'member:write', 'member:admin'];
const MEMBER_TEAM = {
  POST: ['org:read', 'org:write', 'team:write'],
  PUT: ['org:read', 'org:write', 'org:admin', 'member:read', 'member:write', 'member:admin', 'team:admin', 'team:write'],
  DELETE: ['org:read', 'org:write', 'org:admin', 'team:admin'],
} as const satisfies Record<string, readonly Scope[]>;

export function cloneModel(model: Model): Model {
  return {
    persons: model.persons.map((person) => ({ ...person })),
    members: new Map([...model.members].map(([id, member]) => [id, { ...member, teams: new Map(member.teams) }])),
    settings: { ...model.settings },
    now: model.now,
    idpTeams: new Set(model.idpTeams),
    deprovisioned: new Set(model.deprovisioned),
  };
}

/** The full membership of a user. */
export const memberOfUser = (model: Model, userId: string | null) =>
  userId === null ? undefined : [...model.members.values()].find((member) => member.userId === userId);

/** The member a person stands for: its membership, else a pending invite to its address. */
export function memberOfPerson(model: Model, person: Person): ModelMember | undefined {
  return memberOfUser(model, person.userId) ?? [...model.members.values()].find((member) => member.userId === null && member.email === person.email);
}

export function accessOf(model: Model, member: ModelMember): Access {
  return computeAccess({
    orgRoleId: member.role,
    tokenScopes: ALL_SCOPES,
    isSuperuser: false,
    openMembership: model.settings.openMembership,
    teamRolesEnabled: true,
    options: opts,
    memberships: [...member.teams].map(([team, role]) => ({ teamId: team, role })),
  });
}

const otherActiveWithRole = (model: Model, exceptId: string, roles: readonly string[]) =>
  [...model.members.values()].some((member) => member.id !== exceptId && member.userId !== null && roles.includes(member.role));
export const isOnlyOwner = (model: Model, member: ModelMember) => member.role === TOP_ORG_ROLE && !otherActiveWithRole(model, member.id, [TOP_ORG_ROLE]);

/** What the model says a request does: the status, and the model after it (unchanged when refused). */
export interface Outcome {
  status: number;
  /** For an invite that is accepted: the new member is added by the runner, which learns its id. */
  newInvite?: Omit<ModelMember, 'id'>;
}

/** The requester's membership and access, or the status that stops an organization route first. */
function gate(model: Model, requester: Person, scopes?: readonly Scope[]): { member: ModelMember; access: Access } | number {
  const member = memberOfUser(model, requester.userId);
  if (!member) return 404;
  const access = accessOf(model, member);
  if (scopes && !hasAnyScope(access, scopes)) return 403;
  return { member, access };
}

export function invite(model: Model, requester: Person, person: Person, role: OrgRoleId, teams: Team[]): Outcome {
  const g = gate(model, requester, INVITE_SCOPES);
  if (typeof g === 'number') return { status: g };
  const invitesDisabled = !model.settings.allowMemberInvite;
  if (!mayInvite(g.access, invitesDisabled)) return { status: 403 };
  const known = memberOfPerson(model, person) !== undefined;
  const problem = inviteRoleProblem(role, allowedOrgRoles(g.access, opts, true), { inviteBilling: false, teamRoles: true });
  if (known || problem) return { status: 400 };
  if (!mayAssignInviteTeams(g.access, teams, { openMembership: model.settings.openMembership, memberInvitesDisabled: invitesDisabled })) return { status: 400 };
  if (teams.some((team) => model.idpTeams.has(team))) return { status: 403 };
  if (teams.length > 0 && !orgRoleAllowsTeams(role)) return { status: 400 };
  return {
    status: 201,
    newInvite: {
      userId: null,
      email: person.email,
      role,
      teams: new Map(teams.map((team) => [team, null])),
      inviterId: requester.userId,
      expiresAt: model.now + INVITE_MS,
      idp: false,
      roleRestricted: false,
      linked: true,
    },
  };
}

/** Accepting the invite to a person's address, as that person (or, without an account, anonymously). */
export function accept(model: Model, person: Person): Outcome {
  const member = [...model.members.values()].find((candidate) => candidate.userId === null && candidate.email === person.email);
  if (!member || !member.linked || model.now >= member.expiresAt!) return { status: 400 };
  if (model.settings.require2FA && !person.has2fa) return { status: 400 };
  if (person.userId === null) {
    // decisions.md item 9: a new, verified account for the address (the runner learns its id).
    return { status: 204 };
  }
  if (memberOfUser(model, person.userId)) return { status: 400 };
  member.userId = person.userId;
  member.email = null;
  member.expiresAt = null;
  return { status: 204 };
}

function target(model: Model, person: Person): ModelMember | undefined {
  return memberOfPerson(model, person);
}

export function changeRole(model: Model, requester: Person, person: Person, role: OrgRoleId): Outcome {
  const g = gate(model, requester, MEMBER_EDIT);
  if (typeof g === 'number') return { status: g };
  const member = target(model, person);
  if (!member) return { status: 404 };
  const allowed: readonly string[] = allowedOrgRoles(g.access, opts);
  if (role === 'billing' || !allowed.includes(role)) return { status: 400 };
  if (isMemberLevel(g.access)) return { status: 403 };
  if (member.teams.size > 0 && !orgRole(role).isTeamRolesAllowed) return { status: 400 };
  if (role === member.role) return { status: 200 };
  if (!allowed.includes(member.role)) return { status: 403 };
  if (member.userId !== null && member.userId === requester.userId) return { status: 400 };
  if (orgRole(role).isRetired) return { status: 400 };
  if (role !== TOP_ORG_ROLE && isOnlyOwner(model, member)) return { status: 400 };
  member.role = role;
  const redundant = redundantTeamRoles(role) as readonly (TeamRoleId | null)[];
  for (const [team, teamRole] of member.teams) if (redundant.includes(teamRole)) member.teams.set(team, null);
  return { status: 200 };
}

export function changeTeams(model: Model, requester: Person, person: Person, teams: Array<{ team: Team; role: TeamRoleId | null }>): Outcome {
  const g = gate(model, requester, MEMBER_EDIT);
  if (typeof g === 'number') return { status: g };
  const member = target(model, person);
  if (!member) return { status: 404 };
  if (isMemberLevel(g.access)) return { status: 403 };
  if (teams.length > 0 && !orgRole(member.role).isTeamRolesAllowed) return { status: 400 };
  if (!canManageMemberRole(g.access, opts, member.role)) return { status: 403 };
  const joinsManaged = teams.some(({ team }) => model.idpTeams.has(team) && !member.teams.has(team));
  const leavesManaged = [...member.teams.keys()].some((team) => model.idpTeams.has(team) && !teams.some((item) => item.team === team));
  if (joinsManaged || leavesManaged) return { status: 403 };
  member.teams = new Map(teams.map(({ team, role }) => [team, storedTeamRole(role, member.role)]));
  return { status: 200 };
}

export function setTeamRole(model: Model, requester: Person, person: Person, team: Team, role: TeamRoleId): Outcome {
  const g = gate(model, requester, MEMBER_TEAM.PUT);
  if (typeof g === 'number') return { status: g };
  const member = target(model, person);
  if (!member || !member.teams.has(team)) return { status: 404 };
  const oldRole = member.teams.get(team) ?? minimumTeamRole(member.role).id;
  if (![role, oldRole].every((candidate) => canSetTeamRole(g.access, team, candidate, opts))) return { status: 400 };
  member.teams.set(team, storedTeamRole(role, member.role));
  return { status: 200 };
}

export function addToTeam(model: Model, requester: Person, person: Person, team: Team): Outcome {
  const g = gate(model, requester, MEMBER_TEAM.POST);
  if (typeof g === 'number') return { status: g };
  const member = target(model, person);
  if (!member) return { status: 404 };
  if (!orgRole(member.role).isTeamRolesAllowed) return { status: 403 };
  if (member.teams.has(team)) return { status: 204 };
  if (model.idpTeams.has(team)) return { status: 403 };
  if (!g.access.hasGlobalAccess && !canAdminTeam(g.access, team, opts)) return { status: 202 };
  member.teams.set(team, null);
  return { status: 201 };
}

export function removeFromTeam(model: Model, requester: Person, person: Person, team: Team): Outcome {
  const g = gate(model, requester, MEMBER_TEAM.DELETE);
  if (typeof g === 'number') return { status: g };
  const member = target(model, person);
  if (!member) return { status: 404 };
  const allowed =
    member.userId === requester.userId || orgRole(g.member.role).scopes.includes('org:write') || canAdminTeam(g.access, team, opts);
  if (!allowed) return { status: 400 };
  if (model.idpTeams.has(team)) return { status: 403 };
  member.teams.delete(team);
  return { status: 200 };
}

/** DELETE a member (`person`), or leave (`person` null: the `me` path). */
export function remove(model: Model, requester: Person, person: Person | null): Outcome {
  const g = gate(model, requester, MEMBER_READ);
  if (typeof g === 'number') return { status: g };
  const member = person ? target(model, person) : g.member;
  if (!member) return { status: 404 };
  let full = true;
  if (member.userId !== requester.userId) {
    if (!hasScope(g.access, 'member:admin')) {
      if (!model.settings.allowMemberInvite || !hasScope(g.access, 'member:invite') || member.userId !== null) return { status: 400 };
      if (member.inviterId !== requester.userId) return { status: 400 };
      full = false;
    } else if (!canManageOrgRole(g.member.role, member.role)) return { status: 400 };
  }
  if (full) {
    if (isOnlyOwner(model, member)) return { status: 403 };
    if (['manager', 'owner'].includes(member.role) && !otherActiveWithRole(model, member.id, ['manager', 'owner'])) return { status: 403 };
    if (member.idp) return { status: 403 };
  }
  model.members.delete(member.id);
  if (full && member.userId !== null) {
    for (const [id, other] of model.members) if (other.userId === null && other.inviterId === member.userId) model.members.delete(id);
  }
  return { status: 204 };
}

export function changeSettings(model: Model, requester: Person, body: Partial<Settings>): Outcome {
  const g = gate(model, requester, ['org:write', 'org:admin']);
  if (typeof g === 'number') return { status: g };
  // The fuzz organization has an SSO provider (for SCIM, issue 16), and 2FA cannot be required beside SSO.
  if (body.require2FA === true || (body.requireEmailVerification === true && !requester.verified)) return { status: 400 };
  Object.assign(model.settings, body);
  if (body.requireEmailVerification === true) {
    const personOf = (member: ModelMember) => model.persons.find((person) => person.userId === member.userId)!;
    const withUsers = [...model.members.values()].filter((member) => member.userId !== null);
    const compliant = (member: ModelMember) => personOf(member).verified;
    const candidates = withUsers.map((member) => ({ id: member.id, role: member.role, active: true, compliant: compliant(member) }));
    // Issue 13 item 2: only members the requester could remove are suspended.
    const { detach } = planEnforcement(candidates, (role) => canRemoveMember(g.access, role));
    for (const id of detach) {
      const member = model.members.get(id)!;
      member.email = personOf(member).email;
      member.userId = null;
      member.expiresAt = model.now + INVITE_MS;
      member.linked = true;
    }
  }
  return { status: 200 };
}

export function enrolTwoFactor(person: Person): Outcome {
  if (person.has2fa) return { status: 400 };
  person.has2fa = true;
  return { status: 204 };
}

export function removeTwoFactor(model: Model, person: Person): Outcome {
  if (!person.has2fa) return { status: 404 };
  if (model.settings.require2FA && memberOfUser(model, person.userId)) return { status: 403 };
  person.has2fa = false;
  return { status: 204 };
}

/** `PUT …/members/{id}/` with `reinvite` (and maybe `regenerate`): §5.4 steps 5–6, decisions.md fix 9. */
export function reinvite(model: Model, requester: Person, person: Person, regenerate: boolean): Outcome {
  const g = gate(model, requester, MEMBER_EDIT);
  if (typeof g === 'number') return { status: g };
  const member = target(model, person);
  if (!member) return { status: 404 };
  if (isMemberLevel(g.access)) {
    if (!(model.settings.allowMemberInvite && member.userId === null)) return { status: 403 };
    if (member.inviterId !== requester.userId) return { status: 403 };
  }
  // With an auth provider (the fuzz organization has one), a joined member gets the SSO link email instead.
  if (member.userId !== null) return { status: 200 };
  if (regenerate && !hasScope(g.access, 'member:admin')) return { status: 400 };
  if (!regenerate && model.now >= member.expiresAt!) return { status: 400 };
  if (regenerate) member.expiresAt = model.now + INVITE_MS;
  member.linked = true;
  return { status: 200 };
}
