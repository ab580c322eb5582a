import type { Db } from '../platform/db/database.js';
import type { Requester } from '../access/requester.js';
import { findUsersWithTwoFactor } from '../identity/users.queries.js';
import { detailError } from '../platform/http/errors.js';
import { keysetBounds, pageOf, type PageRequest } from '../platform/http/pagination.js';
import { loadOrgContext } from '../access/org-context.js';
import { auditEventByName } from './audit-events.js';
import { auditEventNames, presentAuditEntry } from './audit.presenter.js';
import { findAuditEntries } from './audit.queries.js';

export const INVALID_AUDIT_EVENT = 'Invalid audit log event';

export interface AuditLogFilters {
  /** An event's API name (`member.edit`). */
  event?: string;
  /** A user id. */
  actor?: string;
}

export function createAuditService({ db }: { db: Db }) {
  return {
    /**
     * One page of an organization's audit log, newest first. Needs `org:write` (403); 404 for an
     * organization the requester is not in; 400 for an unknown event name.
     */
    async list(requester: Requester, idOrSlug: string, filters: AuditLogFilters, request: PageRequest) {
      const context = await loadOrgContext(db, requester, idOrSlug, { anyScope: ['org:write'] });
      let eventId: number | undefined;
      if (filters.event !== undefined) {
        eventId = auditEventByName(filters.event)?.id;
        if (eventId === undefined) throw detailError(400, INVALID_AUDIT_EVENT, 'invalid_event');
      }
      const rows = await findAuditEntries(db, context.org.id, { eventId, actorId: filters.actor }, keysetBounds(request));
      const page = pageOf(rows, request, (row) => row.id);
      const userIds = page.items.flatMap((row) => [row.actor_id, row.target_user_id]).filter((id): id is string => id !== null);
      const users = new Map((await findUsersWithTwoFactor(db, userIds)).map((user) => [user.id, user]));
      return {
        body: { rows: page.items.map((row) => presentAuditEntry(row, users)), options: auditEventNames() },
        page,
      };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
