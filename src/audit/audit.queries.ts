import type { Insertable } from 'kysely';
import type { Executor } from '../db/database.js';
import { preparedWrite } from '../db/prepared.js';
import type { AuditLogEntriesTable } from '../db/schema.js';
import type { Requester } from '../auth/requester.js';
import { displayName } from '../auth/requester.js';
import type { KeysetBounds } from '../http/pagination.js';
import { AUDIT_EVENTS, type AuditEventKey } from './audit-events.js';

/** What an audit entry records of its actor. */
export type AuditActor = Pick<Requester, 'userId' | 'email' | 'name' | 'ip'>;

export interface AuditEntry {
  organizationId: string;
  event: AuditEventKey;
  /** Who did it; null for the system (the seed, background enforcement without an actor). */
  actor: AuditActor | null;
  targetObject?: string | null;
  targetUserId?: string | null;
  data: Record<string, unknown>;
}

function auditRow(entry: AuditEntry): Insertable<AuditLogEntriesTable> {
  return {
    organization_id: entry.organizationId,
    event: AUDIT_EVENTS[entry.event].id,
    actor_id: entry.actor?.userId ?? null,
    actor_label: entry.actor ? displayName(entry.actor) : null,
    actor_key_id: null,
    ip_address: entry.actor?.ip ?? null,
    target_object: entry.targetObject ?? null,
    target_user_id: entry.targetUserId ?? null,
    data: JSON.stringify(entry.data),
  };
}

const auditEntryInsert = preparedWrite((db, row: Insertable<AuditLogEntriesTable>) => db.insertInto('audit_log_entries').values(row));

/** Writes one audit entry; call it inside the transaction of the change it records. */
export async function insertAuditEntry(db: Executor, entry: AuditEntry): Promise<void> {
  await auditEntryInsert.run(db, auditRow(entry));
}

/** Writes several audit entries in one statement, in this order (ids ascending). */
export async function insertAuditEntries(db: Executor, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  if (entries.length === 1) return insertAuditEntry(db, entries[0]!);
  // Rows of one multi-row INSERT take their serial ids in the order they are listed.
  await db.insertInto('audit_log_entries').values(entries.map(auditRow)).execute();
}

export interface AuditEntryFilter {
  eventId?: number;
  actorId?: string;
}

/** One keyset page of an organization's audit log (see http/pagination.ts), optionally filtered. */
export function findAuditEntries(db: Executor, organizationId: string, filter: AuditEntryFilter, bounds: KeysetBounds) {
  let query = db
    .selectFrom('audit_log_entries')
    .select(['id', 'actor_id', 'actor_label', 'ip_address', 'event', 'target_object', 'target_user_id', 'data', 'datetime'])
    .where('organization_id', '=', organizationId);
  if (filter.eventId !== undefined) query = query.where('event', '=', filter.eventId);
  if (filter.actorId !== undefined) query = query.where('actor_id', '=', filter.actorId);
  if (bounds.id !== null) query = query.where('id', bounds.comparison, bounds.id);
  return query.orderBy('id', bounds.order).limit(bounds.fetch).execute();
}

export type AuditEntryRow = Awaited<ReturnType<typeof findAuditEntries>>[number];
