import type { FastifyInstance } from 'fastify';
import type { RateLimit } from '../lib/rate-limit.queries.js';
import { rateLimited } from './errors.js';

/** A per-address limit a route declares in its config: `name` keys its counters. */
export interface IpRateLimit {
  name: string;
  limit: number;
  windowSeconds: number;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Requests from one address the route answers per window; checked before the body is read. */
    ipRateLimit?: IpRateLimit;
  }
}

/** The per-address limit of the routes that answer without credentials and do not send email (issue 13 item 3). */
export const PUBLIC_ROUTE_IP_LIMIT = { limit: 100, windowSeconds: 3600 } as const;

/**
 * Counts each request to a route with an `ipRateLimit` against its address, in an onRequest hook:
 * before the body is read or parsed, so that a client without credentials over its limit costs one
 * counter update, not a parse (429 past the limit). `hit` counts and says whether a limit is exceeded.
 */
export function registerIpRateLimits(app: FastifyInstance, hit: (limits: readonly RateLimit[]) => Promise<boolean>): void {
  app.addHook('onRequest', async (request) => {
    const limit = request.routeOptions.config.ipRateLimit;
    if (!limit) return;
    const exceeded = await hit([{ bucket: `${limit.name}:ip:${request.ip}`, limit: limit.limit, windowSeconds: limit.windowSeconds }]);
    if (exceeded) throw rateLimited();
  });
}
