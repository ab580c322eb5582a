import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { BODY_LIMITS } from '../platform/http/body-limits.js';
import { NoContent } from '../platform/http/schemas.js';
import { scimPrincipal, type ScimDeps } from './scim-context.js';
import { scimError } from './scim-errors.js';
import { GroupCreateBody, GroupListSchema, GroupPatchBody, GroupResourceSchema, ScimGroupQuery } from './scim-groups.schemas.js';
import { createScimGroupService } from './scim-groups.service.js';
import { ScimListQuery } from './scim-list.js';
import { SCIM_BASE, SCIM_TAGS, ScimOrgParams, ScimResourceParams } from './scim-paths.js';

/** SCIM Groups = teams (spec scim.md §1.5): list, provision, read, patch, delete; PUT is not supported (405). */
export function scimGroupRoutes(deps: ScimDeps): FastifyPluginAsyncTypebox {
  const groups = createScimGroupService(deps);
  return async (app) => {
    app.get(
      `${SCIM_BASE}/Groups`,
      {
        schema: {
          operationId: 'listScimGroups',
          tags: SCIM_TAGS,
          summary: "The organization's teams as SCIM Groups, by id, filtered and paged",
          params: ScimOrgParams,
          querystring: ScimListQuery,
          response: { 200: GroupListSchema },
        },
      },
      async (request) => groups.list(scimPrincipal(request), request.params.organization_id_or_slug, request.query),
    );

    app.post(
      `${SCIM_BASE}/Groups`,
      {
        bodyLimit: BODY_LIMITS.teamList,
        schema: {
          operationId: 'createScimGroup',
          tags: SCIM_TAGS,
          summary: 'Provision a team managed by the identity provider',
          params: ScimOrgParams,
          body: GroupCreateBody,
          response: { 201: GroupResourceSchema },
        },
      },
      async (request, reply) => {
        const group = await groups.create(scimPrincipal(request), request.params.organization_id_or_slug, request.body);
        return reply.status(201).header('location', group.meta.location).send(group);
      },
    );

    app.get(
      `${SCIM_BASE}/Groups/:id`,
      {
        schema: {
          operationId: 'getScimGroup',
          tags: SCIM_TAGS,
          summary: 'One team as a SCIM Group',
          params: ScimResourceParams,
          querystring: ScimGroupQuery,
          response: { 200: GroupResourceSchema },
        },
      },
      async (request) => groups.get(scimPrincipal(request), request.params.organization_id_or_slug, request.params.id, request.query),
    );

    app.patch(
      `${SCIM_BASE}/Groups/:id`,
      {
        bodyLimit: BODY_LIMITS.teamList,
        schema: {
          operationId: 'patchScimGroup',
          tags: SCIM_TAGS,
          summary: "Rename a team, set its externalId, change its members (the team becomes the identity provider's)",
          params: ScimResourceParams,
          body: GroupPatchBody,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await groups.patch(scimPrincipal(request), request.params.organization_id_or_slug, request.params.id, request.body);
        return reply.status(204).send(null);
      },
    );

    app.delete(
      `${SCIM_BASE}/Groups/:id`,
      {
        schema: {
          operationId: 'deleteScimGroup',
          tags: SCIM_TAGS,
          summary: 'Delete a team',
          params: ScimResourceParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await groups.remove(scimPrincipal(request), request.params.organization_id_or_slug, request.params.id);
        return reply.status(204).send(null);
      },
    );

    // Groups are changed with PATCH only (as in Sentry); the error is SCIM's, not the router's.
    app.put(`${SCIM_BASE}/Groups/:id`, { schema: { hide: true, params: ScimResourceParams } }, async () => {
      throw scimError(405, 'PUT is not supported on Groups; use PATCH.');
    });
  };
}
