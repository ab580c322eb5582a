import type { Executor } from '../platform/db/database.js';
import { fieldErrors } from '../platform/http/errors.js';
import { isAllowedEmailAddress, normalizeEmail } from '../platform/lib/email.js';
import type { OrgContext } from '../access/org-context.js';
import { isTeamRoleId, type OrgRoleId } from '../access/roles.js';
import { inviteRoleProblem } from './invite-rules.js';
import { findActiveTeamsBySlugs, findApprovedMemberByEmail } from './invites.queries.js';
import type { InviteBody } from './invites.schemas.js';

export interface ValidInvite {
  /** The address as stored (normalized). */
  email: string;
  /** The address as the requester wrote it (trimmed), for Sentry's messages. */
  givenEmail: string;
  role: OrgRoleId;
  /** The teams the new member joins (from `teamRoles` when it is not empty, else from `teams`). */
  teams: Array<{ id: string; slug: string; idp_provisioned: boolean }>;
  /** Every team named in `teams` or `teamRoles` (the step-6 check looks at all of them, as Sentry does). */
  namedTeams: Array<{ id: string; slug: string }>;
}

/** Sentry's messages for an address this organization already has. */
export const alreadyInvitedMessage = (email: string) => `The user ${email} has already been invited`;
const alreadyMemberMessage = (email: string) => `The user ${email} is already a member`;

/**
 * Step 4 of §5.2, Sentry's serializer: every field is checked and all their errors are reported
 * together as `{"field": ["message"]}`. A role that is not given is the organization's default role
 * (decisions.md fix 8) and is checked under `orgRole`.
 */
export async function validateInviteRequest(
  tx: Executor,
  context: OrgContext,
  body: InviteBody,
  allowedRoles: readonly string[],
): Promise<ValidInvite> {
  const errors: Record<string, string[]> = {};
  const orgId = context.org.id;

  const givenEmail = body.email.trim();
  const email = normalizeEmail(givenEmail);
  if (givenEmail === '') {
    errors.email = ['This field may not be blank.'];
  } else if (!isAllowedEmailAddress(givenEmail)) {
    errors.email = ['Enter a valid email address.'];
  } else {
    const existing = await findApprovedMemberByEmail(tx, orgId, email);
    if (existing) errors.email = [existing.user_id === null ? alreadyInvitedMessage(givenEmail) : alreadyMemberMessage(givenEmail)];
  }

  const features = { inviteBilling: context.feature('invite-billing'), teamRoles: context.feature('team-roles') };
  const roleFields: Array<['role' | 'orgRole', string]> = [];
  if (body.role !== undefined) roleFields.push(['role', body.role]);
  if (body.orgRole !== undefined || body.role === undefined) roleFields.push(['orgRole', body.orgRole ?? context.org.default_role]);
  for (const [field, role] of roleFields) {
    const problem = inviteRoleProblem(role, allowedRoles, features);
    if (problem) errors[field] = [problem];
  }

  const teamSlugs = body.teams ?? [];
  const teamRoles = body.teamRoles ?? [];
  const known = new Map(
    (await findActiveTeamsBySlugs(tx, orgId, [...new Set([...teamSlugs, ...teamRoles.map((item) => item.teamSlug)])])).map((team) => [
      team.slug,
      team,
    ]),
  );
  // Duplicates fail as in Sentry: the distinct teams found must be as many as the slugs given.
  const resolve = (slugs: string[]) => (new Set(slugs).size === slugs.length && slugs.every((slug) => known.has(slug)) ? slugs.map((slug) => known.get(slug)!) : null);
  const teams = resolve(teamSlugs);
  if (!teams) errors.teams = ['Invalid teams'];
  let roleTeams = null;
  if (teamRoles.some((item) => item.role !== null && !isTeamRoleId(item.role))) {
    errors.teamRoles = ['Invalid team-role'];
  } else {
    roleTeams = resolve(teamRoles.map((item) => item.teamSlug));
    if (!roleTeams) errors.teamRoles = ['Invalid teams'];
  }

  if (Object.keys(errors).length > 0) throw fieldErrors(errors);
  return {
    email,
    givenEmail,
    role: (body.orgRole ?? body.role ?? context.org.default_role) as OrgRoleId,
    teams: roleTeams && roleTeams.length > 0 ? roleTeams : (teams ?? []),
    namedTeams: [...known.values()],
  };
}
