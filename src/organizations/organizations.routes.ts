import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireRequester } from '../access/requester.js';
import { ERROR_RESPONSES, OrgIdOrSlug } from '../platform/http/schemas.js';
import type { OrganizationService } from './organizations.service.js';
import { viewOfQuery } from './organization-details.js';
import {
  CreateOrganizationBody,
  GetOrganizationQuery,
  ListOrganizationsQuery,
  OrganizationDetails,
} from './organizations.schemas.js';
import { OrganizationSummary } from '../access/org-summary.js';
import { BODY_LIMITS } from '../platform/http/body-limits.js';

export function organizationRoutes(organizations: OrganizationService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/0/organizations/',
      {
        schema: {
          operationId: 'listOrganizations',
          tags: ['Organizations'],
          summary: "List the requester's organizations",
          querystring: ListOrganizationsQuery,
          response: { 200: Type.Array(OrganizationSummary), ...ERROR_RESPONSES },
        },
      },
      (request) => organizations.list(requireRequester(request), request.query.owner ?? false),
    );

    app.post(
      '/api/0/organizations/',
      {
        bodyLimit: BODY_LIMITS.small,
        schema: {
          operationId: 'createOrganization',
          tags: ['Organizations'],
          summary: 'Create an organization owned by the requester',
          body: CreateOrganizationBody,
          response: { 201: OrganizationDetails, ...ERROR_RESPONSES, 429: ERROR_RESPONSES[403] },
        },
      },
      async (request, reply) => reply.status(201).send(await organizations.create(requireRequester(request), request.body)),
    );

    app.get(
      '/api/0/organizations/:organization_id_or_slug/',
      {
        schema: {
          operationId: 'getOrganization',
          tags: ['Organizations'],
          summary: 'Retrieve an organization (`?detailed=0` without teams, `?include_feature_flags=1` with features)',
          params: Type.Object({ organization_id_or_slug: OrgIdOrSlug }),
          querystring: GetOrganizationQuery,
          response: { 200: OrganizationDetails, ...ERROR_RESPONSES },
        },
      },
      (request) => organizations.get(requireRequester(request), request.params.organization_id_or_slug, viewOfQuery(request.query)),
    );
  };
}
