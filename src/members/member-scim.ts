import type { Tx } from '../platform/db/database.js';
import type { MemberRow } from '../platform/db/schema.js';
import { issueInviteToken } from './invite-token.js';
import { deleteInviteRequests, insertInvite } from './member-invites.queries.js';
import { emitWebhookEvent } from '../platform/webhooks/emit-webhook.js';
import type { OrgRoleId } from '../access/roles.js';
import { redundantTeamRoles } from '../access/team-roles.js';
import { deleteScimTombstone, insertScimTombstone, updateScimRole, type ScimMemberProfile } from './member-scim.queries.js';
import { deleteMemberRow, updateMemberRole, type LockedMember } from './members.queries.js';
import { memberEmail } from './member-audit.js';
import { emitMemberUpdated, webhookMember, webhookMemberOf } from './member-webhooks.js';
import { teamsAfterRoleChange } from './org-role-change.js';

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
 * of the address already, including one a concurrent request committed first. Emits `member.invited`
 * (what happened is an invite, as the invite API's: the person joins, `member.joined`, at the SSO
 * sign-in that accepts it).
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
  if (!member) return null;
  await deleteScimTombstone(tx, provision.orgId, provision.email);
  await emitWebhookEvent(tx, provision.orgId, 'member.invited', {
    member: webhookMember({ id: member.id, email: provision.email, userId: null, role: provision.role, pending: true }, []),
  });
  return member;
}

/**
 * Deletes a member the identity provider deprovisioned, its team memberships with it (foreign keys
 * cascade), and leaves the tombstone that keeps SSO and old invite links from bringing it back (choice
 * 7); emits `member.removed`, as the member API's removal does. The caller holds the member's lock and
 * has checked the last owner.
 */
export async function deleteScimMember(tx: Tx, member: LockedMember, now: Date): Promise<void> {
  await deleteMemberRow(tx, member.organization_id, member.id);
  await emitWebhookEvent(tx, member.organization_id, 'member.removed', { member: webhookMemberOf(member, member.teams) });
  await insertScimTombstone(tx, member.organization_id, { email: memberEmail(member).toLowerCase(), userId: member.user_id }, now);
}

/**
 * The organization role the identity provider synced (`sentryOrgRole`, already checked) and whether it
 * manages the role from now on (`idp:role-restricted`). A new role keeps no team role it implies, as
 * the member API's role change (issue 5's invariant), and emits `member.updated` with the roles before
 * and after. The caller holds the member's lock. Returns whether the role changed.
 */
export async function syncScimRole(tx: Tx, member: LockedMember, sync: { role: string; roleRestricted: boolean }): Promise<boolean> {
  const orgId = member.organization_id;
  const changed = sync.role !== member.role;
  if (changed) {
    const change = { from: member.role, to: sync.role as OrgRoleId };
    await updateMemberRole(tx, orgId, member.id, change.to, redundantTeamRoles(change.to));
    await emitMemberUpdated(tx, orgId, { member, teams: member.teams }, { member: { ...member, role: change.to }, teams: teamsAfterRoleChange(member.teams, change) });
  }
  await updateScimRole(tx, orgId, member.id, sync);
  return changed;
}
