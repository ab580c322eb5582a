import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireRequester } from '../access/requester.js';
import { ERROR_RESPONSES, ErrorBody, NoContent } from '../platform/http/schemas.js';
import type { EmailVerificationService } from './email-verification.service.js';
import { BODY_LIMITS } from '../platform/http/body-limits.js';
import { PUBLIC_ROUTE_IP_LIMIT } from '../platform/http/ip-rate-limit.js';

export function emailVerificationRoutes(verification: EmailVerificationService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/0/users/me/emails/confirm/',
      {
        config: { sessionOnly: true },
        bodyLimit: BODY_LIMITS.auth,
        schema: {
          operationId: 'requestEmailConfirmation',
          tags: ['Users'],
          summary: 'Email the requester a link that verifies its address',
          body: Type.Object({ email: Type.Optional(Type.String({ maxLength: 254 })) }),
          response: { 204: NoContent, ...ERROR_RESPONSES },
        },
        // The body is optional: without one, the requester means its own address.
        preValidation: async (request) => {
          request.body ??= {};
        },
      },
      async (request, reply) => {
        await verification.requestConfirmation(requireRequester(request), request.body.email);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/0/account/confirm-email/:user_id/:token/',
      {
        config: { public: true, ipRateLimit: { name: 'confirm-email', ...PUBLIC_ROUTE_IP_LIMIT } },
        schema: {
          operationId: 'confirmEmail',
          tags: ['Users'],
          summary: 'Mark an address verified with the link sent by email (no authentication)',
          security: [],
          params: Type.Object({ user_id: Type.String({ maxLength: 32 }), token: Type.String({ maxLength: 128 }) }),
          response: { 204: NoContent, 400: ErrorBody, 429: ErrorBody },
        },
      },
      async (request, reply) => {
        await verification.confirm(request.params.user_id, request.params.token);
        return reply.status(204).send(null);
      },
    );
  };
}
