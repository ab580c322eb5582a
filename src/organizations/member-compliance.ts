import type { Config } from '../config.js';
import type { Executor, Tx } from '../platform/db/database.js';
import type { Requester } from '../access/requester.js';
import { issueEmailVerification } from '../identity/email-verification.js';
import { recordAudit } from '../audit/record-audit.js';
import { enqueueEmail } from '../platform/mail/outbox.js';
import { emailVerificationRequiredEmail } from '../platform/mail/templates/email-verification-required.js';
import { setupTwoFactorEmail } from '../platform/mail/templates/setup-2fa.js';
import { complianceRequestEmail } from '../platform/mail/templates/compliance-request.js';
import { memberAuditPayload } from '../members/member-audit.js';
import { findTeamsOfMembers } from '../members/members.queries.js';
import { inviteLink } from '../members/invite-token.js';
import { turnMemberIntoInvite } from '../members/member-invites.js';
import { planEnforcement } from '../access/enforcement.js';
import { lockMembersWithUsers, type ComplianceMemberRow } from './member-compliance.queries.js';

export interface ComplianceRequirements {
  /** Enforce two-factor authentication (`require2FA: true`). */
  twoFactor: boolean;
  /** Enforce verified email addresses (`requireEmailVerification: true`). */
  emailVerification: boolean;
}

type PlannedMember = ComplianceMemberRow & { lacksTwoFactor: boolean; lacksVerifiedEmail: boolean };

/** Who enforcement will detach, and whom it will only ask to comply; read (and locked) before anything is written. */
export interface CompliancePlan {
  orgId: string;
  detach: readonly PlannedMember[];
  askToComply: readonly PlannedMember[];
}

/** A member enforcement left in place and emailed (the requester could not have removed it). */
export interface AskedToComply {
  id: string;
  email: string;
  orgRole: string;
}

/**
 * Decides what 2FA / email-verification enforcement (sentry-behavior.md §7 step 7) does to each member
 * whose user misses a requirement: detach it when the requester could remove it (`mayRemove`, the
 * removal rule), else ask it to comply; the owner that decisions.md item 10 keeps is left alone. It
 * locks the member rows it reads until the transaction ends; the caller holds the organization row
 * lock, so no concurrent owner change or other enforcement can act on what this read saw.
 */
export async function planMemberCompliance(
  tx: Executor,
  orgId: string,
  requirements: ComplianceRequirements,
  mayRemove: (role: string) => boolean,
): Promise<CompliancePlan> {
  if (!requirements.twoFactor && !requirements.emailVerification) return { orgId, detach: [], askToComply: [] };
  const rows = (await lockMembersWithUsers(tx, orgId)).map((row) => ({
    ...row,
    lacksTwoFactor: requirements.twoFactor && !row.has_two_factor,
    lacksVerifiedEmail: requirements.emailVerification && !row.email_verified,
  }));
  const plan = planEnforcement(
    rows.map((row) => ({
      id: row.id,
      role: row.role,
      active: row.user_is_active && row.invite_status === 0,
      compliant: !row.lacksTwoFactor && !row.lacksVerifiedEmail,
    })),
    mayRemove,
  );
  const pick = (ids: readonly string[]) => rows.filter((row) => ids.includes(row.id));
  return { orgId, detach: pick(plan.detach), askToComply: pick(plan.askToComply) };
}

/**
 * Carries out a plan in the same transaction: each member becomes a pending invite for the user's
 * address (role and teams kept, a fresh invite token), gets a `member.pending` audit entry and an
 * email with the new invite link (and a verification link when its address is unverified). Each
 * member only asked to comply gets an email saying what to do. Returns those asked.
 */
export async function applyMemberCompliance(
  tx: Tx,
  deps: { config: Pick<Config, 'publicUrl'>; now: Date },
  plan: CompliancePlan,
  context: { orgName: string; actor: Requester },
): Promise<AskedToComply[]> {
  const organizationName = context.orgName;
  const teams = await findTeamsOfMembers(tx, plan.orgId, plan.detach.map((row) => row.id));
  for (const row of plan.detach) {
    const userId = row.user_id!;
    const held = teams.filter((team) => team.member_id === row.id);
    const invite = await turnMemberIntoInvite(tx, plan.orgId, { id: row.id, userId, email: row.email, role: row.role, teams: held }, deps.now);
    if (!invite) continue;
    await recordAudit(tx, {
      organizationId: plan.orgId,
      event: 'MEMBER_PENDING',
      actor: context.actor,
      targetObject: plan.orgId,
      targetUserId: userId,
      data: memberAuditPayload(
        { email: row.email, userId: null, role: row.role, inviteStatus: row.invite_status },
        held,
      ),
    });
    const inviteUrl = inviteLink(deps.config, row.id, invite.token);
    if (row.lacksTwoFactor) {
      await enqueueEmail(tx, { organizationId: plan.orgId, to: row.email, ...setupTwoFactorEmail({ organizationName, inviteUrl }) });
    }
    if (row.lacksVerifiedEmail) {
      const verifyUrl = await issueEmailVerification(tx, deps.config, deps.now, { id: userId, email: row.email });
      await enqueueEmail(tx, { organizationId: plan.orgId, to: row.email, ...emailVerificationRequiredEmail({ organizationName, verifyUrl, inviteUrl }) });
    }
  }
  for (const row of plan.askToComply) {
    const verifyUrl = row.lacksVerifiedEmail ? await issueEmailVerification(tx, deps.config, deps.now, { id: row.user_id!, email: row.email }) : null;
    const accountUrl = `${deps.config.publicUrl}/account/`;
    await enqueueEmail(tx, {
      organizationId: plan.orgId,
      to: row.email,
      ...complianceRequestEmail({ organizationName, accountUrl, verifyUrl, lacksTwoFactor: row.lacksTwoFactor }),
    });
  }
  return plan.askToComply.map((row) => ({ id: row.id, email: row.email, orgRole: row.role }));
}
