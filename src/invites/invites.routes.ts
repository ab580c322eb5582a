import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireRequester } from '../access/requester.js';
import { ERROR_RESPONSES, ErrorBody } from '../platform/http/schemas.js';
import { MemberSchema, OrgParams } from '../members/members.schemas.js';
import type { InviteService } from './invites.service.js';
import { InviteBody, InviteQuery } from './invites.schemas.js';
import { BODY_LIMITS } from '../platform/http/body-limits.js';

export function inviteRoutes(invites: InviteService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/0/organizations/:organization_id_or_slug/members/',
      {
        bodyLimit: BODY_LIMITS.teamList,
        schema: {
          operationId: 'addOrganizationMember',
          tags: ['Members'],
          summary: 'Invite a member to an organization (`?referrer=` goes into the invite link)',
          params: OrgParams,
          querystring: InviteQuery,
          body: InviteBody,
          response: {
            201: MemberSchema,
            ...ERROR_RESPONSES,
            403: Type.Unknown({ description: '{"detail": "…"}, or {"organization": "…"} when the organization may not invite' }),
            429: ErrorBody,
          },
        },
        // Sentry authenticates before it reads the body: without credentials the answer is a 401, not a 400.
        preValidation: async (request) => void requireRequester(request),
      },
      async (request, reply) => {
        const member = await invites.invite(requireRequester(request), request.params.organization_id_or_slug, request.body, request.query.referrer);
        return reply.status(201).send(member);
      },
    );
  };
}
