import { minimumTeamRole } from '../../src/access/team-roles.js';
import { TOP_ORG_ROLE, teamRole, type TeamRoleId } from '../../src/access/roles.js';
import { organizationRows } from '../matrix/world.js';
import type { Model } from './model.js';
import type { Run } from './setup.js';

/**
 * What the runner compares after each step: a snapshot of everything a request could change (to
 * prove a refusal changed nothing), the state read from it, the model in the same shape, and the
 * invariants of issue 5.
 */

export interface DbState {
  members: Array<{ id: string; user_id: string | null; email: string | null; role: string; inviter_id: string | null; expires: number | null; idp: boolean; role_restricted: boolean }>;
  teams: Array<{ member_id: string; slug: string; role: TeamRoleId | null }>;
  flags: { require_2fa: boolean; require_email_verification: boolean; allow_joinleave: boolean; disable_member_invite: boolean };
  twoFactor: string[];
  /** Issue 16: the teams the identity provider manages, and the addresses SCIM deprovisioned (tombstones). */
  idpTeams: string[];
  tombstones: string[];
}

type Row = Record<string, unknown>;
const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

/**
 * Everything a request could change (the organization's rows and its people's authenticators) as
 * one text to compare, and the state the model is checked against, read from that same text.
 */
export async function snapshot(run: Run): Promise<{ raw: string; state: DbState }> {
  const userIds = run.model.persons.flatMap((person) => (person.userId ? [person.userId] : []));
  const [rows, authenticators, tombstones] = await Promise.all([
    organizationRows(run.h, run.orgId),
    run.h.database.db.selectFrom('user_authenticators').selectAll().where('user_id', 'in', userIds).orderBy('id').execute(),
    run.h.database.db.selectFrom('scim_deprovisioned').select(['email', 'user_id']).where('organization_id', '=', run.orgId).orderBy('email').execute(),
  ]);
  const parsed = JSON.parse(rows) as Record<string, Row[] | null>;
  const slugs = new Map((parsed.teams ?? []).map((team) => [text(team.id), String(team.slug)]));
  const org = parsed.organization![0]!;
  const state: DbState = {
    members: (parsed.members ?? []).map((m) => ({
      id: text(m.id)!,
      user_id: text(m.user_id),
      email: text(m.email),
      role: String(m.role),
      inviter_id: text(m.inviter_id),
      expires: m.token_expires_at ? Date.parse(String(m.token_expires_at)) : null,
      idp: m.idp_provisioned === true,
      role_restricted: m.idp_role_restricted === true,
    })),
    teams: (parsed.memberTeams ?? []).map((mt) => ({ member_id: text(mt.member_id)!, slug: slugs.get(text(mt.team_id))!, role: text(mt.role) as TeamRoleId | null })),
    flags: {
      require_2fa: org.require_2fa === true,
      require_email_verification: org.require_email_verification === true,
      allow_joinleave: org.allow_joinleave === true,
      disable_member_invite: org.disable_member_invite === true,
    },
    twoFactor: authenticators.filter((row) => row.confirmed).map((row) => row.user_id),
    idpTeams: (parsed.teams ?? []).filter((team) => team.idp_provisioned === true).map((team) => String(team.slug)).sort(),
    tombstones: tombstones.map((row) => row.email),
  };
  return { raw: `${rows}\n${JSON.stringify(authenticators)}\n${JSON.stringify(tombstones)}`, state };
}

/** The model and the database, in one comparable shape. */
export function describeModel(model: Model) {
  const members = [...model.members.values()]
    .sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)))
    .map((member) => ({
      id: member.id,
      user: member.userId,
      email: member.userId === null ? member.email : null,
      role: member.role,
      teams: Object.fromEntries([...member.teams].sort(([a], [b]) => a.localeCompare(b))),
      ...(member.userId === null ? { inviter: member.inviterId, expires: member.expiresAt } : {}),
      idp: member.idp,
      roleRestricted: member.roleRestricted,
    }));
  const twoFactor = model.persons.filter((person) => person.has2fa && person.userId).map((person) => person.userId!).sort();
  return { members, settings: model.settings, twoFactor, idpTeams: [...model.idpTeams].sort(), tombstones: [...model.deprovisioned].sort() };
}

export function describeDb(state: DbState) {
  const members = state.members.map((member) => ({
    id: member.id,
    user: member.user_id,
    email: member.user_id === null ? member.email : null,
    role: member.role,
    teams: Object.fromEntries(
      state.teams
        .filter((row) => row.member_id === member.id)
        .map((row) => [row.slug, row.role] as const)
        .sort(([a], [b]) => a.localeCompare(b)),
    ),
    ...(member.user_id === null ? { inviter: member.inviter_id, expires: member.expires } : {}),
    idp: member.idp,
    roleRestricted: member.role_restricted,
  }));
  const settings = {
    require2FA: state.flags.require_2fa,
    requireEmailVerification: state.flags.require_email_verification,
    openMembership: state.flags.allow_joinleave,
    allowMemberInvite: !state.flags.disable_member_invite,
  };
  return { members, settings, twoFactor: [...state.twoFactor].sort(), idpTeams: state.idpTeams, tombstones: state.tombstones };
}

/** Issue 5's invariants, on the database, and issue 16's: a deprovisioned member stays gone. */
export function invariantProblems(state: DbState, model: Model): string[] {
  const problems: string[] = [];
  // A tombstoned address comes back only as a new member: an invite made after the deprovision or a
  // new provision (which lifts the tombstone), never as a member the model did not see made.
  for (const email of state.tombstones) {
    const person = model.persons.find((candidate) => candidate.email === email);
    const back = state.members.filter((member) => member.email === email || (person?.userId && member.user_id === person.userId));
    if (back.some((member) => !model.members.has(member.id))) problems.push(`deprovisioned ${email} is back as a member the model never saw made`);
  }
  if (!state.members.some((member) => member.role === TOP_ORG_ROLE && member.user_id !== null)) problems.push('no active owner');
  const users = state.members.flatMap((member) => (member.user_id ? [member.user_id] : []));
  if (new Set(users).size !== users.length) problems.push('a user with two memberships');
  const emails = state.members.flatMap((member) => (member.email && member.user_id === null ? [member.email] : []));
  if (new Set(emails).size !== emails.length) problems.push('an address with two invites');
  for (const row of state.teams) {
    const member = state.members.find((candidate) => candidate.id === row.member_id)!;
    if (row.role !== null && teamRole(row.role).priority <= minimumTeamRole(member.role).priority) {
      problems.push(`member ${member.id} (${member.role}) stores team role ${row.role} on ${row.slug}, at or below its minimum`);
    }
  }
  return problems;
}
