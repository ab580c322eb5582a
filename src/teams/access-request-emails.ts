import type { Tx } from '../platform/db/database.js';
import { enqueueEmail, escapeHtml, htmlEmail, htmlLink } from '../platform/mail/outbox.js';
import { MAIL_SUBJECT_PREFIX } from '../platform/mail/templates/subject-prefix.js';

const SUBJECT = `${MAIL_SUBJECT_PREFIX} Team access request`;

interface AccessRequestEmail {
  organizationId: string;
  organizationName: string;
  teamName: string;
  /** The member who would join: display name and email. */
  name: string;
  email: string;
}

/**
 * The access-request email (sentry-behavior.md §8.4) to one approver, queued in the caller's
 * transaction. `requester` is set when someone asked on the member's behalf; `url` is the page where
 * requests are answered.
 */
export function queueAccessRequestEmail(
  tx: Tx,
  message: AccessRequestEmail & { to: string; url: string; requester: string | null },
): Promise<string> {
  const who = `${message.name} (${message.email})`;
  const asked = `${who} is requesting access to the ${message.teamName} team in ${message.organizationName}.`;
  const onBehalf = message.requester ? `The request was made by ${message.requester}.` : null;
  return enqueueEmail(tx, {
    organizationId: message.organizationId,
    type: 'team.access.request',
    to: message.to,
    subject: SUBJECT,
    text: [asked, ...(onBehalf ? ['', onBehalf] : []), '', 'Approve or deny the request here:', '', message.url].join('\n'),
    html: htmlEmail(SUBJECT, [
      escapeHtml(asked),
      ...(onBehalf ? [escapeHtml(onBehalf)] : []),
      htmlLink(message.url, 'Approve or deny the request'),
    ]),
  });
}

/** The email telling a member that its request to join a team was approved (§8.5). */
export function queueAccessApprovedEmail(tx: Tx, message: AccessRequestEmail): Promise<string> {
  const approved = `Your request to join the ${message.teamName} team in ${message.organizationName} has been approved.`;
  return enqueueEmail(tx, {
    organizationId: message.organizationId,
    type: 'team.access.approved',
    to: message.email,
    subject: SUBJECT,
    text: [`Hi ${message.name},`, '', approved].join('\n'),
    html: htmlEmail(SUBJECT, [`Hi ${escapeHtml(message.name)},`, escapeHtml(approved)]),
  });
}
