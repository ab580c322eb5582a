import { sql } from 'kysely';
import type { Executor, Tx } from '../db/database.js';
import { preparedWrite } from '../db/prepared.js';
import type { EmailOutboxRow } from '../db/schema.js';

export interface OutgoingEmail {
  organizationId: string | null;
  messageId: string;
  type: string;
  recipient: string;
  subject: string;
  textBody: string;
  htmlBody: string;
}

// Write-behind (db/prepared.ts): nobody reads the insert's answer, so it goes out with the
// transaction's next statement or its COMMIT instead of costing a round trip.
const outboxInsert = preparedWrite((db, email: { [Key in keyof OutgoingEmail]: OutgoingEmail[Key] }) =>
  db.insertInto('email_outbox').values({
    organization_id: email.organizationId,
    message_id: email.messageId,
    type: email.type,
    recipient: email.recipient,
    subject: email.subject,
    text_body: email.textBody,
    html_body: email.htmlBody,
  }),
);

export function insertOutboxEmail(tx: Tx, email: OutgoingEmail): Promise<void> {
  return outboxInsert.run(tx, { ...email });
}

/**
 * Claims up to `limit` due emails for this worker: skips rows another worker holds, and leases the
 * claimed ones for `leaseSeconds` so that a worker that dies mid-send gives them back.
 */
export async function claimDueEmails(tx: Tx, limit: number, leaseSeconds: number): Promise<EmailOutboxRow[]> {
  const { rows } = await sql<EmailOutboxRow>`
    update email_outbox
       set next_attempt_at = now() + make_interval(secs => ${leaseSeconds}), attempts = attempts + 1
     where id in (select id from email_outbox
                   where sent_at is null and next_attempt_at <= now()
                   order by next_attempt_at, id
                   limit ${limit}
                   for update skip locked)
    returning *`.execute(tx);
  return rows;
}

/**
 * Records a delivery and drops the bodies: they hold one-time links (invite, verification) whose
 * tokens are otherwise stored only as hashes, so a sent email must not keep them readable at rest.
 * The row (Message-ID, recipient, subject, times) stays as the record of what was sent.
 */
export async function markEmailSent(tx: Tx, id: string): Promise<void> {
  await tx
    .updateTable('email_outbox')
    .set({ sent_at: sql`now()`, last_error: null, text_body: '', html_body: '' })
    .where('id', '=', id)
    .execute();
}

export async function markEmailFailed(tx: Tx, id: string, error: string, retryInSeconds: number): Promise<void> {
  await tx
    .updateTable('email_outbox')
    .set({ last_error: error.slice(0, 1000), next_attempt_at: sql`now() + make_interval(secs => ${retryInSeconds})` })
    .where('id', '=', id)
    .execute();
}

export async function countUnsentEmails(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('email_outbox')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('sent_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Emails not sent yet and the age of the oldest of them in seconds (0 when none), by the database's clock. */
export async function unsentEmailBacklog(db: Executor): Promise<{ depth: number; oldestAgeSeconds: number }> {
  const { rows } = await sql<{ depth: string; oldest_age: number | null }>`
    select count(*) as depth, extract(epoch from now() - min(created_at))::float8 as oldest_age
      from email_outbox where sent_at is null`.execute(db);
  return { depth: Number(rows[0]?.depth ?? 0), oldestAgeSeconds: Math.max(0, rows[0]?.oldest_age ?? 0) };
}

/** Deletes up to `limit` emails sent before `sentBefore` (the record of a sent email is kept that long); returns how many. */
export async function deleteSentEmails(tx: Tx, sentBefore: Date, limit: number): Promise<number> {
  const result = await tx
    .deleteFrom('email_outbox')
    .where('id', 'in', (eb) => eb.selectFrom('email_outbox').select('id').where('sent_at', '<', sentBefore).limit(limit).forUpdate().skipLocked())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes up to `limit` of an organization's emails, sent or not (it is being deleted); returns how many. */
export async function deleteOrganizationEmails(tx: Tx, organizationId: string, limit: number): Promise<number> {
  const result = await tx
    .deleteFrom('email_outbox')
    .where('id', 'in', (eb) => eb.selectFrom('email_outbox').select('id').where('organization_id', '=', organizationId).limit(limit))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
