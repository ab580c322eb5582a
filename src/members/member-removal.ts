import type { Executor } from '../platform/db/database.js';
import { detailError, permissionDenied } from '../platform/http/errors.js';
import type { OrgContext } from '../access/org-context.js';
import { canManageOrgRole, hasScope, orgRolesWithScope } from '../access/access.js';
import { TOP_ORG_ROLE } from '../access/roles.js';
import { IDP_MANAGED_MEMBER } from '../access/idp-managed.js';
import { PARTNERSHIP_RESTRICTED } from './member-update.validation.js';
import { otherActiveMemberHasRole, type MemberView } from './members.queries.js';

/** How a member goes: a member-level requester withdrawing its own invite, or a full removal (or leave). */
export type Removal = 'own-invite' | 'member';

const MISSING_ADMIN = 'You are missing the member:admin scope.';
const MORE_ACCESS = 'You cannot remove a member who has more access than you.';

/**
 * §5.5 step 1: anyone may leave; removing someone else needs member:admin and a role at least the
 * target's ("more access than you", 400); a member-level requester may withdraw only its own pending
 * invites (400 otherwise). All refusals here are 400s, as in Sentry.
 */
export function checkRemovalPermission(context: OrgContext, member: MemberView): Removal {
  const { access, requester } = context;
  if (requester.isSuperuser) {
    if (!hasScope(access, 'member:admin')) throw detailError(400, MISSING_ADMIN);
    return 'member';
  }
  if (!context.member) throw detailError(400, MORE_ACCESS);
  const leaving = member.user_id !== null && member.user_id === requester.userId;
  if (leaving) return 'member';
  if (!hasScope(access, 'member:admin')) {
    if (context.org.disable_member_invite || !hasScope(access, 'member:invite')) throw detailError(400, MISSING_ADMIN);
    if (member.user_id !== null) throw detailError(400, MISSING_ADMIN);
    if (member.inviter_id !== requester.userId) throw detailError(400, 'You cannot modify invitations sent by someone else.');
    return 'own-invite';
  }
  if (!canManageOrgRole(context.member.role, member.role)) throw detailError(400, MORE_ACCESS);
  return 'member';
}

/**
 * §5.5 steps 2–4: never the organization's last owner, nor its last member with org:write (manager or
 * owner) (403; decisions.md item 10 adds the owner rule, Sentry checks only the second); never a member
 * managed by the identity provider or by a partnership (403). Callers hold the organization lock.
 */
export async function checkRemovable(tx: Executor, context: OrgContext, member: MemberView): Promise<void> {
  const orgWriteRoles = orgRolesWithScope('org:write');
  const lastOwner = member.role === TOP_ORG_ROLE && !(await otherActiveMemberHasRole(tx, context.org.id, member.id, [TOP_ORG_ROLE]));
  const lastManager =
    (orgWriteRoles as readonly string[]).includes(member.role) && !(await otherActiveMemberHasRole(tx, context.org.id, member.id, orgWriteRoles));
  if (lastOwner || lastManager) throw permissionDenied('You cannot remove the only remaining owner or manager of the organization.');
  if (member.idp_provisioned) throw permissionDenied(IDP_MANAGED_MEMBER);
  if (member.partnership_restricted) throw permissionDenied(PARTNERSHIP_RESTRICTED);
}
