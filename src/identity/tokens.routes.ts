import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireRequester } from '../access/requester.js';
import { ERROR_RESPONSES, NoContent } from '../platform/http/schemas.js';
import type { TokenService } from './tokens.service.js';
import { ApiTokenSchema, CreateApiTokenBody, DeleteApiTokenBody, NewApiTokenSchema } from './tokens.schemas.js';
import { BODY_LIMITS } from '../platform/http/body-limits.js';

/** The requester's API tokens (`/api/0/api-tokens/`). */
export function tokenRoutes(tokens: TokenService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/0/api-tokens/',
      {
        config: { sessionOnly: true },
        schema: {
          operationId: 'listApiTokens',
          tags: ['API tokens'],
          summary: "The requester's API tokens",
          response: { 200: Type.Array(ApiTokenSchema), ...ERROR_RESPONSES },
        },
      },
      (request) => tokens.list(requireRequester(request)),
    );

    app.post(
      '/api/0/api-tokens/',
      {
        config: { sessionOnly: true },
        bodyLimit: BODY_LIMITS.small,
        schema: {
          operationId: 'createApiToken',
          tags: ['API tokens'],
          summary: 'Create an API token for the requester; the token is in this response only',
          body: CreateApiTokenBody,
          response: { 201: NewApiTokenSchema, ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => reply.status(201).send(await tokens.issue(requireRequester(request), request.body)),
    );

    app.delete(
      '/api/0/api-tokens/',
      {
        config: { sessionOnly: true },
        bodyLimit: BODY_LIMITS.small,
        schema: {
          operationId: 'deleteApiToken',
          tags: ['API tokens'],
          summary: "Delete one of the requester's API tokens",
          body: DeleteApiTokenBody,
          response: { 204: NoContent, ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        await tokens.revoke(requireRequester(request), String(request.body.tokenId));
        return reply.status(204).send(null);
      },
    );
  };
}
