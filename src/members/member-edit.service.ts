import type { Config } from '../config.js';
import type { Db, Tx } from '../platform/db/database.js';
import type { Requester } from '../access/requester.js';
import { recordAudit, recordAudits } from '../audit/record-audit.js';
import type { Clock } from '../platform/lib/clock.js';
import { loadOrgContext, type OrgContext } from '../access/org-context.js';
import type { OrgRoleId, Scope } from '../access/roles.js';
import { memberAuditData } from './member-audit.js';
import { emitMemberUpdated, webhookMember, webhookMemberOf } from './member-webhooks.js';
import { emitWebhookEvent } from '../platform/webhooks/emit-webhook.js';
import { lockAddressedMember, memberWithRoles } from './member-details.js';
import { lockMemberForEdit, type LockedEdit } from './member-edit-locks.js';
import { checkRemovable, checkRemovalPermission } from './member-removal.js';
import { reinviteMember } from './member-reinvite.js';
import { checkEditPermission, validateMemberUpdate, type MemberUpdateRequest } from './member-update.validation.js';
import { deleteMemberRow, deletePendingInvitesSentBy, type MemberTeamView, type MemberView } from './members.queries.js';
import type { UpdateMemberBody } from './members.schemas.js';
import { MEMBER_READ_SCOPES } from './members.service.js';
import { changeOrgRole, planOrgRoleChange, teamsAfterRoleChange } from './org-role-change.js';
import { planTeamAssignment, saveTeamAssignment, teamsAfterAssignment } from './team-assignments.js';

export const MEMBER_EDIT_SCOPES: readonly Scope[] = ['member:invite', 'member:write', 'member:admin'];

export interface MemberEditServiceDeps {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'publicUrl'>;
}

/** A member as a `PUT` left it, with what its answer needs that the edit holds already. */
interface EditedMember {
  context: OrgContext;
  allowedRoles: readonly OrgRoleId[];
  member: MemberView;
  teams: readonly MemberTeamView[];
}

/**
 * §5.4 steps 7–12, the edit: every check (team list, role change) before the first write, then the
 * team assignment, the role change and one `member.edit` entry with the member as it now is. Returns
 * the member and its teams after the edit, from what it wrote: nothing is read back.
 */
async function editMember(tx: Tx, edit: LockedEdit, request: MemberUpdateRequest): Promise<EditedMember> {
  const { context, member } = edit;
  const assignment = await planTeamAssignment(tx, edit, request);
  const roleChange = await planOrgRoleChange(tx, edit, request);
  const teamEntries = assignment ? await saveTeamAssignment(tx, context, member, assignment) : [];
  if (roleChange) await changeOrgRole(tx, context, member, roleChange);
  // The new team list, else the locked member's teams; a role change clears the team roles it implies.
  const teamsSaved = assignment ? teamsAfterAssignment(member, assignment) : member.teams;
  const teams = roleChange ? teamsAfterRoleChange(teamsSaved, roleChange) : teamsSaved;
  const edited: MemberView = roleChange ? { ...member, role: roleChange.to } : member;
  await emitMemberUpdated(tx, context.org.id, { member, teams: member.teams }, { member: edited, teams });
  await recordAudits(tx, [
    ...teamEntries,
    {
      organizationId: context.org.id,
      event: 'MEMBER_EDIT',
      actor: context.requester,
      targetObject: member.id,
      targetUserId: member.user_id,
      data: memberAuditData(edited, teams),
    },
  ]);
  return { context, allowedRoles: edit.allowedRoles, member: edited, teams };
}

/**
 * Editing and removing members (sentry-behavior.md §5.4–5.5 with decisions.md fixes 1–4, 6, 9, 10).
 * Each request is one transaction under a lock on the member row, and every check runs before the
 * first write, so a refused request changes nothing. A request that can take away an owner (an owner's
 * role change, a removal) locks the organization row first, so those run one at a time per
 * organization; other edits of different members run side by side. A `PUT` chooses its locks before
 * it takes any (member-edit-locks.ts) and never starts over.
 */
export function createMemberEditService({ db, clock, config }: MemberEditServiceDeps) {
  return {
    /**
     * `PUT …/members/{id}/`: validate → (reinvite) → team assignment → org-role change → audit. Needs
     * member:invite, member:write or member:admin. 200 MemberWithRoles; 400/403/404/429 with Sentry's bodies.
     */
    async update(requester: Requester, orgIdOrSlug: string, memberId: string, body: UpdateMemberBody) {
      const now = clock.now();
      const edited = await db.transaction().execute(async (tx): Promise<EditedMember> => {
        const edit = await lockMemberForEdit(tx, requester, orgIdOrSlug, memberId, body, MEMBER_EDIT_SCOPES);
        const request = await validateMemberUpdate(tx, edit.context, edit.allowedRoles, body);
        checkEditPermission(edit.context, edit.member, request);
        if (!request.reinvite) return editMember(tx, edit, request);
        const member = await reinviteMember(tx, { config, now }, edit, request);
        return { context: edit.context, allowedRoles: edit.allowedRoles, member, teams: member.teams };
      });
      // Answered after the commit: what the edit does not hold (whether an owner is the only one, the
      // detailed user's second factors) is read without keeping the member locked.
      return memberWithRoles(db, edited.context, edited.member, now, { teams: edited.teams, allowedRoles: edited.allowedRoles });
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
        await emitWebhookEvent(tx, context.org.id, 'member.removed', { member: webhookMemberOf(member, member.teams) });
        if (removal === 'member' && member.user_id !== null) {
          // Its pending invites are withdrawn with it (invite requests were never invites: no event).
          for (const invite of await deletePendingInvitesSentBy(tx, context.org.id, member.user_id)) {
            if (invite.invite_status !== 0) continue;
            const withdrawn = { id: invite.id, email: invite.email ?? '', userId: null, role: invite.role, pending: true };
            await emitWebhookEvent(tx, context.org.id, 'member.removed', { member: webhookMember(withdrawn, invite.teams) });
          }
        }
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
