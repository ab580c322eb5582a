import type { Tx } from '../platform/db/database.js';
import type { AuditEventKey, AuditPayloads } from './audit-payloads.js';
import { insertAuditEntries, type AuditActor } from './audit.queries.js';

export type { AuditActor } from './audit.queries.js';

/**
 * One audit entry of `event`, carrying that event's payload. Distributed over the events, so that an
 * entry is checked against its own event: `{ event: 'TEAM_ADD', data: <a member> }` is a type error.
 */
export type AuditRecord<Event extends AuditEventKey = AuditEventKey> = Event extends AuditEventKey
  ? {
      organizationId: string;
      event: Event;
      /** Who did it; null for the system (the seed, background enforcement without an actor). */
      actor: AuditActor | null;
      targetObject?: string | null;
      targetUserId?: string | null;
      data: AuditPayloads[Event];
    }
  : never;

/**
 * Records audit entries, in this order, in one statement: the one way src/ writes the audit log
 * (eslint refuses audit.queries.ts elsewhere). Call it inside the transaction of the change the
 * entries record (STYLE.md rule 10); on PostgreSQL the insert goes out with that transaction's next
 * statement or its COMMIT (platform/db/prepared.ts).
 */
export function recordAudits(tx: Tx, entries: readonly AuditRecord[]): Promise<void> {
  return insertAuditEntries(tx, entries);
}

/** Records one audit entry (see recordAudits). */
export function recordAudit(tx: Tx, entry: AuditRecord): Promise<void> {
  return insertAuditEntries(tx, [entry]);
}
