import { escapeHtml, htmlEmail, htmlLink } from '../outbox.js';
import { MAIL_SUBJECT_PREFIX, capitalize } from './subject-prefix.js';

/**
 * Sent instead of suspending a member when the organization starts requiring 2FA or a verified
 * address but the person who turned it on could not have removed that member (an owner, for a
 * manager): the membership stays, and the member is asked to comply (issue 13 item 2).
 */
export function complianceRequestEmail({
  organizationName,
  accountUrl,
  verifyUrl,
  lacksTwoFactor,
}: {
  organizationName: string;
  accountUrl: string;
  /** A link that verifies the member's address, when it is unverified and verification is required. */
  verifyUrl: string | null;
  lacksTwoFactor: boolean;
}) {
  const what = [lacksTwoFactor ? 'two-factor authentication' : null, verifyUrl ? 'a verified email address' : null].filter(Boolean).join(' and ');
  const subject = `${MAIL_SUBJECT_PREFIX} ${capitalize(organizationName)} Action Required: ${lacksTwoFactor ? 'Enable Two-Factor Authentication' : 'Verify Your Email Address'}`;
  const steps = [
    lacksTwoFactor ? `Enable two-factor authentication on your account: ${accountUrl}` : null,
    verifyUrl ? `Verify your email address: ${verifyUrl}` : null,
  ].filter((step): step is string => step !== null);
  const text = [
    `The ${organizationName} organization now requires all members to have ${what}.`,
    'Your membership has not been changed, but please do this soon:',
    '',
    ...steps.map((step, index) => `${index + 1}. ${step}`),
  ].join('\n');
  const htmlSteps = [
    lacksTwoFactor ? `${htmlLink(accountUrl, 'Enable two-factor authentication')} on your account.` : null,
    verifyUrl ? `${htmlLink(verifyUrl, 'Verify your email address')}.` : null,
  ].filter((step): step is string => step !== null);
  const html = htmlEmail(subject, [
    `The <strong>${escapeHtml(organizationName)}</strong> organization now requires all members to have ${what}.`,
    'Your membership has not been changed, but please do this soon:',
    ...htmlSteps.map((step, index) => `${index + 1}. ${step}`),
  ]);
  return { type: 'user.compliance_request', subject, text, html };
}
