import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireRequester } from '../access/requester.js';
import { ERROR_RESPONSES, ErrorBody, NoContent, OrgIdOrSlug } from '../platform/http/schemas.js';
import { BODY_LIMITS } from '../platform/http/body-limits.js';
import type { AuthProviderService } from './auth-provider.service.js';
import { AUTH_PROVIDER_BODY_LIMIT, AuthProviderSchema, CreateAuthProviderBody, ScimTokenSchema, UpdateAuthProviderBody } from './auth-provider.schemas.js';

const OrgParams = Type.Object({ organization_id_or_slug: OrgIdOrSlug });
const PATH = '/api/0/organizations/:organization_id_or_slug/auth-provider/';
const TAGS = ['SSO'];

export function authProviderRoutes(providers: AuthProviderService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      PATH,
      {
        schema: {
          operationId: 'getAuthProvider',
          tags: TAGS,
          summary: "The organization's SSO provider",
          params: OrgParams,
          response: { 200: AuthProviderSchema, ...ERROR_RESPONSES },
        },
      },
      (request) => providers.get(requireRequester(request), request.params.organization_id_or_slug),
    );

    app.post(
      PATH,
      {
        bodyLimit: AUTH_PROVIDER_BODY_LIMIT,
        schema: {
          operationId: 'createAuthProvider',
          tags: TAGS,
          summary: 'Enable SSO through an OpenID Connect or SAML 2.0 identity provider',
          params: OrgParams,
          body: CreateAuthProviderBody,
          response: { 201: AuthProviderSchema, ...ERROR_RESPONSES, 409: ErrorBody },
        },
      },
      async (request, reply) => reply.status(201).send(await providers.create(requireRequester(request), request.params.organization_id_or_slug, request.body)),
    );

    app.put(
      PATH,
      {
        bodyLimit: AUTH_PROVIDER_BODY_LIMIT,
        schema: {
          operationId: 'updateAuthProvider',
          tags: TAGS,
          summary: 'Change Require SSO, the default role, the provider configuration, or turn SCIM on or off',
          params: OrgParams,
          body: UpdateAuthProviderBody,
          response: { 200: AuthProviderSchema, ...ERROR_RESPONSES, 409: ErrorBody },
        },
      },
      (request) => providers.update(requireRequester(request), request.params.organization_id_or_slug, request.body),
    );

    app.delete(
      PATH,
      {
        schema: {
          operationId: 'deleteAuthProvider',
          tags: TAGS,
          summary: 'Disable SSO: members are emailed, identities deleted',
          params: OrgParams,
          response: { 204: NoContent, ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        await providers.remove(requireRequester(request), request.params.organization_id_or_slug);
        return reply.status(204).send(null);
      },
    );

    app.post(
      `${PATH}send-reminders/`,
      {
        bodyLimit: BODY_LIMITS.small,
        schema: {
          operationId: 'sendAuthProviderReminders',
          tags: TAGS,
          summary: 'Email the SSO-link request again to every member without a linked identity',
          params: OrgParams,
          response: { 204: NoContent, ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        await providers.sendReminders(requireRequester(request), request.params.organization_id_or_slug);
        return reply.status(204).send(null);
      },
    );

    app.post(
      `${PATH}rotate-scim-token/`,
      {
        bodyLimit: BODY_LIMITS.small,
        schema: {
          operationId: 'rotateScimToken',
          tags: TAGS,
          summary: 'Issue a new SCIM token (shown once); the previous one keeps working for 24 hours',
          params: OrgParams,
          response: { 200: ScimTokenSchema, ...ERROR_RESPONSES },
        },
      },
      (request) => providers.rotateScimToken(requireRequester(request), request.params.organization_id_or_slug),
    );
  };
}
