import type { Executor } from '../platform/db/database.js';
import { findConfirmedAuthenticators } from '../identity/authenticators.queries.js';
import { notFound } from '../platform/http/errors.js';
import { allowedOrgRoles, hasScope } from '../access/access.js';
import type { OrgContext } from '../access/org-context.js';
import type { OrgRoleId } from '../access/roles.js';
import {
  belongsToOtherOrganization,
  findMemberView,
  findTeamsOfMembers,
  isOnlyOwner,
  lockMemberView,
  type LockedMember,
  type MemberTeamView,
  type MemberView,
} from './members.queries.js';
import { presentMemberWithRoles } from './members.presenter.js';

/**
 * The member a `{member_id}` path segment names (sentry-behavior.md §1.4): `me` is the requester's own
 * membership; a number is a member of this organization. Only approved members exist here; anything
 * else, including another organization's member, is a 404.
 */
export async function findAddressedMember(executor: Executor, context: OrgContext, memberIdParam: string): Promise<MemberView> {
  const member =
    memberIdParam === 'me'
      ? await findMemberView(executor, context.org.id, { userId: context.requester.userId })
      : await findMemberView(executor, context.org.id, { id: memberIdParam });
  if (!member) throw notFound();
  return member;
}

/**
 * The addressed member and its teams, its row locked until the transaction ends, as the last holder of
 * the lock left them. 404 as for `findAddressedMember`.
 */
export async function lockAddressedMember(tx: Executor, context: OrgContext, memberIdParam: string): Promise<LockedMember> {
  const id = memberIdParam === 'me' ? context.member?.id : memberIdParam;
  const member = id ? await lockMemberView(tx, context.org.id, id) : undefined;
  if (!member) throw notFound();
  return member;
}

/** What a caller of `memberWithRoles` may already hold, so that it is not read or computed again. */
export interface KnownMemberFacts {
  /** The member's teams as `findTeamsOfMembers` lists them. */
  teams?: readonly MemberTeamView[];
  /** The org roles the requester may assign (`allowedOrgRoles`). */
  allowedRoles?: readonly OrgRoleId[];
}

/**
 * MemberWithRoles for a member as the requester sees it: roles it may assign, detailed user when it may.
 * Reads only what `known` does not give: the teams, whether the member is the only owner (for owners), and
 * the detailed user's second factors.
 */
export async function memberWithRoles(executor: Executor, context: OrgContext, member: MemberView, now: Date, known: KnownMemberFacts = {}) {
  const allowedRoles = known.allowedRoles ?? allowedOrgRoles(context.access, context.scopeOptions);
  let detail = null;
  if (allowedRoles.length > 0 && member.user_id !== null) {
    // Only a user with 2FA has confirmed authenticators.
    const has2fa = member.has2fa === true;
    const canReset2fa = hasScope(context.access, 'member:admin') && has2fa && !(await belongsToOtherOrganization(executor, member.user_id, context.org.id));
    detail = { canReset2fa, authenticators: has2fa ? await findConfirmedAuthenticators(executor, member.user_id) : [] };
  }
  return presentMemberWithRoles(member, now, {
    teams: known.teams ?? (await findTeamsOfMembers(executor, context.org.id, [member.id])),
    allowedRoles,
    isOnlyOwner: await isOnlyOwner(executor, context.org.id, member),
    teamRolesEnabled: context.feature('team-roles'),
    detail,
  });
}
