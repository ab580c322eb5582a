import { sql } from 'kysely';
import type { Executor, Tx } from '../platform/db/database.js';

/** A claimed message with what sending it needs from its endpoint. */
export interface ClaimedMessage {
  organization_id: string;
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  organization_slug: string;
  payload: unknown;
  attempts: number;
  first_failure_at: Date | null;
  created_at: Date;
  url: string;
  secret_sealed: string;
  previous_secret_sealed: string | null;
  previous_secret_expires_at: Date | null;
}

/**
 * Claims up to `limit` due messages, each the oldest pending message of an active endpoint (a later
 * one waits while an earlier one is leased or waiting for its retry: order per endpoint), skipping
 * rows another worker holds, and leases each until `leaseUntil` (a worker that dies mid-send gives
 * it back then). Endpoints in `busy` (this worker's sends in flight) are left alone.
 */
export async function claimDueMessages(tx: Tx, { limit, now, leaseUntil, busy }: { limit: number; now: Date; leaseUntil: Date; busy: readonly string[] }): Promise<ClaimedMessage[]> {
  const { rows } = await sql<ClaimedMessage>`
    with claimed as (
      update webhook_messages m
         set next_attempt_at = ${leaseUntil}, attempts = m.attempts + 1
       where (m.organization_id, m.id) in (
         select h.organization_id, h.id from webhook_messages h
           join webhook_endpoints e on e.organization_id = h.organization_id and e.id = h.endpoint_id
          where h.status = 'pending' and e.active
            and (h.next_attempt_at is null or h.next_attempt_at <= ${now})
            and not (h.endpoint_id = any(${busy}::bigint[]))
            and not exists (select 1 from webhook_messages p
                             where p.organization_id = h.organization_id and p.endpoint_id = h.endpoint_id
                               and p.status = 'pending' and p.id < h.id)
          order by h.next_attempt_at nulls first, h.id
          limit ${limit}
          for update of h skip locked)
      returning m.*)
    select c.organization_id, c.id, c.endpoint_id, c.event_id, c.event_type, c.organization_slug, c.payload, c.attempts,
           c.first_failure_at, c.created_at, e.url, e.secret_sealed, e.previous_secret_sealed, e.previous_secret_expires_at
      from claimed c join webhook_endpoints e on e.organization_id = c.organization_id and e.id = c.endpoint_id
     order by c.id`.execute(tx);
  return rows;
}

export interface AttemptRecord {
  organizationId: string;
  endpointId: string;
  messageId: string;
  eventId: string;
  eventType: string;
  attemptedAt: Date;
  durationMs: number;
  responseStatus: number | null;
  responseExcerpt: string;
  error: string | null;
  succeeded: boolean;
}

export async function insertDeliveryAttempt(tx: Tx, attempt: AttemptRecord): Promise<void> {
  await tx
    .insertInto('webhook_deliveries')
    .values({
      organization_id: attempt.organizationId,
      endpoint_id: attempt.endpointId,
      message_id: attempt.messageId,
      event_id: attempt.eventId,
      event_type: attempt.eventType,
      attempted_at: attempt.attemptedAt,
      duration_ms: attempt.durationMs,
      response_status: attempt.responseStatus,
      response_excerpt: attempt.responseExcerpt,
      error: attempt.error,
      succeeded: attempt.succeeded,
    })
    .execute();
}

/**
 * The claim a worker holds: the message as it claimed it. A later claim (after this one's lease ran
 * out) raised `attempts`, so an update guarded by it changes nothing once the message is another's.
 */
export type HeldClaim = Pick<ClaimedMessage, 'organization_id' | 'id' | 'attempts'>;

/** Ends a message: delivered, or failed for good. False when the claim is no longer this worker's. */
export async function finishMessage(tx: Tx, claim: HeldClaim, status: 'delivered' | 'failed', now: Date): Promise<boolean> {
  const result = await tx
    .updateTable('webhook_messages')
    .set({ status, finished_at: now })
    .where('organization_id', '=', claim.organization_id)
    .where('id', '=', claim.id)
    .where('attempts', '=', claim.attempts)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** A failed attempt to retry at `retryAt`; the first failure's time starts the 3 days. False when the claim is no longer this worker's. */
export async function scheduleRetry(tx: Tx, claim: HeldClaim, retryAt: Date, failedAt: Date): Promise<boolean> {
  const result = await tx
    .updateTable('webhook_messages')
    .set({ next_attempt_at: retryAt, first_failure_at: sql<Date>`coalesce(first_failure_at, ${failedAt})` })
    .where('organization_id', '=', claim.organization_id)
    .where('id', '=', claim.id)
    .where('attempts', '=', claim.attempts)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Turns the endpoint off (the receiver is gone, or failed for 3 days) and gives up its other pending
 * messages: they stay in the log as `abandoned`, and each can be sent again by hand (redeliver).
 */
export async function disableEndpoint(tx: Tx, orgId: string, endpointId: string, reason: 'gone' | 'failing', now: Date): Promise<void> {
  await tx
    .updateTable('webhook_endpoints')
    .set({ active: false, disabled_reason: reason, date_updated: now })
    .where('organization_id', '=', orgId)
    .where('id', '=', endpointId)
    .execute();
  await tx
    .updateTable('webhook_messages')
    .set({ status: 'abandoned', finished_at: now })
    .where('organization_id', '=', orgId)
    .where('endpoint_id', '=', endpointId)
    .where('status', '=', 'pending')
    .execute();
}

export function findOrganizationName(db: Executor, orgId: string) {
  return db.selectFrom('organizations').select(['name', 'slug']).where('id', '=', orgId).executeTakeFirst();
}

/** How many webhook messages wait to be delivered, and how long the oldest has waited (for /metrics). */
export async function pendingWebhookBacklog(db: Executor): Promise<{ depth: number; oldestAgeSeconds: number }> {
  const { rows } = await sql<{ depth: string; oldest_age: number | null }>`
    select count(*) as depth, extract(epoch from now() - min(created_at))::float8 as oldest_age
      from webhook_messages where status = 'pending'`.execute(db);
  return { depth: Number(rows[0]?.depth ?? 0), oldestAgeSeconds: Math.max(0, rows[0]?.oldest_age ?? 0) };
}
