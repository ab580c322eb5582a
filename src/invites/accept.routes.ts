import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ERROR_RESPONSES, NoContent } from '../platform/http/schemas.js';
import type { AcceptInviteService, InviteLinkParams } from './accept.service.js';
import { AcceptInviteDetails, AcceptParams, ShortAcceptParams } from './invites.schemas.js';
import { PUBLIC_ROUTE_IP_LIMIT } from '../platform/http/ip-rate-limit.js';

/**
 * `/api/0/accept-invite/[{organization_id_or_slug}/]{member_id}/{token}/`: what the link is (GET, no
 * credentials needed) and accepting it (POST). The invite email's `/accept/…` page calls these.
 */
export function acceptInviteRoutes(acceptInvites: AcceptInviteService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const forms = [
      { path: '/api/0/accept-invite/:organization_id_or_slug/:member_id/:token/', params: AcceptParams, suffix: '' },
      { path: '/api/0/accept-invite/:member_id/:token/', params: ShortAcceptParams, suffix: 'Short' },
    ];
    for (const form of forms) {
      const link = (params: { organization_id_or_slug?: string; member_id: string; token: string }): InviteLinkParams => ({
        orgIdOrSlug: params.organization_id_or_slug ?? null,
        memberId: params.member_id,
        token: params.token,
      });
      app.get(
        form.path,
        {
          config: { public: true },
          schema: {
            operationId: `getAcceptInvite${form.suffix}`,
            tags: ['Invites'],
            summary: 'Details of a valid invite link, for the accept page (no credentials needed)',
            params: form.params,
            security: [],
            response: { 200: AcceptInviteDetails, ...ERROR_RESPONSES },
          },
        },
        (request) => acceptInvites.details(request.requester, link(request.params)),
      );
      app.post(
        form.path,
        {
          config: { public: true, ipRateLimit: { name: 'accept-invite', ...PUBLIC_ROUTE_IP_LIMIT } },
          schema: {
            operationId: `acceptInvite${form.suffix}`,
            tags: ['Invites'],
            summary: "Accept an invite: the requester's account must own the invited address; without credentials, a new account is made for it",
            params: form.params,
            security: [],
            response: { 204: NoContent, ...ERROR_RESPONSES, 429: ERROR_RESPONSES[403] },
          },
        },
        async (request, reply) => {
          await acceptInvites.accept(request.requester, request.ip, link(request.params));
          return reply.status(204).send(null);
        },
      );
    }
  };
}
