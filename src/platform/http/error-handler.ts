import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, NOT_FOUND } from './errors.js';

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  data?: unknown;
  parentSchema?: { errorMessage?: string; maxLength?: number; maxItems?: number };
}

/** DRF's wording for each JSON-schema failure, so validation errors read like Sentry's. */
function messageFor(error: AjvError): string {
  const custom = error.parentSchema?.errorMessage;
  if (custom) return custom;
  switch (error.keyword) {
    case 'required':
      return 'This field is required.';
    case 'type': {
      const type = String(error.params.type);
      if (type.includes('boolean')) return 'Must be a valid boolean.';
      if (type.includes('integer') || type.includes('number')) return 'A valid integer is required.';
      if (type.includes('array')) return `Expected a list of items but got type "${pythonType(error.data)}".`;
      if (type.includes('object')) return `Invalid data. Expected a dictionary, but got ${pythonType(error.data)}.`;
      if (error.data === null) return 'This field may not be null.';
      return 'Not a valid string.';
    }
    case 'enum':
    case 'const':
    case 'anyOf':
      return `"${displayValue(error.data)}" is not a valid choice.`;
    case 'maxLength':
      return `Ensure this field has no more than ${String(error.params.limit)} characters.`;
    case 'minLength':
      return 'This field may not be blank.';
    case 'maxItems':
      return `Ensure this field has no more than ${String(error.params.limit)} elements.`;
    case 'minItems':
      return 'This list may not be empty.';
    case 'format':
      return error.params.format === 'email' ? 'Enter a valid email address.' : 'Enter a valid value.';
    case 'maximum':
      return `Ensure this value is less than or equal to ${String(error.params.limit)}.`;
    case 'minimum':
      return `Ensure this value is greater than or equal to ${String(error.params.limit)}.`;
    case 'pattern':
      return 'Enter a valid value.';
    case 'nullCharacters':
      return 'Null characters are not allowed.';
    case 'additionalProperties':
      return `Unexpected field "${String(error.params.additionalProperty)}".`;
    default:
      return 'Invalid value.';
  }
}

function pythonType(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  if (value === null) return 'NoneType';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'boolean') return 'bool';
  return 'dict';
}

function displayValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Turns schema failures into Sentry's `{"field": ["message"]}` body (a path's first segment is the field). */
export function validationBody(errors: AjvError[]): Record<string, string[]> {
  // No prototype: a client's field may be called `toString` or `__proto__`.
  const body: Record<string, string[]> = Object.create(null);
  for (const error of errors) {
    const segments = error.instancePath.split('/').filter(Boolean);
    const field =
      error.keyword === 'required' && segments.length === 0
        ? String(error.params.missingProperty)
        : (segments[0] ?? 'non_field_errors');
    const messages = (body[field] ??= []);
    const message = messageFor(error);
    if (!messages.includes(message)) messages.push(message);
  }
  return body;
}

/**
 * Whether an error says the database cannot serve now (connection lost or refused, shutting down, or
 * 53300: every connection slot taken), which a retry may cure: a 503, not a 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code ?? '';
  const message = error instanceof Error ? error.message : '';
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '53300'].includes(code) ||
    code.startsWith('08') ||
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(message)
  );
}

/**
 * One handler renders every error. Schema failures are 400 field maps (404 for malformed path ids,
 * as Sentry's URL patterns would not match); framework errors keep their 4xx status; anything unknown
 * is a 500 that carries only the request id.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(renderError);
  app.setNotFoundHandler((_request, reply) => reply.status(404).send({ detail: NOT_FOUND }));
}

export type RoutingError = FastifyError & { validation?: AjvError[] };

/** The application's error handler (see registerErrorHandler); a plugin with a handler of its own hands it what it does not render itself. */
export function renderError(error: RoutingError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof ApiError) {
    return reply.status(error.status).send(error.body);
  }
  if (error.validation) {
    if (error.validationContext === 'params') return reply.status(404).send({ detail: NOT_FOUND });
    return reply.status(400).send(validationBody(error.validation));
  }
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error instanceof SyntaxError) {
    return reply.status(400).send({ detail: `JSON parse error - ${error.message}` });
  }
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'database unavailable');
    return reply.status(503).header('retry-after', '1').send({ detail: 'The service is temporarily unavailable: its database cannot be reached.' });
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return reply.status(status).send({ detail: error.message });
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send({ detail: 'Internal Error', errorId: request.id });
}

/**
 * Errors the router raises before any route runs (Fastify's `frameworkErrors`): a path that is not
 * valid UTF-8 once decoded, or a path segment over the router's length limit. Left to Fastify they
 * answer with its own body (`{"error", "code": "FST_ERR_BAD_URL", …}`), which is not Sentry's shape
 * and names the framework; no route can match such a path, so it is the 404 of any unknown path.
 */
export function frameworkErrorHandler(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_BAD_URL' || error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void reply.status(404).send({ detail: NOT_FOUND });
    return;
  }
  void reply.status(400).send({ detail: 'Bad request.' });
}
