import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireRequester } from '../access/requester.js';
import { ERROR_RESPONSES, ErrorBody, NoContent } from '../platform/http/schemas.js';
import type { MemberEditService } from './member-edit.service.js';
import { MemberParams, MemberWithRolesSchema, UpdateMemberBody } from './members.schemas.js';
import { BODY_LIMITS } from '../platform/http/body-limits.js';

const MEMBER_PATH = '/api/0/organizations/:organization_id_or_slug/members/:member_id/';

export function memberEditRoutes(edits: MemberEditService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.put(
      MEMBER_PATH,
      {
        bodyLimit: BODY_LIMITS.teamList,
        schema: {
          operationId: 'updateOrganizationMember',
          tags: ['Members'],
          summary: "Update a member's org role and teams, or resend its invite (`reinvite`)",
          params: MemberParams,
          body: UpdateMemberBody,
          response: {
            200: MemberWithRolesSchema,
            ...ERROR_RESPONSES,
            403: Type.Unknown({ description: 'Sentry\'s {"detail": "…"}, or {"role": "…"} for a role the requester may not assign' }),
            429: ErrorBody,
          },
        },
        // No body is an empty edit, as DRF reads it ({}).
        preValidation: async (request) => {
          request.body ??= {};
        },
      },
      (request) => {
        // The body schema uses JSON-schema keywords the type provider cannot infer from; it is this type.
        const body = request.body as UpdateMemberBody;
        return edits.update(requireRequester(request), request.params.organization_id_or_slug, request.params.member_id, body);
      },
    );

    app.delete(
      MEMBER_PATH,
      {
        schema: {
          operationId: 'deleteOrganizationMember',
          tags: ['Members'],
          summary: 'Remove a member, leave (`me`), or withdraw an invite',
          params: MemberParams,
          response: { 204: NoContent, ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        await edits.remove(requireRequester(request), request.params.organization_id_or_slug, request.params.member_id);
        return reply.status(204).send(null);
      },
    );
  };
}
