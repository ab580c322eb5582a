import type { Tx } from '../platform/db/database.js';
import { enqueueEmail, escapeHtml, htmlEmail } from '../platform/mail/outbox.js';

/** Tells a member that their organization no longer signs in through its identity provider (Sentry's auth-sso-disabled). */
export function queueSsoDisabledEmail(
  tx: Tx,
  { organizationId, organizationName, to, provider }: { organizationId: string; organizationName: string; to: string; provider: string },
): Promise<string> {
  const subject = `Single sign-on disabled for ${organizationName}`;
  const lines = [
    `${organizationName} no longer signs its members in through ${provider}.`,
    'Sign in to Roster with your email address from now on; your membership is unchanged.',
  ];
  return enqueueEmail(tx, {
    organizationId,
    type: 'organization.sso_disabled',
    to,
    subject,
    text: lines.join('\n\n'),
    html: htmlEmail(subject, lines.map(escapeHtml)),
  });
}
