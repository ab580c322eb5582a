import type { Logger } from 'pino';
import type { Db } from '../platform/db/database.js';
import type { Clock } from '../platform/lib/clock.js';
import { WEBHOOK_PAYLOAD_VERSION } from '../platform/webhooks/webhook-payloads.js';
import { claimDueMessages, type ClaimedMessage } from './webhook-delivery.queries.js';
import { recordOutcome, type DeliveryOutcome } from './webhook-outcome.js';
import { openWebhookSecret, webhookSignature } from './webhook-secrets.js';
import { sendWebhook, type WebhookResponse } from './webhook-sender.js';

export interface WebhookWorkerOptions {
  db: Db;
  clock: Clock;
  /** ROSTER_SECRET_KEY: opens the endpoints' signing secrets. */
  secretKey: Buffer | null;
  /** ROSTER_WEBHOOK_ALLOW_PRIVATE. */
  allowPrivate: boolean;
  /** Where the owners' notice of a disabled endpoint links to. */
  publicUrl: string;
  logger?: Logger;
  pollMs?: number;
  /** Sends in flight at once, each to a different endpoint: a slow receiver holds one of them, not the others. */
  concurrency?: number;
  /** A send's limit: by default half the lease, at most 10 s, so a live sender records its outcome within its lease. */
  timeoutMs?: number;
  /** ROSTER_WEBHOOK_LEASE_SECONDS: how long a claimed message is held; a crashed sender's comes back after it. */
  leaseSeconds?: number;
  /** ROSTER_WEBHOOK_RETRY_BASE_SECONDS, in ms: the first retry's wait (default 5 s). */
  retryBaseMs?: number;
  /** Told each attempt's outcome (for metrics). */
  onOutcome?: (outcome: DeliveryOutcome) => void;
}

/** The body a message is sent with: its event in the versioned envelope (webhook-payloads.ts). */
export function webhookBody(message: Pick<ClaimedMessage, 'event_type' | 'created_at' | 'organization_id' | 'organization_slug' | 'payload'>): string {
  return JSON.stringify({
    type: message.event_type,
    version: WEBHOOK_PAYLOAD_VERSION,
    timestamp: new Date(message.created_at).toISOString(),
    organization: { id: message.organization_id, slug: message.organization_slug },
    data: message.payload,
  });
}

/**
 * Delivers webhook messages after commit: at least once, in order per endpoint, with back-off for up
 * to 3 days. Runs in every serve process next to the mail worker; the claim (webhook-delivery.queries.ts)
 * keeps two processes off one endpoint's queue. A process killed mid-send leaves the message leased
 * until the lease runs out, then another sends it again: the only way a `webhook-id` arrives twice.
 */
export function createWebhookWorker(options: WebhookWorkerOptions) {
  const { db, clock, logger, pollMs = 250, concurrency = 8, leaseSeconds = 60 } = options;
  const timeoutMs = options.timeoutMs ?? Math.min(10_000, (leaseSeconds * 1000) / 2);
  const inFlight = new Map<string, Promise<void>>();
  let timer: NodeJS.Timeout | null = null;
  let stopped = true;
  let failures = 0;

  function signingSecrets(message: ClaimedMessage, now: Date): string[] {
    if (!options.secretKey) throw new Error('ROSTER_SECRET_KEY is not set: the signing secret cannot be opened');
    const key = options.secretKey;
    const secrets = [openWebhookSecret(key, message.organization_id, message.secret_sealed)];
    if (message.previous_secret_sealed && message.previous_secret_expires_at && new Date(message.previous_secret_expires_at) > now) {
      secrets.push(openWebhookSecret(key, message.organization_id, message.previous_secret_sealed));
    }
    return secrets;
  }

  async function deliver(message: ClaimedMessage): Promise<void> {
    const started = clock.now();
    const startedAt = performance.now();
    let response: WebhookResponse;
    try {
      const body = webhookBody(message);
      // The wall clock, not the injected one: receivers check it against their own clocks (replay
      // protection), while the injected clock decides only when Roster retries and gives up.
      const timestamp = Math.floor(Date.now() / 1000);
      response = await sendWebhook({
        url: message.url,
        body,
        allowPrivate: options.allowPrivate,
        timeoutMs,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Roster-Webhooks/1',
          'webhook-id': message.event_id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': webhookSignature(signingSecrets(message, started), message.event_id, timestamp, body),
        },
      });
    } catch (error) {
      response = { status: null, excerpt: '', error: error instanceof Error ? error.message : String(error) };
    }
    const durationMs = Math.round(performance.now() - startedAt);
    const outcome = await db.transaction().execute((tx) => recordOutcome(tx, { message, response, attemptedAt: started, durationMs, publicUrl: options.publicUrl, retryBaseMs: options.retryBaseMs }));
    options.onOutcome?.(outcome);
    if (outcome !== 'delivered') logger?.warn({ messageId: message.id, endpointId: message.endpoint_id, status: response.status, error: response.error, outcome }, 'webhook delivery failed');
  }

  /** Claims what is due for the free slots and starts sending it; resolves to how many it started. */
  async function fill(): Promise<number> {
    const free = concurrency - inFlight.size;
    if (free <= 0) return 0;
    const now = clock.now();
    const claimed = await db
      .transaction()
      .execute((tx) => claimDueMessages(tx, { limit: free, now, leaseUntil: new Date(now.getTime() + leaseSeconds * 1000), busy: [...inFlight.keys()] }));
    for (const message of claimed) {
      const sending = deliver(message)
        .catch((error: unknown) => logger?.error({ err: error, messageId: message.id }, 'webhook outcome not recorded: the lease will give the message back'))
        .finally(() => {
          inFlight.delete(message.endpoint_id);
          if (!stopped) schedule(0);
        });
      inFlight.set(message.endpoint_id, sending);
    }
    return claimed.length;
  }

  /** Sends everything due now and waits for it, until nothing is due (tests and one-off runs). Resolves to the number of attempts. */
  async function runOnce(): Promise<number> {
    let total = 0;
    for (;;) {
      const started = await fill();
      total += started;
      if (inFlight.size === 0) return total;
      await Promise.race(inFlight.values());
    }
  }

  function schedule(delay: number) {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      fill()
        .then(() => {
          failures = 0;
          schedule(pollMs);
        })
        .catch((error: unknown) => {
          if (failures++ === 0) logger?.warn({ error: error instanceof Error ? error.message : String(error) }, 'webhook worker cannot reach the database');
          schedule(Math.min(5000, pollMs * 2 ** failures));
        });
    }, delay);
  }

  return {
    runOnce,
    start() {
      stopped = false;
      schedule(0);
    },
    /** Stops claiming, and lets the sends in flight finish (never cut in half). */
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await Promise.allSettled(inFlight.values());
    },
  };
}

export type WebhookWorker = ReturnType<typeof createWebhookWorker>;
