import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireRequester } from '../access/requester.js';
import { ERROR_RESPONSES, NoContent } from '../platform/http/schemas.js';
import { OrgParams } from '../members/members.schemas.js';
import type { AccessRequestService } from './access-requests.service.js';
import { AccessRequestBody, AccessRequestParams, AccessRequestSchema } from './access-requests.schemas.js';
import { BODY_LIMITS } from '../platform/http/body-limits.js';

export function accessRequestRoutes(accessRequests: AccessRequestService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/0/organizations/:organization_id_or_slug/access-requests/',
      {
        schema: {
          operationId: 'listOrganizationAccessRequests',
          tags: ['Teams'],
          summary: 'Open requests to join a team that the requester may answer',
          params: OrgParams,
          response: { 200: Type.Array(AccessRequestSchema), ...ERROR_RESPONSES },
        },
      },
      (request) => accessRequests.list(requireRequester(request), request.params.organization_id_or_slug),
    );

    app.put(
      '/api/0/organizations/:organization_id_or_slug/access-requests/:request_id/',
      {
        bodyLimit: BODY_LIMITS.small,
        schema: {
          operationId: 'updateOrganizationAccessRequest',
          tags: ['Teams'],
          summary: 'Approve (the member joins the team) or deny a request to join a team',
          params: AccessRequestParams,
          body: AccessRequestBody,
          response: { 204: NoContent, ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        const { organization_id_or_slug: org, request_id: requestId } = request.params;
        await accessRequests.decide(requireRequester(request), org, requestId, request.body.isApproved);
        return reply.status(204).send(null);
      },
    );
  };
}
