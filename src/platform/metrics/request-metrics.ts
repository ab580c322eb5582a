import type { FastifyInstance } from 'fastify';
import { observeRequest } from './metrics.js';

/**
 * Times every answered request by its route template (`/api/0/organizations/:organization_id_or_slug/`,
 * never the URL asked for, which would make a series per member id). Registered only when metrics are
 * served: a server that serves none pays nothing per request.
 */
export function registerRequestMetrics(app: FastifyInstance): void {
  app.addHook('onResponse', (request, reply, done) => {
    observeRequest(request.method, request.routeOptions.url ?? null, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
}
