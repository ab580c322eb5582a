import { escapeHtml, htmlEmail, htmlLink } from '../outbox.js';
import { MAIL_SUBJECT_PREFIX } from './subject-prefix.js';

/** Sentry's `user.confirm_email`: the link that marks the address verified. */
export function confirmEmailEmail({ email, verifyUrl, daysValid }: { email: string; verifyUrl: string; daysValid: number }) {
  const subject = `${MAIL_SUBJECT_PREFIX} Confirm Email`;
  const text = [
    `Please confirm that ${email} is your email address by opening this link:`,
    '',
    verifyUrl,
    '',
    `The link works once and expires in ${daysValid} days. If you did not ask for it, ignore this email.`,
  ].join('\n');
  const html = htmlEmail(subject, [
    `Please confirm that <strong>${escapeHtml(email)}</strong> is your email address: ${htmlLink(verifyUrl, 'confirm my email')}.`,
    `The link works once and expires in ${daysValid} days. If you did not ask for it, ignore this email.`,
  ]);
  return { type: 'user.confirm_email', subject, text, html };
}
