import type { Config } from '../config.js';
import type { Db, Executor } from '../platform/db/database.js';
import type { Requester } from '../access/requester.js';
import { recordAudit, recordAudits } from '../audit/record-audit.js';
import type { Clock } from '../platform/lib/clock.js';
import { loadOrgContext, type OrgContext } from '../access/org-context.js';
import { TOP_ORG_ROLE, type Scope } from '../access/roles.js';
import { memberAuditData } from './member-audit.js';
import { lockAddressedMember, memberWithRoles } from './member-details.js';
import { checkRemovable, checkRemovalPermission } from './member-removal.js';
import { reinviteMember } from './member-reinvite.js';
import { checkEditPermission, validateMemberUpdate, type MemberUpdateRequest } from './member-update.validation.js';
import { deleteMemberRow, deletePendingInvitesSentBy, findMemberView, findTeamsOfMembers, type LockedMember, type MemberView } from './members.queries.js';
import type { UpdateMemberBody } from './members.schemas.js';
import { MEMBER_READ_SCOPES } from './members.service.js';
import { changeOrgRole, planOrgRoleChange, teamsAfterRoleChange } from './org-role-change.js';
import { planTeamAssignment, saveTeamAssignment } from './team-assignments.js';

export const MEMBER_EDIT_SCOPES: readonly Scope[] = ['member:invite', 'member:write', 'member:admin'];

export interface MemberEditServiceDeps {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'publicUrl'>;
}

/**
 * §5.4 steps 7–12, the edit: every check (team list, role change) before the first write, then the
 * team assignment, the role change and one `member.edit` entry with the member as it now is. Returns
 * the member and its teams after the edit.
 */
async function editMember(tx: Executor, context: OrgContext, member: LockedMember, request: MemberUpdateRequest) {
  const teams = await planTeamAssignment(tx, context, member, request);
  const roleChange = await planOrgRoleChange(tx, context, member, request);
  const teamEntries = teams ? await saveTeamAssignment(tx, context, member, teams) : [];
  if (roleChange) await changeOrgRole(tx, context, member, roleChange);
  // Without a new team list the teams are the locked member's, with the role change applied.
  let teamsAfter = member.teams;
  if (teams) teamsAfter = await findTeamsOfMembers(tx, context.org.id, [member.id]);
  else if (roleChange) teamsAfter = teamsAfterRoleChange(member.teams, roleChange);
  const edited: MemberView = roleChange ? { ...member, role: roleChange.to } : member;
  await recordAudits(tx, [
    ...teamEntries,
    {
      organizationId: context.org.id,
      event: 'MEMBER_EDIT',
      actor: context.requester,
      targetObject: member.id,
      targetUserId: member.user_id,
      data: memberAuditData(edited, teamsAfter),
    },
  ]);
  return { member: edited, teams: teamsAfter };
}

/** Would this `PUT` change the role of an owner (and so perhaps leave the organization without one)? */
function changesOwnerRole(member: MemberView, body: UpdateMemberBody): boolean {
  const role = body.orgRole ?? body.role;
  return member.role === TOP_ORG_ROLE && role !== undefined && role !== member.role;
}

/** An edit found, under its member lock, that it needs the organization lock too; it starts over with it. */
class OrganizationLockNeeded extends Error {}

/**
 * Editing and removing members (sentry-behavior.md §5.4–5.5 with decisions.md fixes 1–4, 6, 9, 10).
 * Each request is one transaction under a lock on the member row, and every check runs before the
 * first write, so a refused request changes nothing. A request that can take away an owner (an owner's
 * role change, a removal) locks the organization row first, so those run one at a time per
 * organization; other edits of different members run side by side.
 */
export function createMemberEditService({ db, clock, config }: MemberEditServiceDeps) {
  return {
    /**
     * `PUT …/members/{id}/`: validate → (reinvite) → team assignment → org-role change → audit. Needs
     * member:invite, member:write or member:admin. 200 MemberWithRoles; 400/403/404/429 with Sentry's bodies.
     */
    update(requester: Requester, orgIdOrSlug: string, memberId: string, body: UpdateMemberBody) {
      // The organization lock must come before the member lock (removals take them in that order), so an
      // edit that finds an owner's role changing only once it holds the member starts over with both.
      const attempt = (lockOrganization: boolean) =>
        db.transaction().execute(async (tx) => {
          const context = await loadOrgContext(tx, requester, orgIdOrSlug, { anyScope: MEMBER_EDIT_SCOPES, forUpdate: lockOrganization });
          const member = await lockAddressedMember(tx, context, memberId);
          if (!lockOrganization && changesOwnerRole(member, body)) throw new OrganizationLockNeeded();
          const request = await validateMemberUpdate(tx, context, body);
          checkEditPermission(context, member, request);
          const now = clock.now();
          if (!request.reinvite) {
            const edited = await editMember(tx, context, member, request);
            return memberWithRoles(tx, context, edited.member, now, edited.teams);
          }
          await reinviteMember(tx, { config, now }, context, member, request);
          const reinvited = (await findMemberView(tx, context.org.id, { id: member.id }))!;
          return memberWithRoles(tx, context, reinvited, now, member.teams);
        });
      return attempt(false).catch((error: unknown) => {
        if (error instanceof OrganizationLockNeeded) return attempt(true);
        throw error;
      });
    },

    /**
     * `DELETE …/members/{id}/`: remove a member, leave (`me`), or withdraw one's own invite. Needs
     * member:read (or write/admin). Removing a member also deletes the invites it sent that are still
     * pending. 204; 400/403/404 with Sentry's bodies.
     */
    async remove(requester: Requester, orgIdOrSlug: string, memberId: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const context = await loadOrgContext(tx, requester, orgIdOrSlug, { anyScope: MEMBER_READ_SCOPES, forUpdate: true });
        const member = await lockAddressedMember(tx, context, memberId);
        const removal = checkRemovalPermission(context, member);
        if (removal === 'member') await checkRemovable(tx, context, member);
        const data = memberAuditData(member, member.teams);
        await deleteMemberRow(tx, context.org.id, member.id);
        if (removal === 'member' && member.user_id !== null) await deletePendingInvitesSentBy(tx, context.org.id, member.user_id);
        await recordAudit(tx, {
          organizationId: context.org.id,
          event: 'MEMBER_REMOVE',
          actor: requester,
          targetObject: member.id,
          targetUserId: member.user_id,
          data,
        });
      });
    },
  };
}

export type MemberEditService = ReturnType<typeof createMemberEditService>;
