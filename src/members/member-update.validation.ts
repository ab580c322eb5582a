import type { Executor } from '../platform/db/database.js';
import { fieldErrors, permissionDenied } from '../platform/http/errors.js';
import { normalizeEmail } from '../platform/lib/email.js';
import type { OrgContext } from '../access/org-context.js';
import { isMemberLevel } from '../access/access.js';
import { isTeamRoleId, type OrgRoleId, type TeamRoleId } from '../access/roles.js';
import { findActiveTeamsBySlug } from './member-teams.queries.js';
import { findApprovedMemberByEmail, type MemberView } from './members.queries.js';
import { TRUE_VALUES, type UpdateMemberBody } from './members.schemas.js';

/** A team of an explicit team list, with the team role asked for (null: the org role's minimum). */
export interface RequestedTeam {
  teamId: string;
  slug: string;
  role: TeamRoleId | null;
  /** Its place in the list ordered by slug as the database orders it, the order answers list teams in. */
  slugOrder: number;
  /** The identity provider manages who is on it (SCIM). */
  idpProvisioned: boolean;
}

/** A `PUT` body after the serializer's checks: what was sent, in the terms the steps need. */
export interface MemberUpdateRequest {
  /** The fields that were sent (Sentry's `validated_data` keys). */
  keys: ReadonlySet<string>;
  /** `orgRole`, else `role` (step 7); null when neither was sent. */
  assignedRole: OrgRoleId | null;
  /** The explicit team list (`teamRoles` when sent, else `teams`), or null when teams stay as they are. */
  teams: RequestedTeam[] | null;
  reinvite: boolean;
  regenerate: boolean;
}

export const PARTNERSHIP_RESTRICTED =
  'This member is managed by an active partnership and cannot be modified until the end of the partnership.';

const RESEND_KEYS = new Set(['reinvite', 'regenerate']);
export const onlyResendKeys = (keys: ReadonlySet<string>) => [...keys].every((key) => RESEND_KEYS.has(key));

const isTrue = (value: unknown) => (TRUE_VALUES as readonly unknown[]).includes(value);

/**
 * §5.4 steps 2–3, the serializer: every field is checked and all problems are reported together as
 * `{"field": ["message"]}` (400). Roles must be ones the requester may grant (retired ones pass here);
 * team slugs must name distinct active teams; an `email` that an approved member has is refused.
 * `allowedRoles` are the org roles the requester may assign.
 */
export async function validateMemberUpdate(
  tx: Executor,
  context: OrgContext,
  allowedRoles: readonly OrgRoleId[],
  body: UpdateMemberBody,
): Promise<MemberUpdateRequest> {
  const errors: Record<string, string[]> = {};
  const fail = (field: string, message: string) => (errors[field] ??= []).push(message);

  if (body.email !== undefined) {
    const problem = await emailProblem(tx, context.org.id, body.email);
    if (problem) fail('email', problem);
  }
  for (const field of ['role', 'orgRole'] as const) {
    const role = body[field];
    if (role === undefined) continue;
    if (role === 'billing' && !context.feature('invite-billing')) fail(field, '"billing" is not a valid choice.');
    else if (role !== 'billing' && !allowedRoles.includes(role)) fail(field, 'You do not have permission to set that org-level role');
  }
  let teams: RequestedTeam[] | null = null;
  if (body.teams !== undefined) {
    teams = await resolveTeams(tx, context.org.id, body.teams.map((slug) => ({ slug, role: null })));
    if (!teams) fail('teams', 'Invalid teams');
  }
  let teamRoles: RequestedTeam[] | null = null;
  if (body.teamRoles !== undefined && body.teamRoles !== null) {
    const items = body.teamRoles.map((item) => ({ slug: item.teamSlug, role: item.role ?? null }));
    if (!items.every((item) => item.role === null || isTeamRoleId(item.role))) fail('teamRoles', 'Invalid team-role');
    else {
      teamRoles = await resolveTeams(tx, context.org.id, items as Array<{ slug: unknown; role: TeamRoleId | null }>);
      if (!teamRoles) fail('teamRoles', 'Invalid teams');
    }
  }
  if (Object.keys(errors).length > 0) throw fieldErrors(errors);

  return {
    keys: new Set(Object.keys(body)),
    assignedRole: body.orgRole ?? body.role ?? null,
    // With team roles off, the roles asked for are ignored (step 8).
    teams: teamRoles ? teamRoles.map((team) => (context.feature('team-roles') ? team : { ...team, role: null })) : teams,
    reinvite: isTrue(body.reinvite),
    regenerate: isTrue(body.regenerate),
  };
}

async function emailProblem(tx: Executor, orgId: string, email: string): Promise<string | null> {
  const existing = await findApprovedMemberByEmail(tx, orgId, normalizeEmail(email));
  if (!existing) return null;
  return existing.user_id === null ? `The user ${email} has already been invited` : `The user ${email} is already a member`;
}

/** The teams of a list, or null unless every slug names a distinct active team of the organization. */
async function resolveTeams(tx: Executor, orgId: string, items: Array<{ slug: unknown; role: TeamRoleId | null }>): Promise<RequestedTeam[] | null> {
  const slugs = items.map((item) => item.slug);
  if (!slugs.every((slug): slug is string => typeof slug === 'string') || new Set(slugs).size !== slugs.length) return null;
  const found = new Map(
    (await findActiveTeamsBySlug(tx, orgId, slugs)).map((team, slugOrder) => [team.slug, { teamId: team.id, slugOrder, idpProvisioned: team.idp_provisioned }]),
  );
  if (found.size !== slugs.length) return null;
  return items.map((item) => ({ ...found.get(item.slug as string)!, slug: item.slug as string, role: item.role }));
}

/**
 * §5.4 steps 4–5: a member managed by a partnership cannot be edited (403); a member-level requester
 * may only resend its own pending invites, when the organization lets members invite (403, with
 * "You cannot modify invitations sent by someone else." for another's invite).
 */
export function checkEditPermission(context: OrgContext, member: MemberView, request: MemberUpdateRequest): void {
  if (member.partnership_restricted) throw permissionDenied(PARTNERSHIP_RESTRICTED);
  if (!isMemberLevel(context.access)) return;
  const membersMayInvite = !context.org.disable_member_invite;
  if (!(membersMayInvite && member.user_id === null && onlyResendKeys(request.keys))) throw permissionDenied();
  if (member.inviter_id !== context.requester.userId) throw permissionDenied('You cannot modify invitations sent by someone else.');
}
