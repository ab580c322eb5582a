import type { FastifyReply, FastifyRequest } from 'fastify';
import { renderError, type RoutingError } from '../platform/http/error-handler.js';
import { SCIM_ERROR_SCHEMA, scimErrorBody } from './scim-errors.js';

/** What SCIM answers are sent as (Roster's choice 2); requests may also say application/json. */
export const SCIM_MEDIA_TYPE = 'application/scim+json';

/**
 * Errors of the SCIM routes: malformed JSON is `invalidSyntax` and a body or query that fails its
 * schema `invalidValue`, both naming what is wrong; everything else is rendered as on every route
 * and put in the SCIM envelope on its way out (`toScimEnvelope`).
 */
export function renderScimError(error: RoutingError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error instanceof SyntaxError) {
    return reply.status(400).send(scimErrorBody(400, `The body is not valid JSON: ${error.message}`, 'invalidSyntax'));
  }
  if (error.validation && error.validationContext !== 'params') {
    const first = error.validation[0];
    const where = first?.instancePath ? `${error.validationContext ?? 'body'}${first.instancePath.replaceAll('/', '.')}` : (error.validationContext ?? 'body');
    return reply.status(400).send(scimErrorBody(400, `${where}: ${error.message}`, 'invalidValue'));
  }
  return renderError(error, request, reply);
}

/**
 * `onSend` of the SCIM routes: every answer is `application/scim+json`, and an error body that is
 * not yet in the SCIM envelope (a permission refusal, a 404, a rate limit) is put in it, its
 * `detail` kept.
 */
export async function toScimEnvelope(_request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  if (reply.statusCode === 204) return payload;
  reply.header('content-type', `${SCIM_MEDIA_TYPE}; charset=utf-8`);
  if (reply.statusCode < 400 || typeof payload !== 'string') return payload;
  let body: unknown;
  try {
    body = JSON.parse(payload);
  } catch {
    return JSON.stringify(scimErrorBody(reply.statusCode, payload));
  }
  if (isScimError(body)) return payload;
  if (reply.statusCode === 401) reply.header('www-authenticate', 'Bearer realm="SCIM"');
  return JSON.stringify(scimErrorBody(reply.statusCode, detailOf(body)));
}

function isScimError(body: unknown): boolean {
  return typeof body === 'object' && body !== null && Array.isArray((body as { schemas?: unknown }).schemas) && (body as { schemas: unknown[] }).schemas.includes(SCIM_ERROR_SCHEMA);
}

function detailOf(body: unknown): string {
  if (typeof body === 'object' && body !== null && typeof (body as { detail?: unknown }).detail === 'string') return (body as { detail: string }).detail;
  return JSON.stringify(body);
}
