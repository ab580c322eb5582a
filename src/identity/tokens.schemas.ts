import { Type } from '@sinclair/typebox';
import { ALL_SCOPES } from '../access/roles.js';
import { DateTime, Nullable } from '../platform/http/schemas.js';

/** Sentry's API token (`ApiTokenSerializer` for a user token); the token itself only when just made. */
export const ApiTokenSchema = Type.Object({
  id: Type.String(),
  name: Nullable(Type.String()),
  scopes: Type.Array(Type.String()),
  dateCreated: DateTime,
  expiresAt: Nullable(DateTime),
  tokenLastCharacters: Type.String(),
});

export const NewApiTokenSchema = Type.Object({ ...ApiTokenSchema.properties, token: Type.String() });

export const CreateApiTokenBody = Type.Object({
  scopes: Type.Array(Type.String({ enum: [...ALL_SCOPES] }), { minItems: 1, maxItems: ALL_SCOPES.length * 2 }),
  name: Type.Optional(Type.String({ maxLength: 255 })),
});

const INVALID_ID = 'A valid integer is required.';

/** Sentry's form: the id in the body, as a number or a string of digits. */
export const DeleteApiTokenBody = Type.Object({
  tokenId: Type.Union(
    [
      Type.String({ pattern: '^[0-9]{1,18}$', errorMessage: INVALID_ID }),
      Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, errorMessage: INVALID_ID }),
    ],
    { errorMessage: INVALID_ID },
  ),
});
