import { Type } from '@sinclair/typebox';
import { UserSchema } from '../identity/users.presenter.js';
import { DateTime, Nullable } from '../platform/http/schemas.js';
import { PaginationQueryFields } from '../platform/http/pagination.js';

/** Who did it: the user when there is one, else just the name recorded with the entry. */
export const AuditActorSchema = Type.Object({ ...Type.Partial(UserSchema).properties, name: Type.String() });

/** Sentry's audit log entry. `targetObject` is a number, as Sentry sends it. */
export const AuditEntrySchema = Type.Object({
  id: Type.String(),
  actor: Nullable(AuditActorSchema),
  event: Type.String(),
  ipAddress: Nullable(Type.String()),
  note: Type.String(),
  targetObject: Nullable(Type.Integer()),
  targetUser: Nullable(UserSchema),
  data: Type.Record(Type.String(), Type.Unknown()),
  dateCreated: DateTime,
});

export const AuditLogSchema = Type.Object({
  rows: Type.Array(AuditEntrySchema),
  /** Every event's API name: what `?event=` accepts. */
  options: Type.Array(Type.String()),
});

export const AuditLogQuery = Type.Object({
  event: Type.Optional(Type.String({ maxLength: 64 })),
  actor: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$', errorMessage: 'A valid integer is required.' })),
  ...PaginationQueryFields,
});
