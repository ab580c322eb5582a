import { ORG_ROLES } from './roles.js';

/** A member with a user, as 2FA or email-verification enforcement sees it. */
export interface EnforcementCandidate {
  id: string;
  role: string;
  /** An approved member whose user is active: what "the organization has an owner" counts. */
  active: boolean;
  /** Meets every requirement being enforced. */
  compliant: boolean;
}

/**
 * The members that enforcement turns back into pending invites: every non-compliant one, except that
 * the organization never loses its last active owner (decisions.md item 10). When no compliant active
 * owner remains, the non-compliant active owner with the lowest id (the earliest) is kept.
 */
export function membersToDetach(members: readonly EnforcementCandidate[]): string[] {
  const top = ORG_ROLES[ORG_ROLES.length - 1]!.id;
  const activeOwners = members.filter((member) => member.role === top && member.active);
  const keep = activeOwners.some((owner) => owner.compliant)
    ? null
    : ([...activeOwners].sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1))[0]?.id ?? null);
  return members.filter((member) => !member.compliant && member.id !== keep).map((member) => member.id);
}
