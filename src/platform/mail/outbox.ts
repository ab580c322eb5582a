import crypto from 'node:crypto';
import type { Tx } from '../db/database.js';
import { insertOutboxEmail } from './outbox.queries.js';

export interface EmailMessage {
  organizationId: string | null;
  /** Sentry's message type, e.g. `organization.invite`. */
  type: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * Queues an email in the transaction of the change that causes it; the mail worker delivers it after
 * commit. The Message-ID is fixed here, so every delivery attempt of this email carries the same one.
 */
export async function enqueueEmail(tx: Tx, message: EmailMessage): Promise<string> {
  const messageId = `<${crypto.randomUUID()}@roster>`;
  await insertOutboxEmail(tx, {
    organizationId: message.organizationId,
    messageId,
    type: message.type,
    recipient: message.to,
    subject: message.subject,
    textBody: message.text,
    htmlBody: message.html,
  });
  return messageId;
}

/** Escapes text for an HTML email body. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The HTML frame every email shares, around paragraphs that the caller already escaped. */
export function htmlEmail(title: string, paragraphsHtml: string[]): string {
  return [
    '<!doctype html>',
    `<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5; color: #2b2233">',
    ...paragraphsHtml.map((paragraph) => `<p>${paragraph}</p>`),
    '</body></html>',
  ].join('\n');
}

/** A link in an HTML email. */
export function htmlLink(url: string, label: string): string {
  return `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;
}
