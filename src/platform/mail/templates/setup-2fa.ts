import { escapeHtml, htmlEmail, htmlLink } from '../outbox.js';
import { MAIL_SUBJECT_PREFIX, capitalize } from './subject-prefix.js';

/**
 * Sentry's `user.setup_2fa` email (sentry-behavior.md §8.3): the organization now requires two-factor
 * authentication, the member's access was suspended, and the fresh invite link brings them back once
 * they have enrolled.
 */
export function setupTwoFactorEmail({ organizationName, inviteUrl }: { organizationName: string; inviteUrl: string }) {
  const subject = `${MAIL_SUBJECT_PREFIX} ${capitalize(organizationName)} Mandatory: Enable Two-Factor Authentication`;
  const text = [
    `The ${organizationName} organization now requires all members to use two-factor authentication.`,
    'Your membership has been suspended until you enable it on your account.',
    'Once two-factor authentication is on, rejoin the organization with this link:',
    '',
    inviteUrl,
    '',
    'The link is yours alone: please do not share it.',
  ].join('\n');
  const html = htmlEmail(subject, [
    `The <strong>${escapeHtml(organizationName)}</strong> organization now requires all members to use two-factor authentication.`,
    'Your membership has been suspended until you enable it on your account.',
    `Once two-factor authentication is on, ${htmlLink(inviteUrl, 'rejoin the organization')}.`,
    'The link is yours alone: please do not share it.',
  ]);
  return { type: 'user.setup_2fa', subject, text, html };
}
