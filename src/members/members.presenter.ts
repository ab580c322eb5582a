import type { Static } from '@sinclair/typebox';
import { gravatarUrl, presentAuthenticator, presentUserWithEmails, type AuthenticatorRow, type DetailedUserSchema } from '../identity/users.presenter.js';
import { orgRole } from '../access/roles.js';
import { presentOrgRoleList, presentTeamRoleList } from '../access/roles.presenter.js';
import { MEMBER_FLAG_COLUMNS } from './invite-token.js';
import type { MemberTeamView, MemberView } from './members.queries.js';
import type { MemberListRow } from './member-list.queries.js';
import type { MemberSchema, MemberWithRolesSchema } from './members.schemas.js';

export const INVITE_STATUS = ['approved', 'requested_to_be_invited', 'requested_to_join'];

/** Sentry's `token_expired`: legacy tokens without an expiry never expire. */
export function isInviteExpired(member: Pick<MemberView, 'token_expires_at'>, now: Date): boolean {
  return member.token_expires_at !== null && now.getTime() >= member.token_expires_at.getTime();
}

function userOf(member: MemberView) {
  if (!member.user_id || !member.user_email) return null;
  // Sentry's OpenAPI file requires `emails` on a member's user, though its serializer leaves them out.
  return presentUserWithEmails(
    {
      id: member.user_id,
      email: member.user_email,
      name: member.user_name ?? '',
      is_active: member.user_active ?? true,
      is_superuser: member.user_is_superuser ?? false,
      email_verified: member.user_email_verified ?? false,
      date_joined: member.user_date_joined ?? member.date_added,
      last_login: member.user_last_login ?? null,
    },
    member.has2fa === true,
  );
}

/** The Member object (sentry-behavior.md §6.1). */
export function presentMember(member: MemberView, now: Date): Static<typeof MemberSchema> {
  const email = member.user_email ?? member.email ?? '';
  const flags = Object.fromEntries(
    Object.entries(MEMBER_FLAG_COLUMNS).map(([name, column]) => [name, member[column] === true]),
  ) as Static<typeof MemberSchema>['flags'];
  return {
    id: member.id,
    email,
    name: member.user_name || email,
    user: userOf(member),
    orgRole: member.role,
    role: member.role,
    roleName: orgRole(member.role).name,
    pending: member.user_id === null,
    expired: isInviteExpired(member, now),
    flags,
    dateCreated: member.date_added,
    inviteExpiresAt: member.user_id === null ? member.token_expires_at : null,
    inviteStatus: INVITE_STATUS[member.invite_status] ?? 'approved',
    inviterName: member.inviter_id ? member.inviter_name || member.inviter_email || null : null,
  };
}

/** A listed member's JSON as PostgreSQL wrote it, with the Gravatar URL it left to Node when there is one. */
export function memberListJson(row: MemberListRow): string {
  if (row.gravatar_email === null) return row.member;
  const member = JSON.parse(row.member) as { user: { avatarUrl: string } };
  member.user.avatarUrl = gravatarUrl(row.gravatar_email);
  return JSON.stringify(member);
}

export interface MemberWithRolesContext {
  teams: readonly MemberTeamView[];
  /** The org roles the requester may assign (`isAllowed`). */
  allowedRoles: readonly string[];
  isOnlyOwner: boolean;
  teamRolesEnabled: boolean;
  /** Present when the requester may assign roles: the detailed user's extras. */
  detail: { canReset2fa: boolean; authenticators: readonly AuthenticatorRow[] } | null;
}

/** MemberWithRoles (§6.3), with `isAllowed` computed for the requester (decisions.md fix 5). */
export function presentMemberWithRoles(member: MemberView, now: Date, context: MemberWithRolesContext): Static<typeof MemberWithRolesSchema> {
  const base = presentMember(member, now);
  const orgRoleList = presentOrgRoleList(context.allowedRoles, context.teamRolesEnabled);
  let user: Static<typeof MemberWithRolesSchema>['user'] = base.user;
  if (base.user && context.detail) {
    const detailed: Static<typeof DetailedUserSchema> = {
      ...base.user,
      emails: base.user.emails ?? [],
      authenticators: context.detail.authenticators.map(presentAuthenticator),
      canReset2fa: context.detail.canReset2fa,
    };
    user = detailed;
  }
  return {
    ...base,
    user,
    teams: context.teams.map((team) => team.slug),
    teamRoles: context.teams.map((team) => ({ teamSlug: team.slug, role: team.role })),
    isOnlyOwner: context.isOnlyOwner,
    orgRoleList,
    roles: orgRoleList,
    teamRoleList: presentTeamRoleList(),
    // Only a hash of the invite token is kept, so the link cannot be shown again.
    invite_link: null,
  };
}
