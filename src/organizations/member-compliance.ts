import type { Config } from '../config.js';
import type { Executor } from '../db/database.js';
import type { Requester } from '../auth/requester.js';
import { issueEmailVerification } from '../accounts/email-verification.js';
import { insertAuditEntry } from '../audit/audit.queries.js';
import { enqueueEmail } from '../mail/outbox.js';
import { emailVerificationRequiredEmail } from '../mail/templates/email-verification-required.js';
import { setupTwoFactorEmail } from '../mail/templates/setup-2fa.js';
import { memberAuditPayload } from '../members/member-audit.js';
import { findTeamsOfMembers } from '../members/members.queries.js';
import { inviteLink, issueInviteToken } from '../members/invite-token.js';
import { membersToDetach } from '../roles/enforcement.js';
import {
  deletePendingInviteByEmail,
  detachMemberUser,
  lockMembersWithUsers,
  type ComplianceMemberRow,
} from './member-compliance.queries.js';

export interface ComplianceRequirements {
  /** Enforce two-factor authentication (`require2FA: true`). */
  twoFactor: boolean;
  /** Enforce verified email addresses (`requireEmailVerification: true`). */
  emailVerification: boolean;
}

/** Who enforcement will detach, and why; read (and locked) before anything is written. */
export interface CompliancePlan {
  orgId: string;
  detach: ReadonlyArray<ComplianceMemberRow & { lacksTwoFactor: boolean; lacksVerifiedEmail: boolean }>;
}

/**
 * Decides who 2FA / email-verification enforcement (sentry-behavior.md §7 step 7) detaches: every
 * member whose user misses a requirement, except the owner that decisions.md item 10 keeps. It locks
 * the member rows it reads until the transaction ends; the caller holds the organization row lock,
 * so no concurrent owner change or other enforcement can act on what this read saw.
 */
export async function planMemberCompliance(tx: Executor, orgId: string, requirements: ComplianceRequirements): Promise<CompliancePlan> {
  if (!requirements.twoFactor && !requirements.emailVerification) return { orgId, detach: [] };
  const rows = (await lockMembersWithUsers(tx, orgId)).map((row) => ({
    ...row,
    lacksTwoFactor: requirements.twoFactor && !row.has_two_factor,
    lacksVerifiedEmail: requirements.emailVerification && !row.email_verified,
  }));
  const detachIds = new Set(
    membersToDetach(
      rows.map((row) => ({
        id: row.id,
        role: row.role,
        active: row.user_is_active && row.invite_status === 0,
        compliant: !row.lacksTwoFactor && !row.lacksVerifiedEmail,
      })),
    ),
  );
  return { orgId, detach: rows.filter((row) => detachIds.has(row.id)) };
}

/**
 * Carries out a plan in the same transaction: each member becomes a pending invite for the user's
 * address (role and teams kept, a fresh invite token), gets a `member.pending` audit entry and an
 * email with the new invite link (and a verification link when its address is unverified).
 * Returns the ids of the members it detached.
 */
export async function applyMemberCompliance(
  tx: Executor,
  deps: { config: Pick<Config, 'publicUrl'>; now: Date },
  plan: CompliancePlan,
  context: { orgName: string; actor: Requester },
): Promise<string[]> {
  const teams = await findTeamsOfMembers(tx, plan.orgId, plan.detach.map((row) => row.id));
  const detached: string[] = [];
  for (const row of plan.detach) {
    const userId = row.user_id!;
    const invite = issueInviteToken(deps.now);
    await deletePendingInviteByEmail(tx, plan.orgId, row.email);
    const done = await detachMemberUser(tx, plan.orgId, { id: row.id, userId, email: row.email, tokenHash: invite.hash, tokenExpiresAt: invite.expiresAt });
    if (!done) continue;
    detached.push(row.id);
    await insertAuditEntry(tx, {
      organizationId: plan.orgId,
      event: 'MEMBER_PENDING',
      actor: context.actor,
      targetObject: plan.orgId,
      targetUserId: userId,
      data: memberAuditPayload(
        { email: row.email, userId: null, role: row.role, inviteStatus: row.invite_status },
        teams.filter((team) => team.member_id === row.id),
      ),
    });
    const inviteUrl = inviteLink(deps.config, row.id, invite.token);
    const organizationName = context.orgName;
    if (row.lacksTwoFactor) {
      await enqueueEmail(tx, { organizationId: plan.orgId, to: row.email, ...setupTwoFactorEmail({ organizationName, inviteUrl }) });
    }
    if (row.lacksVerifiedEmail) {
      const verifyUrl = await issueEmailVerification(tx, deps.config, deps.now, { id: userId, email: row.email });
      await enqueueEmail(tx, { organizationId: plan.orgId, to: row.email, ...emailVerificationRequiredEmail({ organizationName, verifyUrl, inviteUrl }) });
    }
  }
  return detached;
}
