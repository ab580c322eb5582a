import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireRequester } from '../access/requester.js';
import { ERROR_RESPONSES, NoContent } from '../platform/http/schemas.js';
import type { AuthenticatorService } from './authenticators.service.js';
import type { UserService } from './users.service.js';
import { SelfUserSchema } from './users.presenter.js';
import { BODY_LIMITS } from '../platform/http/body-limits.js';

const TotpEnrolment = Type.Object({ secret: Type.String(), qrcodeUri: Type.String() });

const ConfirmTotpBody = Type.Object({
  secret: Type.String({ minLength: 16, maxLength: 128 }),
  otp: Type.String({ minLength: 1, maxLength: 16 }),
});

/** The requester's own account: `/users/me/` and its TOTP authenticator. */
export function userRoutes(users: UserService, authenticators: AuthenticatorService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/0/users/me/',
      {
        schema: {
          operationId: 'getCurrentUser',
          tags: ['Users'],
          summary: "The requester's own account",
          response: { 200: SelfUserSchema, ...ERROR_RESPONSES },
        },
      },
      (request) => users.me(requireRequester(request)),
    );

    app.get(
      '/api/0/users/me/authenticators/totp/enroll/',
      {
        config: { sessionOnly: true },
        schema: {
          operationId: 'startTotpEnrolment',
          tags: ['Users'],
          summary: 'Start enrolling a TOTP authenticator: a new secret and its otpauth:// URI',
          response: { 200: TotpEnrolment, ...ERROR_RESPONSES },
        },
      },
      (request) => authenticators.enrollTotp(requireRequester(request)),
    );

    app.post(
      '/api/0/users/me/authenticators/totp/enroll/',
      {
        config: { sessionOnly: true },
        bodyLimit: BODY_LIMITS.auth,
        schema: {
          operationId: 'confirmTotpEnrolment',
          tags: ['Users'],
          summary: 'Confirm the TOTP enrolment with a code from the app',
          body: ConfirmTotpBody,
          response: { 204: NoContent, ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        await authenticators.confirmTotp(requireRequester(request), request.body);
        return reply.status(204).send(null);
      },
    );

    app.delete(
      '/api/0/users/me/authenticators/:authenticator_id/',
      {
        config: { sessionOnly: true },
        schema: {
          operationId: 'deleteAuthenticator',
          tags: ['Users'],
          summary: "Remove one of the requester's authenticators",
          params: Type.Object({ authenticator_id: Type.String({ pattern: '^[0-9]{1,18}$' }) }),
          response: { 204: NoContent, ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        await authenticators.remove(requireRequester(request), request.params.authenticator_id);
        return reply.status(204).send(null);
      },
    );
  };
}
