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

/** What enforcement does to the members that miss a requirement. */
export interface EnforcementPlan {
  /** Turned back into pending invites. */
  detach: string[];
  /** Left as they are and emailed to comply: the requester could not have removed them. */
  askToComply: string[];
}

/**
 * The members that enforcement turns back into pending invites: every non-compliant one that the
 * requester could remove (`mayRemove`, the removal rule: a manager never suspends an owner, issue 13
 * item 2); the others are asked to comply instead. The organization never loses its last active
 * owner (decisions.md item 10): when no compliant active owner remains, the non-compliant active
 * owner with the lowest id (the earliest) is kept, and neither detached nor asked.
 */
export function planEnforcement(members: readonly EnforcementCandidate[], mayRemove: (role: string) => boolean): EnforcementPlan {
  const top = ORG_ROLES[ORG_ROLES.length - 1]!.id;
  const activeOwners = members.filter((member) => member.role === top && member.active);
  const keep = activeOwners.some((owner) => owner.compliant)
    ? null
    : ([...activeOwners].sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1))[0]?.id ?? null);
  const missing = members.filter((member) => !member.compliant && member.id !== keep);
  return {
    detach: missing.filter((member) => mayRemove(member.role)).map((member) => member.id),
    askToComply: missing.filter((member) => !mayRemove(member.role)).map((member) => member.id),
  };
}
