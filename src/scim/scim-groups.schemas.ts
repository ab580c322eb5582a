import { Type } from '@sinclair/typebox';

/** `attributes` / `excludedAttributes` of a single read (RFC 7644 §3.4.2.5). */
export const ScimGroupQuery = Type.Object({
  attributes: Type.Optional(Type.String({ maxLength: 1024 })),
  excludedAttributes: Type.Optional(Type.String({ maxLength: 1024 })),
});

/**
 * Bodies are loose on purpose (spec scim.md §2.4): identity providers send attributes Roster does not
 * keep, and nulls; the service reads what it needs and names the field it refuses.
 */
export const GroupCreateBody = Type.Object(
  {
    schemas: Type.Optional(Type.Unknown()),
    displayName: Type.Optional(Type.Unknown()),
    externalId: Type.Optional(Type.Unknown()),
    members: Type.Optional(Type.Array(Type.Unknown())),
  },
  { additionalProperties: true },
);

/** Up to 100 operations (checked by the PATCH parser, with Sentry's message), each adding or removing up to 1,000 members. */
export const GroupPatchBody = Type.Object(
  {
    schemas: Type.Optional(Type.Unknown()),
    Operations: Type.Optional(
      Type.Array(
        Type.Object(
          { op: Type.Optional(Type.Unknown()), path: Type.Optional(Type.Unknown()), value: Type.Optional(Type.Unknown()) },
          { additionalProperties: true },
        ),
      ),
    ),
  },
  { additionalProperties: true },
);

const Meta = Type.Object({ resourceType: Type.String(), location: Type.Optional(Type.String()) });

/** A Group as Roster answers it; any attribute but `schemas`, `id` and `meta` may be left out by the reader's selection. */
export const GroupResourceSchema = Type.Object({
  schemas: Type.Array(Type.String()),
  id: Type.String(),
  displayName: Type.Optional(Type.String()),
  externalId: Type.Optional(Type.String()),
  members: Type.Optional(Type.Array(Type.Object({ value: Type.Optional(Type.String()), display: Type.Optional(Type.String()) }))),
  meta: Meta,
});

export const GroupListSchema = Type.Object({
  schemas: Type.Array(Type.String()),
  totalResults: Type.Integer(),
  startIndex: Type.Integer(),
  itemsPerPage: Type.Integer(),
  Resources: Type.Array(GroupResourceSchema),
});
