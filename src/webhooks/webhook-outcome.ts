import type { Tx } from '../platform/db/database.js';
import { enqueueEmail, escapeHtml, htmlEmail, htmlLink } from '../platform/mail/outbox.js';
import { MAIL_SUBJECT_PREFIX } from '../platform/mail/templates/subject-prefix.js';
import { findActiveOwnerUsers } from '../organizations/org-settings.queries.js';
import { disableEndpoint, finishMessage, findOrganizationName, insertDeliveryAttempt, scheduleRetry, type ClaimedMessage } from './webhook-delivery.queries.js';
import type { WebhookResponse } from './webhook-sender.js';
import { DAY_MS } from '../platform/lib/clock.js';

/** How long a failing endpoint is retried before it is turned off and its owners are told. */
export const GIVE_UP_AFTER_MS = 3 * DAY_MS;

/** The wait after the first failed attempt, unless ROSTER_WEBHOOK_RETRY_BASE_SECONDS shortens it. */
export const DEFAULT_RETRY_BASE_MS = 5000;

/** The wait after the n-th failed attempt: 5 s, 10 s, 20 s … doubling, at most 6 hours (about 24 attempts in 3 days). */
export function webhookRetryDelayMs(attempts: number, baseMs = DEFAULT_RETRY_BASE_MS): number {
  return Math.min(6 * 60 * 60 * 1000, baseMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * What became of one attempt: delivered (2xx); retrying later; the receiver is gone (410: the endpoint
 * is turned off); or given up after 3 days of failures (the endpoint is turned off, its owners emailed).
 */
export type DeliveryOutcome = 'delivered' | 'retrying' | 'gone' | 'given-up';

export interface AttemptResult {
  message: ClaimedMessage;
  response: WebhookResponse;
  attemptedAt: Date;
  durationMs: number;
  publicUrl: string;
  /** The first retry's wait (webhookRetryDelayMs); the default when absent. */
  retryBaseMs?: number;
}

export function outcomeOf(message: Pick<ClaimedMessage, 'first_failure_at'>, response: WebhookResponse, now: Date): DeliveryOutcome {
  if (response.status !== null && response.status >= 200 && response.status < 300) return 'delivered';
  if (response.status === 410) return 'gone';
  const firstFailure = message.first_failure_at ? new Date(message.first_failure_at).getTime() : now.getTime();
  return now.getTime() - firstFailure >= GIVE_UP_AFTER_MS ? 'given-up' : 'retrying';
}

/** Writes the attempt to the log and its consequence, in one transaction (the worker's, after the send). */
export async function recordOutcome(tx: Tx, { message, response, attemptedAt, durationMs, publicUrl, retryBaseMs }: AttemptResult): Promise<DeliveryOutcome> {
  const orgId = message.organization_id;
  const outcome = outcomeOf(message, response, attemptedAt);
  await insertDeliveryAttempt(tx, {
    organizationId: orgId,
    endpointId: message.endpoint_id,
    messageId: message.id,
    eventId: message.event_id,
    eventType: message.event_type,
    attemptedAt,
    durationMs,
    responseStatus: response.status,
    responseExcerpt: response.excerpt,
    error: response.error,
    succeeded: outcome === 'delivered',
  });
  // A send slower than its lease may have been claimed again by another worker: then that claim
  // decides what becomes of the message, and this attempt only stays in the log.
  if (outcome === 'delivered') {
    await finishMessage(tx, message, 'delivered', attemptedAt);
  } else if (outcome === 'retrying') {
    await scheduleRetry(tx, message, new Date(attemptedAt.getTime() + webhookRetryDelayMs(message.attempts, retryBaseMs)), attemptedAt);
  } else if (await finishMessage(tx, message, 'failed', attemptedAt)) {
    await disableEndpoint(tx, orgId, message.endpoint_id, outcome === 'gone' ? 'gone' : 'failing', attemptedAt);
    if (outcome === 'given-up') await emailOwners(tx, message, publicUrl);
  }
  return outcome;
}

/** Tells the organization's owners that an endpoint was turned off after 3 days of failed deliveries. */
async function emailOwners(tx: Tx, message: ClaimedMessage, publicUrl: string): Promise<void> {
  const org = await findOrganizationName(tx, message.organization_id);
  if (!org) return;
  const settings = `${publicUrl}/organizations/${org.slug}/settings/webhooks/`;
  const text = [
    `Roster could not deliver webhooks of ${org.name} to ${message.url} for 3 days, so it turned this endpoint off.`,
    'Events that happen while it is off are not kept for it. Fix the receiver, then turn the endpoint on again and redeliver what it missed:',
    settings,
  ];
  for (const owner of await findActiveOwnerUsers(tx, message.organization_id)) {
    await enqueueEmail(tx, {
      organizationId: message.organization_id,
      type: 'webhook.disabled',
      to: owner.email,
      subject: `${MAIL_SUBJECT_PREFIX} Webhook endpoint turned off in ${org.name}`,
      text: text.join('\n\n'),
      html: htmlEmail('Webhook endpoint turned off', [escapeHtml(text[0]!), escapeHtml(text[1]!), htmlLink(settings, settings)]),
    });
  }
}
