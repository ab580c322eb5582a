import { escapeHtml, htmlEmail, htmlLink } from '../outbox.js';
import { MAIL_SUBJECT_PREFIX, capitalize } from './subject-prefix.js';

/**
 * Sent when an organization starts requiring verified email addresses: verify the address with the
 * first link, then rejoin with the fresh invite link.
 */
export function emailVerificationRequiredEmail({
  organizationName,
  verifyUrl,
  inviteUrl,
}: {
  organizationName: string;
  verifyUrl: string;
  inviteUrl: string;
}) {
  const subject = `${MAIL_SUBJECT_PREFIX} ${capitalize(organizationName)} Mandatory: Verify Your Email Address`;
  const text = [
    `The ${organizationName} organization now requires all members to have a verified email address.`,
    'Your membership has been suspended until you verify yours.',
    '',
    `1. Verify your email address: ${verifyUrl}`,
    `2. Then rejoin the organization: ${inviteUrl}`,
    '',
    'These links are yours alone: please do not share them.',
  ].join('\n');
  const html = htmlEmail(subject, [
    `The <strong>${escapeHtml(organizationName)}</strong> organization now requires all members to have a verified email address.`,
    'Your membership has been suspended until you verify yours.',
    `1. ${htmlLink(verifyUrl, 'Verify your email address')}.`,
    `2. Then ${htmlLink(inviteUrl, 'rejoin the organization')}.`,
    'These links are yours alone: please do not share them.',
  ]);
  return { type: 'user.email_verification_required', subject, text, html };
}
