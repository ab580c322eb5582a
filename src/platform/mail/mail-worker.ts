import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import { countDelivery } from '../metrics/metrics.js';
import { claimDueEmails, markEmailFailed, markEmailSent } from './outbox.queries.js';
import type { MailTransport } from './transport.js';

export interface MailWorkerOptions {
  db: Db;
  transport: MailTransport;
  from: string;
  logger?: Logger;
  pollMs?: number;
  batchSize?: number;
  /** How long a claimed email stays with this worker before another may take it over. */
  leaseSeconds?: number;
  retryMaxSeconds?: number;
}

/** Retry delay after the n-th failed attempt: 1 s, 2 s, 4 s … at most `max` (5 minutes by default). */
export function retryDelaySeconds(attempts: number, max = 300): number {
  return Math.min(max, 2 ** Math.max(0, attempts - 1));
}

/**
 * Delivers the outbox: at least once, never lost. A send that fails is retried with backoff; a
 * worker that dies between the SMTP server's acceptance and `markEmailSent` leaves the row to be sent
 * again when its lease runs out (the only way a duplicate can happen).
 */
export function createMailWorker({
  db,
  transport,
  from,
  logger,
  pollMs = 250,
  batchSize = 20,
  leaseSeconds = 60,
  retryMaxSeconds = 300,
}: MailWorkerOptions) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let stopped = false;
  // While the database is away, poll less and less often (up to 5 s) instead of logging every poll.
  let failures = 0;

  async function deliverBatch(): Promise<number> {
    // Each write its own transaction, as each was its own statement before: the claim commits before any
    // send (no network I/O inside a transaction), and each email's outcome commits on its own.
    const emails = await db.transaction().execute((tx) => claimDueEmails(tx, batchSize, leaseSeconds));
    await Promise.all(
      emails.map(async (email) => {
        try {
          await transport.send({
            messageId: email.message_id,
            from,
            to: email.recipient,
            subject: email.subject,
            text: email.text_body,
            html: email.html_body,
          });
          await db.transaction().execute((tx) => markEmailSent(tx, email.id));
          countDelivery('email', 'sent');
        } catch (error) {
          countDelivery('email', 'failed');
          const delay = retryDelaySeconds(email.attempts, retryMaxSeconds);
          logger?.warn({ err: error, messageId: email.message_id, retryInSeconds: delay }, 'email delivery failed');
          await db
            .transaction()
            .execute((tx) => markEmailFailed(tx, email.id, error instanceof Error ? error.message : String(error), delay))
            .catch(() => {});
        }
      }),
    );
    return emails.length;
  }

  /**
   * Delivers what is due now, one batch after another, and returns how many it tried. A stopping worker
   * finishes the batch it is sending and claims no other.
   */
  async function runOnce(): Promise<number> {
    if (running) return running;
    running = (async () => {
      let total = 0;
      for (;;) {
        const count = await deliverBatch();
        total += count;
        if (count < batchSize || stopped) return total;
      }
    })().finally(() => (running = null));
    return running;
  }

  function schedule() {
    if (stopped) return;
    const delay = failures === 0 ? pollMs : Math.min(5000, pollMs * 2 ** failures);
    timer = setTimeout(() => {
      runOnce()
        .then(() => (failures = 0))
        .catch((error: unknown) => {
          if (failures++ === 0) logger?.warn({ error: error instanceof Error ? error.message : String(error) }, 'mail worker cannot reach the database');
        })
        .finally(schedule);
    }, delay);
  }

  return {
    runOnce,
    start() {
      stopped = false;
      schedule();
    },
    /** Claims nothing more, lets the emails being sent finish (none is cut in half), and closes the transport. */
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => {});
      transport.close();
    },
  };
}

export type MailWorker = ReturnType<typeof createMailWorker>;
