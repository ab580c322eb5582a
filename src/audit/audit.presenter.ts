import type { Static } from '@sinclair/typebox';
import { presentUser, type PresentableUser, type PresentedUser } from '../identity/users.presenter.js';
import { AUDIT_EVENTS, auditEventById } from './audit-events.js';
import type { AuditEntryRow } from './audit.queries.js';
import type { AuditEntrySchema } from './audit.schemas.js';

/** Every event's API name, in the order events are defined. */
export function auditEventNames(): string[] {
  return Object.values(AUDIT_EVENTS).map((spec) => spec.name);
}

export type UserLookup = ReadonlyMap<string, PresentableUser & { has2fa: boolean }>;

/** One entry as Sentry lists it; `users` holds the entry's actor and target user when they still exist. */
export function presentAuditEntry(row: AuditEntryRow, users: UserLookup): Static<typeof AuditEntrySchema> {
  const actorUser = row.actor_id ? users.get(row.actor_id) : undefined;
  const targetUser = row.target_user_id ? users.get(row.target_user_id) : undefined;
  const present = (user: PresentableUser & { has2fa: boolean }): PresentedUser => presentUser(user, user.has2fa);
  const spec = auditEventById(row.event);
  const data = row.data ?? {};
  return {
    id: row.id,
    actor: actorUser ? present(actorUser) : row.actor_label ? { name: row.actor_label } : null,
    event: spec?.name ?? String(row.event),
    ipAddress: row.ip_address,
    note: spec
      ? spec.render({
          data,
          actorIsTarget: row.actor_id !== null && row.actor_id === row.target_user_id,
          targetName: targetUser ? targetUser.name || targetUser.email : null,
        })
      : '',
    targetObject: row.target_object === null ? null : Number(row.target_object),
    targetUser: targetUser ? present(targetUser) : null,
    data,
    dateCreated: row.datetime,
  };
}
