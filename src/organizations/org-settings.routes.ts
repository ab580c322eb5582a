import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireRequester } from '../access/requester.js';
import { notFound } from '../platform/http/errors.js';
import { ERROR_RESPONSES, ErrorBody, OrgIdOrSlug } from '../platform/http/schemas.js';
import type { OrgSettingsService } from './org-settings.service.js';
import { SETTINGS_BODY_LIMIT, UpdateOrganizationBody, UpdatedOrganization } from './org-settings.schemas.js';
import { OrganizationDetails } from './organizations.schemas.js';

const OrgParams = Type.Object({ organization_id_or_slug: OrgIdOrSlug });

export function orgSettingsRoutes(settings: OrgSettingsService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.put(
      '/api/0/organizations/:organization_id_or_slug/',
      {
        bodyLimit: SETTINGS_BODY_LIMIT,
        schema: {
          operationId: 'updateOrganization',
          tags: ['Organizations'],
          summary: "Update an organization's settings",
          params: OrgParams,
          body: UpdateOrganizationBody,
          response: { 200: UpdatedOrganization, ...ERROR_RESPONSES, 409: Type.Unknown(), 413: ErrorBody },
        },
      },
      (request) => settings.update(requireRequester(request), request.params.organization_id_or_slug, request.body),
    );

    app.delete(
      '/api/0/organizations/:organization_id_or_slug/',
      {
        schema: {
          operationId: 'deleteOrganization',
          tags: ['Organizations'],
          summary: 'Queue an organization for deletion (restorable for 24 hours)',
          params: OrgParams,
          response: { 202: OrganizationDetails, ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => reply.status(202).send(await settings.remove(requireRequester(request), request.params.organization_id_or_slug)),
    );

    app.get(
      '/organization-avatar/:avatar_uuid/',
      { schema: { hide: true, params: Type.Object({ avatar_uuid: Type.String({ pattern: '^[0-9a-f]{32}$' }) }) } },
      async (request, reply) => {
        const avatar = await settings.avatar(request.params.avatar_uuid);
        if (!avatar) throw notFound();
        // A new upload gets a new uuid, so what one uuid names never changes. An image only: never read
        // as another type, never a document that may run or load anything (should an avatar stored
        // before uploads were re-encoded hold a page), and embeddable by any site, as avatars are public.
        return reply
          .header('content-type', avatar.contentType)
          .header('cache-control', 'public, max-age=31536000, immutable')
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'")
          .header('cross-origin-resource-policy', 'cross-origin')
          .send(avatar.image);
      },
    );
  };
}
