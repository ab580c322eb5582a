import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { permissionDenied } from '../platform/http/errors.js';
import { OrgIdOrSlug } from '../platform/http/schemas.js';
import { scimUrl } from '../sso/scim-token.js';
import { loadScimContext, scimPrincipal, SCIM_SCOPES, type ScimDeps } from './scim-context.js';
import { scimError } from './scim-errors.js';
import { SCIM_BASE, SCIM_TAGS, ScimOrgParams } from './scim-paths.js';
import { serviceProviderConfig } from './scim-discovery.js';
import { listResponse } from './scim-list.js';
import { resourceTypeResources, schemaResources } from './scim-schema-definitions.js';

/** Discovery endpoints take no filter (RFC 7644 §4). */
export const NO_FILTER_HERE = 'Filtering is not supported on this endpoint.';
export const RESOURCE_TYPE_NOT_FOUND = 'Resource type not found.';
export const SCHEMA_NOT_FOUND = 'Schema not found.';

const DiscoveryQuery = Type.Object({ filter: Type.Optional(Type.String({ maxLength: 1024 })) });
const NamedParams = Type.Object({ organization_id_or_slug: OrgIdOrSlug, name: Type.String({ maxLength: 200 }) });

/** RFC 7644 §4: what this SCIM server supports, for the identity provider to discover. Pagination is ignored. */
export function scimDiscoveryRoutes({ db, config }: ScimDeps): FastifyPluginAsyncTypebox {
  /** The SCIM-on check first (a non-SCIM organization gets its 403), then the refusal of a filter. */
  async function discoveryBase(request: FastifyRequest, params: { organization_id_or_slug: string }, query: { filter?: string }) {
    const context = await loadScimContext(db, scimPrincipal(request), params.organization_id_or_slug, SCIM_SCOPES.discovery);
    if (query.filter !== undefined) throw permissionDenied(NO_FILTER_HERE);
    return scimUrl(config, context.org.slug);
  }
  const discoveryRoute = <P extends typeof ScimOrgParams | typeof NamedParams>(path: string, operationId: string, summary: string, params: P) => ({
    url: `${SCIM_BASE}${path}`,
    schema: { operationId, tags: SCIM_TAGS, summary, params, querystring: DiscoveryQuery },
  });

  return async (app) => {
    const spc = discoveryRoute('/ServiceProviderConfig', 'getScimServiceProviderConfig', 'What this SCIM server supports', ScimOrgParams);
    app.get(spc.url, { schema: spc.schema }, async (request) => {
      const context = await loadScimContext(db, scimPrincipal(request), request.params.organization_id_or_slug, SCIM_SCOPES.discovery);
      if (request.query.filter !== undefined) throw permissionDenied(NO_FILTER_HERE);
      return serviceProviderConfig(config, context.org.slug);
    });

    const types = discoveryRoute('/ResourceTypes', 'listScimResourceTypes', 'The resource types: User and Group', ScimOrgParams);
    app.get(types.url, { schema: types.schema }, async (request) => {
      const resources = resourceTypeResources(await discoveryBase(request, request.params, request.query));
      return listResponse(resources, resources.length, { startIndex: 1, count: resources.length, offset: 0 });
    });

    const type = discoveryRoute('/ResourceTypes/:name', 'getScimResourceType', 'One resource type', NamedParams);
    app.get(type.url, { schema: type.schema }, async (request) => {
      const found = resourceTypeResources(await discoveryBase(request, request.params, request.query)).find((resource) => resource.id === request.params.name);
      if (!found) throw scimError(404, RESOURCE_TYPE_NOT_FOUND);
      return found;
    });

    const schemas = discoveryRoute('/Schemas', 'listScimSchemas', "The User and Group schemas, with the attributes Roster keeps", ScimOrgParams);
    app.get(schemas.url, { schema: schemas.schema }, async (request) => {
      const resources = schemaResources(await discoveryBase(request, request.params, request.query));
      return listResponse(resources, resources.length, { startIndex: 1, count: resources.length, offset: 0 });
    });

    const schema = discoveryRoute('/Schemas/:name', 'getScimSchema', 'One schema, by its URN', NamedParams);
    app.get(schema.url, { schema: schema.schema }, async (request) => {
      const found = schemaResources(await discoveryBase(request, request.params, request.query)).find((resource) => resource.id === request.params.name);
      if (!found) throw scimError(404, SCHEMA_NOT_FOUND);
      return found;
    });

    // Discovery is read-only: other methods get SCIM's 405, not the router's 404.
    for (const path of ['/ServiceProviderConfig', '/ResourceTypes', '/ResourceTypes/:name', '/Schemas', '/Schemas/:name']) {
      app.route({
        method: ['POST', 'PUT', 'PATCH', 'DELETE'],
        url: `${SCIM_BASE}${path}`,
        schema: { hide: true },
        handler: async () => {
          throw scimError(405, 'Discovery endpoints are read-only.');
        },
      });
    }
  };
}
