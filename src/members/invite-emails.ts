import type { Tx } from '../platform/db/database.js';
import { enqueueEmail, escapeHtml, htmlEmail, htmlLink } from '../platform/mail/outbox.js';

/** The invite email (sentry-behavior.md §8.1, in Roster's words), queued in the caller's transaction. */
export function queueInviteEmail(
  tx: Tx,
  { organizationId, organizationName, to, link }: { organizationId: string; organizationName: string; to: string; link: string },
): Promise<string> {
  const subject = `Join ${organizationName} on Roster`;
  return enqueueEmail(tx, {
    organizationId,
    type: 'organization.invite',
    to,
    subject,
    text: [
      `You've been invited to join ${organizationName}`,
      '',
      `Your teammates at ${organizationName} manage who belongs to their organization and its teams with Roster.`,
      '',
      `Join your team by visiting the following link:`,
      '',
      link,
      '',
      'This link is yours alone: please do not share it.',
    ].join('\n'),
    html: htmlEmail(subject, [
      `<strong>You've been invited to join ${escapeHtml(organizationName)}</strong>`,
      `Your teammates at ${escapeHtml(organizationName)} manage who belongs to their organization and its teams with Roster.`,
      htmlLink(link, 'Join your team'),
      'This link is yours alone: please do not share it.',
    ]),
  });
}

/** Where the SSO-link email leads: the sign-in flow that links a signed-in member's account (issue 15). */
export function ssoLinkUrl(publicUrl: string, orgSlug: string): string {
  return `${publicUrl}/auth/link/${orgSlug}/`;
}

/** The SSO-link email (§8.2): asks a full member to link their account to the organization's identity provider. */
export function queueSsoLinkEmail(
  tx: Tx,
  {
    organizationId,
    organizationName,
    to,
    actorEmail,
    provider,
    link,
  }: { organizationId: string; organizationName: string; to: string; actorEmail: string; provider: string; link: string },
): Promise<string> {
  const subject = `Action Required for ${organizationName}`;
  return enqueueEmail(tx, {
    organizationId,
    type: 'organization.auth_link',
    to,
    subject,
    text: [
      `${actorEmail} has asked you to link your account with ${provider} to continue using ${organizationName}.`,
      '',
      'Link your account by visiting:',
      '',
      link,
    ].join('\n'),
    html: htmlEmail(subject, [
      `${escapeHtml(actorEmail)} has asked you to link your account with ${escapeHtml(provider)} to continue using ${escapeHtml(organizationName)}.`,
      htmlLink(link, 'Link your account'),
    ]),
  });
}
