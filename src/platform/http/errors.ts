/**
 * The one error type. `body` is sent as is, in Sentry's wire shapes (sentry-behavior.md §1.2):
 * `{"detail": "…"}`, `{"field": ["message"]}`, a bare `["message"]`, or a handler-specific object.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly code: string,
  ) {
    super(typeof body === 'object' && body && 'detail' in body ? String((body as { detail: unknown }).detail) : code);
    this.name = 'ApiError';
  }
}

export const NOT_AUTHENTICATED = 'Authentication credentials were not provided.';
export const PERMISSION_DENIED = 'You do not have permission to perform this action.';
export const NOT_FOUND = 'The requested resource does not exist';

export const notAuthenticated = () => new ApiError(401, { detail: NOT_AUTHENTICATED }, 'not_authenticated');

export const permissionDenied = (detail: string = PERMISSION_DENIED) =>
  new ApiError(403, { detail }, 'permission_denied');

export const notFound = () => new ApiError(404, { detail: NOT_FOUND }, 'not_found');

/** `{"detail": text}` with any status. */
export const detailError = (status: number, detail: string, code = 'invalid') => new ApiError(status, { detail }, code);

/** A serializer field error: `{"field": ["message"]}`. */
export const fieldError = (field: string, message: string) => new ApiError(400, { [field]: [message] }, 'invalid_field');

/** Several serializer field errors at once. */
export const fieldErrors = (fields: Record<string, string[]>) => new ApiError(400, fields, 'invalid_field');

/** A view-level validation error: a bare JSON list. */
export const listError = (message: string) => new ApiError(400, [message], 'invalid');

/** Sentry's org gate (§1.3): the organization requires 2FA and the session's user has none. */
export const twoFactorRequired = () =>
  new ApiError(
    401,
    { detail: { code: '2fa-required', message: 'Organization requires two-factor authentication to be enabled', extra: {} } },
    '2fa_required',
  );

export const rateLimited = (detail = 'You are being rate limited.') => new ApiError(429, { detail }, 'rate_limited');
