import type { Executor } from '../db/database.js';
import { findConfirmedAuthenticators } from '../accounts/authenticators.queries.js';
import { notFound } from '../http/errors.js';
import { allowedOrgRoles, hasScope } from '../roles/access.js';
import type { OrgContext } from '../organizations/org-context.js';
import { belongsToOtherOrganization, findMemberView, findTeamsOfMembers, isOnlyOwner, lockMemberRow, type MemberView } from './members.queries.js';
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
 * The addressed member with its row locked until the transaction ends, read after the lock (so it
 * shows what a concurrent edit that held the lock committed). 404 as for `findAddressedMember`.
 */
export async function lockAddressedMember(tx: Executor, context: OrgContext, memberIdParam: string): Promise<MemberView> {
  const id = memberIdParam === 'me' ? context.member?.id : memberIdParam;
  if (!id || !(await lockMemberRow(tx, context.org.id, id))) throw notFound();
  return findAddressedMember(tx, context, id);
}

/** MemberWithRoles for a member as the requester sees it: roles it may assign, detailed user when it may. */
export async function memberWithRoles(executor: Executor, context: OrgContext, member: MemberView, now: Date) {
  const allowedRoles = allowedOrgRoles(context.access, context.scopeOptions);
  const teams = await findTeamsOfMembers(executor, context.org.id, [member.id]);
  let detail = null;
  if (allowedRoles.length > 0 && member.user_id !== null) {
    const canReset2fa =
      hasScope(context.access, 'member:admin') &&
      member.has2fa === true &&
      !(await belongsToOtherOrganization(executor, member.user_id, context.org.id));
    detail = { canReset2fa, authenticators: await findConfirmedAuthenticators(executor, member.user_id) };
  }
  return presentMemberWithRoles(member, now, {
    teams,
    allowedRoles,
    isOnlyOwner: await isOnlyOwner(executor, context.org.id, member),
    teamRolesEnabled: context.feature('team-roles'),
    detail,
  });
}
