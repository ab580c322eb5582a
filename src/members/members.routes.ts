import { Type, type FastifyPluginAsyncTypebox, type Static } from '@fastify/type-provider-typebox';
import type { Config } from '../config.js';
import { requireRequester } from '../access/requester.js';
import { ERROR_RESPONSES } from '../platform/http/schemas.js';
import { linkHeader, parsePageRequest } from '../platform/http/pagination.js';
import type { MemberService } from './members.service.js';
import { ListMembersQuery, MemberParams, MemberSchema, MemberWithRolesSchema, OrgParams } from './members.schemas.js';

export function memberRoutes(members: MemberService, config: Pick<Config, 'publicUrl'>): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/0/organizations/:organization_id_or_slug/members/',
      {
        schema: {
          operationId: 'listOrganizationMembers',
          tags: ['Members'],
          summary: "List an organization's members (Sentry's query language, cursor pagination)",
          params: OrgParams,
          querystring: ListMembersQuery,
          response: { 200: Type.Array(MemberSchema), ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        const { query, ...paging } = request.query;
        const result = await members.list(
          requireRequester(request),
          request.params.organization_id_or_slug,
          query,
          parsePageRequest(paging, { order: 'asc' }),
        );
        // Already JSON text (its shape is MemberSchema's, see member-list.queries.ts): sent as it is, not serialized again.
        return reply
          .header('link', linkHeader(config.publicUrl, request.url, result.page))
          .type('application/json; charset=utf-8')
          .send(result.json as unknown as Static<typeof MemberSchema>[]);
      },
    );

    app.get(
      '/api/0/organizations/:organization_id_or_slug/members/:member_id/',
      {
        schema: {
          operationId: 'getOrganizationMember',
          tags: ['Members'],
          summary: 'Retrieve a member (`me` for the requester)',
          params: MemberParams,
          response: { 200: MemberWithRolesSchema, ...ERROR_RESPONSES },
        },
      },
      (request) => members.get(requireRequester(request), request.params.organization_id_or_slug, request.params.member_id),
    );
  };
}
