import { NAME_CHARACTERS_MESSAGE, NAME_PATTERN } from '../lib/names.js';
import { Type, type Static, type StringOptions, type TNull, type TSchema, type TUnion } from '@sinclair/typebox';

/** Shared schema pieces. Every route declares its request and response schemas with these. */

/**
 * The schema or null. A schema of one JSON type gets `type: [its type, "null"]` rather than an `anyOf`:
 * the response serializer must run a validator for every value under an `anyOf` to pick the branch,
 * which made serializing a page of 100 members cost milliseconds.
 */
export const Nullable = <T extends TSchema>(schema: T): TUnion<[T, TNull]> =>
  typeof schema.type === 'string' && !('anyOf' in schema)
    ? (Type.Unsafe<Static<T> | null>({ ...schema, type: [schema.type, 'null'] }) as unknown as TUnion<[T, TNull]>)
    : Type.Union([schema, Type.Null()]);


/**
 * A name of an organization, team or user, wherever one is set (API, seed; the CLI uses isCleanName).
 * The pattern sits in its own subschema so that only it carries the name message.
 */
export const NameText = (options: StringOptions = {}) =>
  Type.String({ ...options, allOf: [{ pattern: NAME_PATTERN, errorMessage: NAME_CHARACTERS_MESSAGE }] });

export const Id = Type.String({ description: 'A numeric id, serialized as a string' });

export const DateTime = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });

/** `{organization_id_or_slug}` path segment. */
export const OrgIdOrSlug = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });

/** `{member_id}`: `me` or a non-negative integer within bigint (anything else is a 404). */
export const MemberIdParam = Type.String({ pattern: '^(me|[0-9]{1,18})$' });

export const IdOrSlug = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });

/** Sentry's `{"detail": "…"}` error body. */
export const ErrorBody = Type.Object({ detail: Type.Unknown() }, { additionalProperties: true });

/** Error responses every authenticated route may give; listed on each route for the OpenAPI document. */
export const ERROR_RESPONSES = {
  400: Type.Unknown({ description: 'Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"]' }),
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
} as const;

export const NoContent = Type.Null({ description: 'No content' });
