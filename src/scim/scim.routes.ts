import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ScimDeps } from './scim-context.js';
import { renderScimError, toScimEnvelope } from './scim-envelope.js';
import { scimDiscoveryRoutes } from './scim-discovery.routes.js';
import { scimUserRoutes } from './scim-users.routes.js';
import { scimGroupRoutes } from './scim-groups.routes.js';

/**
 * The SCIM 2.0 API of each organization, under `SCIM_BASE` (no trailing slash, SCIM style): bodies as
 * `application/scim+json` or JSON, answers and errors in SCIM's shapes, and the only routes a SCIM
 * token opens (`config.scim`, checked by the authentication hook).
 */
export function scimRoutes(deps: ScimDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const parseJson = app.getDefaultJsonParser('error', 'error');
    // Sentry's list of SCIM types carries a misspelt `application/json+scim`; take it too.
    app.addContentTypeParser(['application/scim+json', 'application/json+scim'], { parseAs: 'string' }, parseJson);
    app.setErrorHandler(renderScimError);
    app.addHook('onSend', toScimEnvelope);
    app.addHook('onRoute', (route) => {
      route.config = { ...route.config, scim: true };
    });
    await app.register(scimDiscoveryRoutes(deps));
    await app.register(scimUserRoutes(deps));
    await app.register(scimGroupRoutes(deps));
  };
}
