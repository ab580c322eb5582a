import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { BODY_LIMITS } from '../platform/http/body-limits.js';
import { NoContent } from '../platform/http/schemas.js';
import { scimPrincipal, type ScimDeps } from './scim-context.js';
import { SCIM_BASE, SCIM_TAGS, ScimOrgParams, ScimResourceParams } from './scim-paths.js';
import {
  SCIM_ERROR_RESPONSES,
  ScimAttributesQuery,
  ScimErrorSchema,
  ScimListQuery,
  ScimPatchBody,
  ScimUserBody,
  ScimUserListSchema,
  ScimUserSchema,
} from './scim-users.schemas.js';
import { createScimUserService } from './scim-users.service.js';

// A PATCH may carry up to 100 operations (Entra sends one per attribute): more than a User body.
const PATCH_BODY_LIMIT = BODY_LIMITS.teamList;

/** `Users` and `Users/{id}` (spec scim.md §1.4, Roster's choices 1–7, 11–17, 20). */
export function scimUserRoutes(deps: ScimDeps): FastifyPluginAsyncTypebox {
  const users = createScimUserService(deps);
  return async (app) => {
    app.get(
      `${SCIM_BASE}/Users`,
      {
        schema: {
          operationId: 'listScimUsers',
          tags: SCIM_TAGS,
          summary: 'List members as SCIM Users (filter, startIndex, count)',
          params: ScimOrgParams,
          querystring: ScimListQuery,
          response: { 200: ScimUserListSchema, ...SCIM_ERROR_RESPONSES },
        },
      },
      (request) => users.list(scimPrincipal(request), request.params.organization_id_or_slug, request.query),
    );

    app.post(
      `${SCIM_BASE}/Users`,
      {
        bodyLimit: BODY_LIMITS.small,
        schema: {
          operationId: 'provisionScimUser',
          tags: SCIM_TAGS,
          summary: 'Provision a member (a pending invite, no email sent)',
          params: ScimOrgParams,
          body: ScimUserBody,
          response: { 201: ScimUserSchema, ...SCIM_ERROR_RESPONSES, 409: ScimErrorSchema },
        },
      },
      async (request, reply) => {
        const user = await users.create(scimPrincipal(request), request.params.organization_id_or_slug, request.body);
        return reply.status(201).header('location', user.meta.location).send(user);
      },
    );

    app.get(
      `${SCIM_BASE}/Users/:id`,
      {
        schema: {
          operationId: 'getScimUser',
          tags: SCIM_TAGS,
          summary: 'Retrieve a member as a SCIM User',
          params: ScimResourceParams,
          querystring: ScimAttributesQuery,
          response: { 200: ScimUserSchema, ...SCIM_ERROR_RESPONSES },
        },
      },
      (request) => users.get(scimPrincipal(request), request.params.organization_id_or_slug, request.params.id, request.query),
    );

    app.put(
      `${SCIM_BASE}/Users/:id`,
      {
        bodyLimit: BODY_LIMITS.small,
        schema: {
          operationId: 'replaceScimUser',
          tags: SCIM_TAGS,
          summary: 'Sync a member\'s role and profile; `active: false` deprovisions (204)',
          params: ScimResourceParams,
          body: ScimUserBody,
          response: { 200: ScimUserSchema, 204: NoContent, ...SCIM_ERROR_RESPONSES, 409: ScimErrorSchema },
        },
      },
      async (request, reply) => {
        const user = await users.replace(scimPrincipal(request), request.params.organization_id_or_slug, request.params.id, request.body);
        return user ? reply.send(user) : reply.status(204).send(null);
      },
    );

    app.patch(
      `${SCIM_BASE}/Users/:id`,
      {
        bodyLimit: PATCH_BODY_LIMIT,
        schema: {
          operationId: 'patchScimUser',
          tags: SCIM_TAGS,
          summary: 'Patch a member (RFC 7644 PatchOp); `active: false` deprovisions (204)',
          params: ScimResourceParams,
          body: ScimPatchBody,
          response: { 200: ScimUserSchema, 204: NoContent, ...SCIM_ERROR_RESPONSES, 409: ScimErrorSchema },
        },
      },
      async (request, reply) => {
        const user = await users.patch(scimPrincipal(request), request.params.organization_id_or_slug, request.params.id, request.body);
        return user ? reply.send(user) : reply.status(204).send(null);
      },
    );

    app.delete(
      `${SCIM_BASE}/Users/:id`,
      {
        schema: {
          operationId: 'deprovisionScimUser',
          tags: SCIM_TAGS,
          summary: 'Deprovision a member (its teams and SSO identity go too)',
          params: ScimResourceParams,
          response: { 204: NoContent, ...SCIM_ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        await users.remove(scimPrincipal(request), request.params.organization_id_or_slug, request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
