import { sql } from 'kysely';
import type { Executor, Tx } from '../platform/db/database.js';
import { preparedWrite } from '../platform/db/prepared.js';
import type { Requester } from '../access/requester.js';
import { displayName } from '../access/requester.js';
import type { KeysetBounds } from '../platform/http/pagination.js';
import { AUDIT_EVENTS } from './audit-events.js';
import type { AuditEventKey } from './audit-payloads.js';

/** What an audit entry records of its actor. */
/**
 * Who made a change: a user (a requester), or a caller without a user (an identity provider through
 * SCIM, whose `name` is recorded as the actor's label).
 */
export type AuditActor = Pick<Requester, 'email' | 'name' | 'ip'> & { userId: string | null };

/**
 * An entry as stored, its payload unchecked. src/ writes through recordAudit (record-audit.ts), which
 * holds each event to its payload type; tests use this to store rows of any shape.
 */
export interface AuditEntry {
  organizationId: string;
  event: AuditEventKey;
  /** Who did it; null for the system (the seed, background enforcement without an actor). */
  actor: AuditActor | null;
  targetObject?: string | null;
  targetUserId?: string | null;
  data: object;
}

/** The entries as one array per column, so that one INSERT writes any number of them. */
function auditColumns(entries: readonly AuditEntry[]) {
  return {
    organizationIds: entries.map((entry) => entry.organizationId),
    events: entries.map((entry) => AUDIT_EVENTS[entry.event].id),
    actorIds: entries.map((entry) => entry.actor?.userId ?? null),
    actorLabels: entries.map((entry) => (entry.actor ? displayName(entry.actor) : null)),
    ipAddresses: entries.map((entry) => entry.actor?.ip ?? null),
    targetObjects: entries.map((entry) => entry.targetObject ?? null),
    targetUserIds: entries.map((entry) => entry.targetUserId ?? null),
    data: entries.map((entry) => JSON.stringify(entry.data)),
  };
}

// Rows take their serial ids in the order they are listed (`with ordinality … order by`).
const auditEntriesInsert = preparedWrite((db, columns: ReturnType<typeof auditColumns>) =>
  db
    .insertInto('audit_log_entries')
    .columns(['organization_id', 'event', 'actor_id', 'actor_label', 'ip_address', 'target_object', 'target_user_id', 'data'])
    .expression(
      sql`select organization_id, event, actor_id, actor_label, ip_address, target_object, target_user_id, data
            from unnest(${columns.organizationIds}::bigint[], ${columns.events}::integer[], ${columns.actorIds}::bigint[],
                        ${columns.actorLabels}::text[], ${columns.ipAddresses}::text[], ${columns.targetObjects}::bigint[],
                        ${columns.targetUserIds}::bigint[], ${columns.data}::jsonb[])
                 with ordinality as entry(organization_id, event, actor_id, actor_label, ip_address, target_object, target_user_id, data, position)
           order by position`,
    ),
);

/**
 * Writes audit entries, in this order (ids ascending), in one statement; call it inside the transaction
 * of the change they record. A write-behind statement (db/prepared.ts): inside a transaction on
 * PostgreSQL it goes out with the transaction's next statement or its COMMIT. Outside src/audit/,
 * write through recordAudit instead, which checks the payloads.
 */
export async function insertAuditEntries(tx: Tx, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length > 0) await auditEntriesInsert.run(tx, auditColumns(entries));
}

/** Writes one audit entry (see insertAuditEntries). */
export function insertAuditEntry(tx: Tx, entry: AuditEntry): Promise<void> {
  return insertAuditEntries(tx, [entry]);
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
