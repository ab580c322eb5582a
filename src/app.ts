import crypto from 'node:crypto';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { Services } from './services.js';
import { frameworkErrorHandler, registerErrorHandler } from './http/error-handler.js';
import { validatorCompiler } from './http/validator.js';
import { ApiError } from './http/errors.js';
import { memberEditRoutes } from './members/member-edit.routes.js';
import { memberRoutes } from './members/members.routes.js';
import { inviteRoutes } from './invites/invites.routes.js';
import { acceptInviteRoutes } from './invites/accept.routes.js';
import { organizationRoutes } from './organizations/organizations.routes.js';
import { userRoutes } from './accounts/users.routes.js';
import { tokenRoutes } from './accounts/tokens.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { orgSettingsRoutes } from './organizations/org-settings.routes.js';
import { emailVerificationRoutes } from './accounts/email-verification.routes.js';
import { teamRoutes } from './teams/teams.routes.js';
import { memberTeamRoutes } from './teams/member-teams.routes.js';
import { accessRequestRoutes } from './teams/access-requests.routes.js';

export interface AppDeps {
  database: Database;
  config: Config;
  services: Services;
  logger: Logger | false;
}

export const MAX_BODY_BYTES = 1024 * 1024;

/** The HTTP application: routes over the services, Sentry's error shapes, bearer-token authentication. */
export async function buildApp({ database, config, services, logger }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    ...(logger ? { loggerInstance: logger as FastifyBaseLogger } : { logger: false }),
    bodyLimit: MAX_BODY_BYTES,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    frameworkErrors: frameworkErrorHandler,
    // Per-request log lines cost more than they tell here; errors are logged by the error handler.
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  registerErrorHandler(app);
  app.decorateRequest('requester', null);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    const authorization = request.headers.authorization;
    if (!authorization || !request.url.startsWith('/api/0/')) return;
    const match = /^Bearer\s+([A-Za-z0-9_-]{1,256})\s*$/i.exec(authorization);
    const requester = match ? await services.tokens.authenticate(match[1]!, request.ip) : null;
    if (!requester) throw new ApiError(401, { detail: 'Invalid token' }, 'invalid_token');
    request.requester = requester;
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Roster',
        version: '0.1.0',
        description: "Organization membership, wire-compatible with Sentry's organization member API.",
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });

  app.get('/api/0/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/_health/', { schema: { hide: true } }, async (_request, reply) => {
    const up = await database.ping();
    return reply.status(up ? 200 : 503).send({ status: up ? 'ok' : 'unavailable', database: up ? 'up' : 'down', engine: database.engine });
  });

  await app.register(organizationRoutes(services.organizations));
  await app.register(memberRoutes(services.members, config));
  await app.register(userRoutes(services.users, services.authenticators));
  await app.register(tokenRoutes(services.tokens));
  await app.register(auditRoutes(services.audit, config));
  await app.register(inviteRoutes(services.invites));
  await app.register(acceptInviteRoutes(services.acceptInvites));
  await app.register(memberEditRoutes(services.memberEdits));
  await app.register(orgSettingsRoutes(services.orgSettings));
  await app.register(emailVerificationRoutes(services.emailVerification));
  await app.register(teamRoutes(services.teams, config));
  await app.register(memberTeamRoutes(services.memberTeams));
  await app.register(accessRequestRoutes(services.accessRequests));

  return app as unknown as FastifyInstance;
}
