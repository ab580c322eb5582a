import type { Executor } from '../platform/db/database.js';
import type { Requester } from '../access/requester.js';
import { allowedOrgRoles } from '../access/access.js';
import { loadOrgContext, loadOrgContextWithMemberRole, type OrgContext } from '../access/org-context.js';
import { TOP_ORG_ROLE, type OrgRoleId, type Scope } from '../access/roles.js';
import { lockAddressedMember } from './member-details.js';
import type { LockedMember } from './members.queries.js';
import type { UpdateMemberBody } from './members.schemas.js';

/** A member `PUT` once it holds its locks: what every later step reads instead of computing again. */
export interface LockedEdit {
  readonly context: OrgContext;
  /** The addressed member, its row locked until the transaction ends. */
  readonly member: LockedMember;
  /** The org roles the requester may assign (`allowedOrgRoles` of `context`). */
  readonly allowedRoles: readonly OrgRoleId[];
  /** The organization row is locked too, so owners' role changes run one at a time. */
  readonly holdsOrgLock: boolean;
}

/**
 * May a `PUT` asking for `assignedRole` change an owner's role, and so need the organization lock? Only
 * a requester that may assign the owner role can touch an owner or make one (anyone else is refused),
 * and only when the member is an owner (`memberRole`, as last seen) or is to become one.
 */
export function mayChangeOwnerRole(assignedRole: string | null, memberRole: string | null, allowedRoles: readonly string[]): boolean {
  if (assignedRole === null || !allowedRoles.includes(TOP_ORG_ROLE)) return false;
  return assignedRole === TOP_ORG_ROLE || memberRole === TOP_ORG_ROLE;
}

/**
 * Takes a member `PUT`'s locks, always in one order, organization before member, so that two edits (or
 * an edit and a removal, which locks both in that order) cannot deadlock. The locks are chosen before
 * any is taken: the organization context comes with the member's role as last committed (one round
 * trip), and the organization is locked only when the edit may change an owner's role. A member that
 * became an owner after that read is found so under its lock; org-role-change.ts then keeps the last
 * owner without the organization lock. 404/403/401 as `loadOrgContext` and `lockAddressedMember` say.
 */
export async function lockMemberForEdit(
  tx: Executor,
  requester: Requester,
  orgIdOrSlug: string,
  memberId: string,
  body: UpdateMemberBody,
  anyScope: readonly Scope[],
): Promise<LockedEdit> {
  const assignedRole = body.orgRole ?? body.role ?? null;
  let context: OrgContext;
  let memberRole: string | null = null;
  if (assignedRole === null) {
    context = await loadOrgContext(tx, requester, orgIdOrSlug, { anyScope });
  } else if (memberId === 'me') {
    context = await loadOrgContext(tx, requester, orgIdOrSlug, { anyScope });
    memberRole = context.member?.role ?? null;
  } else {
    ({ context, memberRole } = await loadOrgContextWithMemberRole(tx, requester, orgIdOrSlug, memberId, { anyScope }));
  }
  let allowedRoles = allowedOrgRoles(context.access, context.scopeOptions);
  const holdsOrgLock = mayChangeOwnerRole(assignedRole, memberRole, allowedRoles);
  if (holdsOrgLock) {
    // Read again under the lock: the previous holder may have changed the requester's own role.
    context = await loadOrgContext(tx, requester, orgIdOrSlug, { anyScope, forUpdate: true });
    allowedRoles = allowedOrgRoles(context.access, context.scopeOptions);
  }
  const member = await lockAddressedMember(tx, context, memberId);
  return { context, member, allowedRoles, holdsOrgLock };
}
