import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireRequester } from '../access/requester.js';
import { ERROR_RESPONSES, NoContent } from '../platform/http/schemas.js';
import type { MemberTeamService } from './member-teams.service.js';
import { MemberTeamBody, MemberTeamParams, MemberTeamSchema } from './member-teams.schemas.js';
import { TeamSchema } from './teams.schemas.js';
import { BODY_LIMITS } from '../platform/http/body-limits.js';

const PATH = '/api/0/organizations/:organization_id_or_slug/members/:member_id/teams/:team_id_or_slug/';

export function memberTeamRoutes(memberTeams: MemberTeamService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      PATH,
      {
        schema: {
          operationId: 'getOrganizationMemberTeam',
          tags: ['Teams'],
          summary: "A member's membership of a team",
          params: MemberTeamParams,
          response: { 200: MemberTeamSchema, ...ERROR_RESPONSES },
        },
      },
      (request) => {
        const { organization_id_or_slug: org, member_id: member, team_id_or_slug: team } = request.params;
        return memberTeams.get(requireRequester(request), org, member, team);
      },
    );

    app.post(
      PATH,
      {
        schema: {
          operationId: 'addOrganizationMemberTeam',
          tags: ['Teams'],
          summary: 'Add a member to a team (201), request access for it (202), or nothing: already on it (204)',
          params: MemberTeamParams,
          response: { 201: TeamSchema, 202: NoContent, 204: NoContent, ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        const { organization_id_or_slug: org, member_id: member, team_id_or_slug: team } = request.params;
        const result = await memberTeams.add(requireRequester(request), org, member, team);
        if (result.status === 201) return reply.status(201).send(result.team);
        // 202 and 204 carry no body, as in Sentry.
        return reply.status(result.status).send(undefined as never);
      },
    );

    app.put(
      PATH,
      {
        bodyLimit: BODY_LIMITS.small,
        schema: {
          operationId: 'updateOrganizationMemberTeam',
          tags: ['Teams'],
          summary: "Change a member's team role",
          params: MemberTeamParams,
          body: MemberTeamBody,
          response: { 200: MemberTeamSchema, ...ERROR_RESPONSES },
        },
      },
      (request) => {
        const { organization_id_or_slug: org, member_id: member, team_id_or_slug: team } = request.params;
        return memberTeams.changeRole(requireRequester(request), org, member, team, request.body);
      },
    );

    app.delete(
      PATH,
      {
        schema: {
          operationId: 'deleteOrganizationMemberTeam',
          tags: ['Teams'],
          summary: 'Remove a member from a team',
          params: MemberTeamParams,
          response: { 200: TeamSchema, ...ERROR_RESPONSES },
        },
      },
      (request) => {
        const { organization_id_or_slug: org, member_id: member, team_id_or_slug: team } = request.params;
        return memberTeams.remove(requireRequester(request), org, member, team);
      },
    );
  };
}
