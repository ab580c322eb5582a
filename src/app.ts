import crypto from 'node:crypto';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import cookie from '@fastify/cookie';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Database } from './platform/db/database.js';
import type { Services } from './services.js';
import { frameworkErrorHandler, registerErrorHandler } from './platform/http/error-handler.js';
import { validatorCompiler } from './platform/http/validator.js';
import { DEFAULT_BODY_LIMIT, registerBodyLimits } from './platform/http/body-limits.js';
import { registerIpRateLimits } from './platform/http/ip-rate-limit.js';
import { memberEditRoutes } from './members/member-edit.routes.js';
import { memberRoutes } from './members/members.routes.js';
import { inviteRoutes } from './invites/invites.routes.js';
import { acceptInviteRoutes } from './invites/accept.routes.js';
import { organizationRoutes } from './organizations/organizations.routes.js';
import { userRoutes } from './identity/users.routes.js';
import { tokenRoutes } from './identity/tokens.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { orgSettingsRoutes } from './organizations/org-settings.routes.js';
import { emailVerificationRoutes } from './identity/email-verification.routes.js';
import { teamRoutes } from './teams/teams.routes.js';
import { memberTeamRoutes } from './teams/member-teams.routes.js';
import { accessRequestRoutes } from './teams/access-requests.routes.js';
import { authRoutes } from './identity/auth.routes.js';
import { authProviderRoutes } from './sso/auth-provider.routes.js';
import { ssoSigninRoutes } from './sso/sso-signin.routes.js';
import { registerAuthentication } from './identity/authenticate.js';
import { scimRoutes } from './scim/scim.routes.js';
import { consoleRoutes, registerConsoleHeaders } from './console/console.routes.js';
import { registerSecurityHeaders } from './platform/http/security-headers.js';

export interface AppDeps {
  database: Database;
  config: Config;
  services: Services;
  logger: Logger | false;
  /** Where the built console is (web/dist by default). */
  consoleDir?: string;
}

/**
 * request.ip (rate limits, the audit log) is the client's address only behind the proxies
 * ROSTER_TRUST_PROXY names. Fastify 5.12 no longer takes a hop count (it trusts nothing then, since a
 * count cannot tell a proxy from a client that reached Roster directly), so a count is given as the
 * equivalent function: the first `count` hops from Roster are proxies. The README says to use one only
 * when Roster is reachable through the proxies alone.
 */
function trustProxyOption(trust: Config['trustProxy']): false | string[] | ((address: string, hop: number) => boolean) {
  if (trust === false) return false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return [...trust];
}

/** The HTTP application: routes over the services, Sentry's error shapes, bearer-token and session authentication, the console. */
export async function buildApp({ database, config, services, logger, consoleDir }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    ...(logger ? { loggerInstance: logger as FastifyBaseLogger } : { logger: false }),
    bodyLimit: DEFAULT_BODY_LIMIT,
    trustProxy: trustProxyOption(config.trustProxy),
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    frameworkErrors: frameworkErrorHandler,
    // Per-request log lines cost more than they tell here; errors are logged by the error handler.
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<TypeBoxTypeProvider>();

  registerBodyLimits(app);
  app.setValidatorCompiler(validatorCompiler);
  registerErrorHandler(app);
  app.decorateRequest('requester', null);
  app.decorateRequest('scimCaller', null);
  app.decorateRequest('browserSession', null);
  await app.register(cookie);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerSecurityHeaders(app, config);
  registerConsoleHeaders(app);
  registerIpRateLimits(app, services.rateLimits.hit);
  registerAuthentication(app, services, config);

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

  app.get('/api/0/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());

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
  await app.register(authRoutes(services.sessions, config));
  await app.register(authProviderRoutes(services.authProviders));
  await app.register(ssoSigninRoutes(services.ssoSignins, services.sessions, config));
  await app.register(scimRoutes(services.scim));
  await app.register(consoleRoutes, consoleDir ? { dir: consoleDir } : {});

  return app as unknown as FastifyInstance;
}
