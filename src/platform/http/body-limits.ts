import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from './errors.js';

/**
 * Request bodies are bounded twice: in bytes, by a limit each route declares next to its schema
 * (`bodyLimit`, from the sizes below), and in nesting, by what the route's body schema can hold,
 * checked on the raw text before it is parsed (issue 13 item 3: a 1 MB body of nested arrays cost
 * 0.4–0.8 s of CPU to parse, before any credential or rate limit was looked at).
 */
export const BODY_LIMITS = {
  /** Sign-in, invite links, email confirmation: an address, a token or a code. */
  auth: 2 * 1024,
  /** Most writes: a name, a slug, a role, a flag or two. */
  small: 8 * 1024,
  /** Writes that carry a list of up to 1,000 team slugs (invites, a member's teams). */
  teamList: 128 * 1024,
} as const;

/** What the app itself allows: a route that takes a body must declare its own limit. */
export const DEFAULT_BODY_LIMIT = BODY_LIMITS.auth;

/** Nesting an untyped value (`Type.Unknown()`) may have: enough for the service to name a wrong type, no more. */
const UNKNOWN_DEPTH = 2;
/** The deepest any body may go when its schema cannot say (no body schema). */
const FALLBACK_DEPTH = 8;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** How deeply the route's JSON body may nest: worked out from its body schema when the route is added. */
    maxJsonDepth?: number;
  }
  interface FastifyInstance {
    /** Each route's body limit in bytes, by `METHOD /url/:param/` (what the tests send bodies against). */
    readonly bodyLimits: ReadonlyMap<string, number>;
  }
}

interface JsonSchemaNode {
  type?: string | string[];
  properties?: Record<string, JsonSchemaNode>;
  additionalProperties?: boolean | JsonSchemaNode;
  items?: JsonSchemaNode | JsonSchemaNode[];
  anyOf?: JsonSchemaNode[];
  oneOf?: JsonSchemaNode[];
  allOf?: JsonSchemaNode[];
}

/**
 * The deepest nesting of arrays and objects a value matching `schema` can have: a scalar is 0, an
 * object or array is one more than its deepest member; an untyped value gets UNKNOWN_DEPTH.
 */
export function schemaDepth(schema: JsonSchemaNode | undefined): number {
  if (!schema || typeof schema !== 'object') return UNKNOWN_DEPTH;
  const alternatives = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  if (alternatives.length > 0) return Math.max(...alternatives.map(schemaDepth));
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length === 0) return UNKNOWN_DEPTH;
  let depth = 0;
  if (types.includes('object')) {
    const members = Object.values(schema.properties ?? {}).map(schemaDepth);
    // Unknown fields are accepted and ignored (Sentry's clients send fields Roster leaves out, such as
    // `trustedRelays: [{…}]`), so they may nest as deeply as an untyped value.
    members.push(typeof schema.additionalProperties === 'object' ? schemaDepth(schema.additionalProperties) : UNKNOWN_DEPTH);
    depth = Math.max(depth, 1 + Math.max(...members));
  }
  if (types.includes('array')) {
    const items = Array.isArray(schema.items) ? schema.items : schema.items ? [schema.items] : [];
    depth = Math.max(depth, 1 + Math.max(items.length === 0 ? UNKNOWN_DEPTH : 0, ...items.map(schemaDepth)));
  }
  return depth;
}

/** Whether JSON text opens more than `max` arrays or objects inside one another; one pass, strings skipped. */
export function jsonNestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

export const TOO_DEEP = 'The JSON body is nested more deeply than this endpoint accepts.';

/**
 * Every route with a body schema must declare its `bodyLimit` (start-up fails otherwise, so a new
 * route cannot fall back to a limit chosen for another); each gets the nesting its schema allows.
 * JSON bodies are checked for that nesting before Fastify's own parser (kept, with its prototype
 * poisoning protection) runs. Register before any route.
 */
export function registerBodyLimits(app: FastifyInstance): void {
  const limits = new Map<string, number>();
  app.decorate('bodyLimits', limits);
  app.addHook('onRoute', (route) => {
    const body = (route.schema as { body?: JsonSchemaNode } | undefined)?.body;
    if (body && route.bodyLimit === undefined) {
      throw new Error(`${String(route.method)} ${route.url} takes a body but declares no bodyLimit (see src/platform/http/body-limits.ts)`);
    }
    route.config = { ...route.config, maxJsonDepth: body ? schemaDepth(body) : FALLBACK_DEPTH };
    for (const method of [route.method].flat()) limits.set(`${method} ${route.url}`, route.bodyLimit ?? DEFAULT_BODY_LIMIT);
  });
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request: FastifyRequest, text: string | Buffer, done) => {
    const body = typeof text === 'string' ? text : text.toString('utf8');
    if (jsonNestsDeeperThan(body, request.routeOptions.config.maxJsonDepth ?? FALLBACK_DEPTH)) {
      done(new ApiError(400, { detail: TOO_DEEP }, 'too_deep'), undefined);
      return;
    }
    parseJson(request, body, done);
  });
}
