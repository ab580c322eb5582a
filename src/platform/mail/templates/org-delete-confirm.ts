import { escapeHtml, htmlEmail, htmlLink } from '../outbox.js';
import { MAIL_SUBJECT_PREFIX } from './subject-prefix.js';

export interface OrgDeleteConfirmContext {
  organizationName: string;
  organizationSlug: string;
  /** Who asked for the deletion, and from where. */
  username: string;
  ipAddress: string | null;
  deletionAt: Date;
  etaHours: number;
  restoreUrl: string;
}

/** Sentry's `org.confirm_delete` (sentry-behavior.md §8.7), sent to every owner. */
export function orgDeleteConfirmEmail(context: OrgDeleteConfirmContext) {
  const subject = `${MAIL_SUBJECT_PREFIX} Organization Queued for Deletion`;
  const who = context.ipAddress ? `${context.username} (from ${context.ipAddress})` : context.username;
  const when = `${context.deletionAt.toISOString()} (in about ${context.etaHours} hours)`;
  const text = [
    `The organization ${context.organizationName} (${context.organizationSlug}) was queued for deletion by ${who}.`,
    `It will be deleted permanently at ${when}.`,
    '',
    'If this was a mistake, restore it before then:',
    context.restoreUrl,
  ].join('\n');
  const html = htmlEmail(subject, [
    `The organization <strong>${escapeHtml(context.organizationName)}</strong> (${escapeHtml(context.organizationSlug)}) was queued for deletion by ${escapeHtml(who)}.`,
    `It will be deleted permanently at ${escapeHtml(when)}.`,
    `If this was a mistake, ${htmlLink(context.restoreUrl, 'restore the organization')} before then.`,
  ]);
  return { type: 'org.confirm_delete', subject, text, html };
}
