import { Type, type TSchema } from '@sinclair/typebox';

/**
 * Any JSON value nesting at most `levels` deep: what a SCIM body holds where identity providers send
 * attributes Roster ignores (Entra's enterprise `manager: {value}` under its URN key), bounded so the
 * body-depth check (platform/http/body-limits.ts) still has a limit to enforce.
 */
function anyJson(levels: number): TSchema {
  const scalars = [Type.String(), Type.Number(), Type.Boolean(), Type.Null()];
  if (levels === 0) return Type.Union(scalars);
  const inner = anyJson(levels - 1);
  return Type.Union([...scalars, Type.Array(inner), Type.Object({}, { additionalProperties: inner })]);
}

/** A User as Okta and Entra send it (POST, PUT): read leniently by the service, unknown attributes ignored. */
export const ScimUserBody = Type.Object({}, { additionalProperties: anyJson(4), description: 'A SCIM User (RFC 7643 §4.1) with `sentryOrgRole`' });

/** A PatchOp (RFC 7644 §3.5.2), checked by the service (`parsePatchBody`) with SCIM's scimTypes. */
export const ScimPatchBody = Type.Object({}, { additionalProperties: anyJson(5), description: 'A SCIM PatchOp: `{schemas, Operations: [{op, path?, value?}]}`' });

export const ScimListQuery = Type.Object({
  filter: Type.Optional(Type.String({ maxLength: 2048 })),
  startIndex: Type.Optional(Type.Integer({ minimum: -2147483648, maximum: 2147483647 })),
  count: Type.Optional(Type.Integer({ minimum: -2147483648, maximum: 2147483647 })),
  attributes: Type.Optional(Type.String({ maxLength: 1024 })),
  excludedAttributes: Type.Optional(Type.String({ maxLength: 1024 })),
});

export const ScimAttributesQuery = Type.Pick(ScimListQuery, ['attributes', 'excludedAttributes']);

const ScimEmailSchema = Type.Object({ value: Type.String(), type: Type.Optional(Type.String()), primary: Type.Optional(Type.Boolean()) });

/** The User resource (spec scim.md §1.4, choice 12); attributes left out by `attributes`/`excludedAttributes` are absent. */
export const ScimUserSchema = Type.Object({
  schemas: Type.Array(Type.String()),
  id: Type.String(),
  userName: Type.String(),
  name: Type.Optional(Type.Object({ givenName: Type.Optional(Type.String()), familyName: Type.Optional(Type.String()), formatted: Type.Optional(Type.String()) })),
  displayName: Type.Optional(Type.String()),
  externalId: Type.Optional(Type.String()),
  emails: Type.Optional(Type.Array(ScimEmailSchema)),
  active: Type.Optional(Type.Boolean()),
  sentryOrgRole: Type.Optional(Type.String()),
  meta: Type.Object({ resourceType: Type.String(), location: Type.String() }),
});

export const ScimUserListSchema = Type.Object({
  schemas: Type.Array(Type.String()),
  totalResults: Type.Integer(),
  startIndex: Type.Integer(),
  itemsPerPage: Type.Integer(),
  Resources: Type.Array(ScimUserSchema),
});

/**
 * Every SCIM error (RFC 7644 §3.12, Roster's choice 2). Loose on purpose: a refusal thrown as `{detail}`
 * (a 404, a permission check) is put in the envelope after serialization (scim-envelope.ts).
 */
export const ScimErrorSchema = Type.Object({
  schemas: Type.Optional(Type.Array(Type.String())),
  status: Type.Optional(Type.String()),
  scimType: Type.Optional(Type.String()),
  detail: Type.Optional(Type.String()),
}, { additionalProperties: true });

export const SCIM_ERROR_RESPONSES = { 400: ScimErrorSchema, 401: ScimErrorSchema, 403: ScimErrorSchema, 404: ScimErrorSchema } as const;
