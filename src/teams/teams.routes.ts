import { linkHeader, parsePageRequest } from '../platform/http/pagination.js';
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from '@sinclair/typebox';
import type { Config } from '../config.js';
import { requireRequester } from '../access/requester.js';
import { ERROR_RESPONSES, NoContent } from '../platform/http/schemas.js';
import { OrgParams } from '../members/members.schemas.js';
import type { TeamService } from './teams.service.js';
import {
  CreateTeamBody,
  ListTeamMembersQuery,
  ListTeamsQuery,
  TeamDetailsQuery,
  TeamDetailsSchema,
  TeamMemberSchema,
  TeamParams,
  TeamSchema,
  UpdateTeamBody,
} from './teams.schemas.js';
import { BODY_LIMITS } from '../platform/http/body-limits.js';

const TEAM_RESPONSES = { ...ERROR_RESPONSES, 409: Type.Unknown({ description: 'A team with this slug already exists.' }) };

export function teamRoutes(teams: TeamService, config: Pick<Config, 'publicUrl'>): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/0/organizations/:organization_id_or_slug/teams/',
      {
        schema: {
          operationId: 'listOrganizationTeams',
          tags: ['Teams'],
          summary: "List an organization's active teams (`?team=` ids or `myteams`, `?query=`, cursor pagination)",
          params: OrgParams,
          querystring: ListTeamsQuery,
          response: { 200: Type.Array(TeamSchema), ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        const { team, query, cursor, per_page } = request.query;
        const result = await teams.list(
          requireRequester(request),
          request.params.organization_id_or_slug,
          { team, query },
          parsePageRequest({ cursor, per_page }, { order: 'asc' }),
        );
        return reply.header('link', linkHeader(config.publicUrl, request.url, result.page)).send(result.body);
      },
    );

    app.post(
      '/api/0/organizations/:organization_id_or_slug/teams/',
      {
        bodyLimit: BODY_LIMITS.small,
        schema: {
          operationId: 'createOrganizationTeam',
          tags: ['Teams'],
          summary: 'Create a team; the creator joins it',
          params: OrgParams,
          body: CreateTeamBody,
          response: { 201: TeamSchema, ...TEAM_RESPONSES },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await teams.create(requireRequester(request), request.params.organization_id_or_slug, request.body as Static<typeof CreateTeamBody>)),
    );

    app.get(
      '/api/0/organizations/:organization_id_or_slug/user-teams/',
      {
        schema: {
          operationId: 'listOrganizationUserTeams',
          tags: ['Teams'],
          summary: "The requester's teams in the organization",
          params: OrgParams,
          response: { 200: Type.Array(TeamSchema), ...ERROR_RESPONSES },
        },
      },
      (request) => teams.userTeams(requireRequester(request), request.params.organization_id_or_slug),
    );

    app.get(
      '/api/0/teams/:organization_id_or_slug/:team_id_or_slug/',
      {
        schema: {
          operationId: 'getTeam',
          tags: ['Teams'],
          summary: 'Retrieve a team (with its organization unless `collapse=organization`)',
          params: TeamParams,
          querystring: TeamDetailsQuery,
          response: { 200: TeamDetailsSchema, ...ERROR_RESPONSES },
        },
      },
      (request) =>
        teams.get(requireRequester(request), request.params.organization_id_or_slug, request.params.team_id_or_slug, request.query.collapse),
    );

    app.put(
      '/api/0/teams/:organization_id_or_slug/:team_id_or_slug/',
      {
        bodyLimit: BODY_LIMITS.small,
        schema: {
          operationId: 'updateTeam',
          tags: ['Teams'],
          summary: "Change a team's name or slug",
          params: TeamParams,
          body: UpdateTeamBody,
          response: { 200: TeamSchema, ...ERROR_RESPONSES },
        },
      },
      (request) =>
        teams.update(requireRequester(request), request.params.organization_id_or_slug, request.params.team_id_or_slug, request.body),
    );

    app.delete(
      '/api/0/teams/:organization_id_or_slug/:team_id_or_slug/',
      {
        schema: {
          operationId: 'deleteTeam',
          tags: ['Teams'],
          summary: 'Schedule a team for deletion (it disappears at once; its slug is free again)',
          params: TeamParams,
          response: { 204: NoContent, ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        await teams.remove(requireRequester(request), request.params.organization_id_or_slug, request.params.team_id_or_slug);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/0/teams/:organization_id_or_slug/:team_id_or_slug/members/',
      {
        schema: {
          operationId: 'listTeamMembers',
          tags: ['Teams'],
          summary: "List a team's members with their team roles (cursor pagination)",
          params: TeamParams,
          querystring: ListTeamMembersQuery,
          response: { 200: Type.Array(TeamMemberSchema), ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        const result = await teams.members(
          requireRequester(request),
          request.params.organization_id_or_slug,
          request.params.team_id_or_slug,
          parsePageRequest(request.query, { order: 'asc' }),
        );
        return reply.header('link', linkHeader(config.publicUrl, request.url, result.page)).send(result.body);
      },
    );
  };
}
