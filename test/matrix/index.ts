import type { FastifyInstance } from 'fastify';
import { ACCOUNT_ENDPOINTS } from './endpoints-account.js';
import { ORG_ENDPOINTS } from './endpoints-org.js';
import { TEAM_ENDPOINTS } from './endpoints-teams.js';
import { SSO_ENDPOINTS } from './endpoints-sso.js';
import { SCIM_ENDPOINTS } from './endpoints-scim.js';
import { WEBHOOK_ENDPOINTS } from './endpoints-webhooks.js';
import type { EndpointSpec } from './cells.js';

export { cellApplies, expectedDetail, expectedStatus, isScimRoute, type Cell, type EndpointSpec } from './cells.js';
export { isScimKind, REQUESTER_KINDS, requesterOf, type Requester, type World } from './requesters.js';
export { buildForeign, buildHome, organizationRows } from './world.js';

export { TEAM_ENDPOINTS };

/** Every endpoint of the matrix; each route of the OpenAPI document must have at least one. */
// The SSO and SCIM routes last: their cells leave the home organization a provider (endpoints-sso.ts).
export const ENDPOINTS: readonly EndpointSpec[] = [...ORG_ENDPOINTS, ...TEAM_ENDPOINTS, ...ACCOUNT_ENDPOINTS, ...WEBHOOK_ENDPOINTS, ...SSO_ENDPOINTS, ...SCIM_ENDPOINTS];

export const endpointName = (spec: EndpointSpec) => `${spec.method} ${spec.path}${spec.variant ? ` (${spec.variant})` : ''}`;

/** The URL of an OpenAPI path with its parameters filled in (each one URL-encoded). */
/**
 * Values for every path parameter of the API, pointing at `org`, its member `memberId` and its team
 * `backend` (ids of things that do not exist elsewhere): what sweeps over all routes fill paths with.
 */
export function samplePathParams(org: { slug: string }, memberId: string): Record<string, string> {
  return {
    organization_id_or_slug: org.slug,
    member_id: memberId,
    team_id_or_slug: 'backend',
    request_id: '1',
    authenticator_id: '1',
    user_id: '1',
    token: 'f'.repeat(64),
    webhook_id: '1',
    delivery_id: '1',
    id: memberId,
    name: 'User',
  };
}

export function fillPath(path: string, params: Record<string, string>, query = ''): string {
  const url = path.replace(/\{([a-z_]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${path}`);
    return encodeURIComponent(value);
  });
  return query ? `${url}?${query}` : url;
}

/** The body limit a route declares (src/platform/http/body-limits.ts), by its OpenAPI method and path. */
export function bodyLimitOf(app: FastifyInstance, method: string, path: string): number {
  const limit = app.bodyLimits.get(`${method} ${path.replace(/\{([a-z_]+)\}/g, ':$1')}`);
  if (limit === undefined) throw new Error(`no body limit recorded for ${method} ${path}`);
  return limit;
}

/** The operations (`METHOD path`) the served OpenAPI document lists. */
export function openApiOperations(document: { paths: Record<string, Record<string, unknown>> }): string[] {
  return Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
}

/**
 * Sentry's error bodies (sentry-behavior.md §1.2): a bare list of strings, or an object whose values
 * are strings or lists of strings (`{"detail": …}`, a field map, `{"role": …}`, `{"details": …}`).
 */
export function isSentryErrorBody(body: unknown): boolean {
  const isText = (value: unknown) => typeof value === 'string';
  const isTextList = (value: unknown) => Array.isArray(value) && value.length > 0 && value.every(isText);
  if (isTextList(body)) return true;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
  const values = Object.values(body);
  return values.length > 0 && values.every((value) => isText(value) || isTextList(value));
}

const INTERNALS: ReadonlyArray<[string, RegExp]> = [
  ['a stack frame', /\bat [^\s]+ \(?[^\s)]+:\d+:\d+\)?/],
  ['a file path', /(node_modules|\/src\/|\.ts\b|\.js:\d|file:\/\/|\/work\/)/],
  ['SQL', /\b(select|insert|update|delete)\b[\s\S]{0,80}\b(from|into|set)\b|duplicate key|violates|constraint "|relation "|syntax error at/i],
  ['an engine name', /\b(pglite|kysely|postgres(ql)?|node-postgres)\b/i],
  ['a stored column', /token_hash|user_authenticators|api_tokens|email_outbox/],
];

/** What of the service's insides a response text shows, or null when nothing. */
export function leakedInternals(text: string): string | null {
  for (const [what, pattern] of INTERNALS) if (pattern.test(text)) return what;
  return null;
}
