import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { permissionDenied } from '../platform/http/errors.js';
import { loadScimContext, scimPrincipal, SCIM_SCOPES, type ScimDeps } from './scim-context.js';
import { SCIM_BASE, SCIM_TAGS, ScimOrgParams } from './scim-paths.js';
import { serviceProviderConfig } from './scim-discovery.js';

/** Discovery endpoints take no filter (RFC 7644 §4). */
export const NO_FILTER_HERE = 'Filtering is not supported on this endpoint.';

const DiscoveryQuery = Type.Object({ filter: Type.Optional(Type.String({ maxLength: 1024 })) });

/** RFC 7644 §4: what this SCIM server supports, for the identity provider to discover. */
export function scimDiscoveryRoutes({ db, config }: ScimDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      `${SCIM_BASE}/ServiceProviderConfig`,
      {
        schema: {
          operationId: 'getScimServiceProviderConfig',
          tags: SCIM_TAGS,
          summary: 'What this SCIM server supports',
          params: ScimOrgParams,
          querystring: DiscoveryQuery,
        },
      },
      async (request) => {
        const context = await loadScimContext(db, scimPrincipal(request), request.params.organization_id_or_slug, SCIM_SCOPES.discovery);
        if (request.query.filter !== undefined) throw permissionDenied(NO_FILTER_HERE);
        return serviceProviderConfig(config, context.org.slug);
      },
    );
  };
}
