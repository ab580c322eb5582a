import type { Config } from '../config.js';
import type { Executor } from '../db/database.js';
import type { Requester } from '../auth/requester.js';
import { issueEmailVerification } from '../accounts/email-verification.js';
import { insertAuditEntry } from '../audit/audit.queries.js';
import { enqueueEmail } from '../mail/outbox.js';
import { emailVerificationRequiredEmail } from '../mail/templates/email-verification-required.js';
import { setupTwoFactorEmail } from '../mail/templates/setup-2fa.js';
import { memberAuditData } from '../members/member-audit.js';
import { inviteLink, issueInviteToken } from '../members/invite-token.js';
import { membersToDetach } from '../roles/access.js';
import {
  deletePendingInviteByEmail,
  detachMemberUser,
  findMembersTeams,
  lockMembersWithUsers,
  type ComplianceMemberRow,
} from './member-compliance.queries.js';

export interface ComplianceRun {
  org: { id: string; name: string };
  actor: Requester;
  /** Enforce two-factor authentication (`require2FA: true`). */
  twoFactor: boolean;
  /** Enforce verified email addresses (`requireEmailVerification: true`). */
  emailVerification: boolean;
}

/**
 * 2FA and email-verification enforcement (sentry-behavior.md §7 step 7), in the caller's transaction:
 * each member whose user misses a requirement becomes a pending invite for the user's address (role and
 * teams kept, a fresh invite token), gets a `member.pending` audit entry and an email with the new
 * invite link — except the owner that decisions.md item 10 keeps. The caller must hold the organization
 * row lock; the member rows are locked here. Returns the ids of the members it detached.
 */
export async function enforceMemberCompliance(
  tx: Executor,
  deps: { config: Pick<Config, 'publicUrl'>; now: Date },
  run: ComplianceRun,
): Promise<string[]> {
  if (!run.twoFactor && !run.emailVerification) return [];
  const rows = await lockMembersWithUsers(tx, run.org.id);
  const lacksTwoFactor = (row: ComplianceMemberRow) => run.twoFactor && !row.has_two_factor;
  const lacksVerifiedEmail = (row: ComplianceMemberRow) => run.emailVerification && !row.email_verified;
  const detachIds = new Set(
    membersToDetach(
      rows.map((row) => ({
        id: row.id,
        role: row.role,
        active: row.user_is_active && row.invite_status === 0,
        compliant: !lacksTwoFactor(row) && !lacksVerifiedEmail(row),
      })),
    ),
  );
  const teams = await findMembersTeams(tx, run.org.id, [...detachIds]);
  const detached: string[] = [];

  for (const row of rows) {
    if (!detachIds.has(row.id)) continue;
    const userId = row.user_id!;
    const invite = issueInviteToken(deps.now);
    await deletePendingInviteByEmail(tx, run.org.id, row.email);
    const done = await detachMemberUser(tx, run.org.id, { id: row.id, userId, email: row.email, tokenHash: invite.hash, tokenExpiresAt: invite.expiresAt });
    if (!done) continue;
    detached.push(row.id);
    await insertAuditEntry(tx, {
      organizationId: run.org.id,
      event: 'MEMBER_PENDING',
      actor: run.actor,
      targetObject: run.org.id,
      targetUserId: userId,
      data: memberAuditData({
        email: row.email,
        userId: null,
        role: row.role,
        inviteStatus: row.invite_status,
        teams: teams.filter((team) => team.member_id === row.id),
      }),
    });
    const inviteUrl = inviteLink(deps.config, row.id, invite.token);
    if (lacksTwoFactor(row)) {
      await enqueueEmail(tx, { organizationId: run.org.id, to: row.email, ...setupTwoFactorEmail({ organizationName: run.org.name, inviteUrl }) });
    }
    if (lacksVerifiedEmail(row)) {
      const verifyUrl = await issueEmailVerification(tx, deps.config, deps.now, { id: userId, email: row.email });
      await enqueueEmail(tx, {
        organizationId: run.org.id,
        to: row.email,
        ...emailVerificationRequiredEmail({ organizationName: run.org.name, verifyUrl, inviteUrl }),
      });
    }
  }
  return detached;
}
