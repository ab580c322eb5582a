import { escapeHtml, htmlEmail, htmlLink, type EmailMessage } from '../platform/mail/outbox.js';

/** The email carrying a one-time sign-in link. */
export function signinEmail(to: string, link: string, validMinutes: number): EmailMessage {
  const subject = 'Your sign-in link for Roster';
  return {
    organizationId: null,
    type: 'user.signin-link',
    to,
    subject,
    text: [
      'Someone (hopefully you) asked to sign in to Roster with this address.',
      '',
      `Open this link to sign in: ${link}`,
      '',
      `It works once, within ${validMinutes} minutes. If you did not ask for it, ignore this email.`,
    ].join('\n'),
    html: htmlEmail(subject, [
      'Someone (hopefully you) asked to sign in to Roster with this address.',
      htmlLink(link, 'Sign in to Roster'),
      escapeHtml(`It works once, within ${validMinutes} minutes. If you did not ask for it, ignore this email.`),
    ]),
  };
}
