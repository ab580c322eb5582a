import type { Tx } from '../platform/db/database.js';
import type { MemberRow } from '../platform/db/schema.js';
import { issueInviteToken } from './invite-token.js';
import { deleteInviteRequests, insertInvite } from './member-invites.queries.js';
import { deleteScimTombstone, insertScimTombstone, type ScimMemberProfile } from './member-scim.queries.js';
import { deleteMemberRow, type MemberView } from './members.queries.js';
import { memberEmail } from './member-audit.js';

export interface ScimProvision extends ScimMemberProfile {
  orgId: string;
  /** The invited address, lower-cased. */
  email: string;
  role: string;
  /** The identity provider chose the role (`sentryOrgRole`), so it manages it (`idp:role-restricted`). */
  roleRestricted: boolean;
}

/**
 * Provisions a person as a pending invite (spec scim.md §1.4 POST, Roster's choices 7, 11, 12): it
 * replaces the address's invite and join requests, carries `idp:provisioned` (and `idp:role-restricted`
 * when the identity provider chose the role) and the profile, gets a token but no email (people arrive
 * through SSO), and forgets the address's tombstone. Null when the organization has a pending invite
 * of the address already, including one a concurrent request committed first.
 */
export async function provisionScimMember(tx: Tx, provision: ScimProvision, now: Date): Promise<MemberRow | null> {
  await deleteInviteRequests(tx, provision.orgId, provision.email);
  const token = issueInviteToken(now);
  const member = await insertInvite(tx, {
    organization_id: provision.orgId,
    email: provision.email,
    role: provision.role,
    inviter_id: null,
    token_hash: token.hash,
    token_expires_at: token.expiresAt,
    idp_provisioned: true,
    idp_role_restricted: provision.roleRestricted,
    scim_external_id: provision.externalId,
    scim_profile: provision.profile === null ? null : JSON.stringify(provision.profile),
  });
  if (member) await deleteScimTombstone(tx, provision.orgId, provision.email);
  return member;
}

/**
 * Deletes a member the identity provider deprovisioned, its team memberships with it (foreign keys
 * cascade), and leaves the tombstone that keeps SSO and old invite links from bringing it back (choice
 * 7). The caller holds the member's lock and has checked the last owner.
 */
export async function deleteScimMember(tx: Tx, member: MemberView, now: Date): Promise<void> {
  await deleteMemberRow(tx, member.organization_id, member.id);
  await insertScimTombstone(tx, member.organization_id, { email: memberEmail(member).toLowerCase(), userId: member.user_id }, now);
}
