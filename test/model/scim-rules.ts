import { ORG_ROLES, TOP_ORG_ROLE, type OrgRoleId, type TeamRoleId } from '../../src/access/roles.js';
import { redundantTeamRoles } from '../../src/access/team-roles.js';
import { INVITE_MS, isOnlyOwner, memberOfPerson, type Model, type ModelMember, type Outcome, type Person, type Team } from './model.js';

/**
 * What the identity provider's SCIM requests do to the model (issue 16; spec scim.md §1.4, §1.5 and
 * "Roster's choices" 5–8, 16, 17, 19). The SCIM token passes every scope check, so only SCIM's own
 * rules refuse: a role it may not give, an address already taken, an unknown member, the last owner.
 */

/** The organization's default role: what a provision without `sentryOrgRole` gives, and what a role sync without one goes back to. */
export const DEFAULT_ROLE: OrgRoleId = 'member';

/** A role SCIM may give: any existing role without `org:admin` (so never `owner`). */
const provisionable = (role: string): role is OrgRoleId =>
  ORG_ROLES.some((candidate) => candidate.id === role && !(candidate.scopes as readonly string[]).includes('org:admin'));

/** `POST Users`: a pending, IdP-provisioned member with no invite email (choice 11); 409 when the address is taken. */
export function scimProvision(model: Model, person: Person, role: string | null): Outcome {
  if (role !== null && !provisionable(role)) return { status: 400 };
  if (memberOfPerson(model, person)) return { status: 409 };
  model.deprovisioned.delete(person.email);
  return {
    status: 201,
    newInvite: {
      userId: null,
      email: person.email,
      role: (role ?? DEFAULT_ROLE) as OrgRoleId,
      teams: new Map(),
      inviterId: null,
      expiresAt: model.now + INVITE_MS,
      idp: true,
      roleRestricted: role !== null,
      linked: false,
    },
  };
}

/** The address a member's tombstone keeps: its user's, or the invited one. */
const addressOf = (model: Model, member: ModelMember) => member.email ?? model.persons.find((person) => person.userId === member.userId)!.email;

/**
 * Deprovisioning (PATCH `active: false`, PUT `active: false`, DELETE): the member and its team
 * memberships go and a tombstone stays (choice 7); 403 for the only owner (choice 17; SCIM does not
 * protect the last manager); 404 for no member.
 */
export function scimDeprovision(model: Model, member: ModelMember | undefined): Outcome {
  if (!member) return { status: 404 };
  if (isOnlyOwner(model, member)) return { status: 403 };
  model.members.delete(member.id);
  model.deprovisioned.add(addressOf(model, member));
  return { status: 204 };
}

/**
 * `PUT Users/{id}` with the member's own userName (Sentry's role sync, §1.4): an owner keeps its role;
 * a given role is set and restricted; no role hands the role back, resetting it to the default
 * unless Roster manages it already. Every success marks the member IdP-provisioned. 400 for a role
 * SCIM may not give. A role change stores null for the team roles the new role implies, as the
 * member API's does (Sentry does no such cleanup; Roster keeps its invariant).
 */
export function scimRoleSync(model: Model, member: ModelMember | undefined, role: string | null): Outcome {
  if (!member) return { status: 404 };
  if (member.role === TOP_ORG_ROLE) {
    member.roleRestricted = false;
  } else if (role !== null) {
    if (!provisionable(role)) return { status: 400 };
    setRole(member, role);
    member.roleRestricted = true;
  } else if (member.role === DEFAULT_ROLE || member.roleRestricted) {
    setRole(member, DEFAULT_ROLE);
    member.roleRestricted = false;
  }
  member.idp = true;
  return { status: 200 };
}

function setRole(member: ModelMember, role: OrgRoleId): void {
  if (role === member.role) return;
  member.role = role;
  const implied = redundantTeamRoles(role) as readonly (TeamRoleId | null)[];
  for (const [team, teamRole] of member.teams) if (implied.includes(teamRole)) member.teams.set(team, null);
}

export type GroupChange = 'add' | 'remove' | 'removeLegacy' | 'replace';

/**
 * `PATCH Groups/{id}` on the members: every member named must be one of the organization's (pending
 * or joined), else 404 and nothing changes; adds and removes are idempotent, `replace` keeps the
 * memberships (and their team roles) it lists. On success the team becomes IdP-managed (204).
 */
export function scimGroupPatch(model: Model, team: Team, change: GroupChange, ids: readonly string[]): Outcome {
  if (ids.some((id) => !model.members.has(id))) return { status: 404 };
  const listed = ids.map((id) => model.members.get(id)!);
  if (change === 'add') {
    for (const member of listed) if (!member.teams.has(team)) member.teams.set(team, null);
  } else if (change === 'replace') {
    for (const member of model.members.values()) if (!ids.includes(member.id)) member.teams.delete(team);
    for (const member of listed) if (!member.teams.has(team)) member.teams.set(team, null);
  } else {
    for (const member of listed) member.teams.delete(team);
  }
  model.idpTeams.add(team);
  return { status: 204 };
}
