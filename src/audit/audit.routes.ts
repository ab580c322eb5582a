import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireRequester } from '../access/requester.js';
import type { Config } from '../config.js';
import { linkHeader, parsePageRequest } from '../platform/http/pagination.js';
import { ERROR_RESPONSES, OrgIdOrSlug } from '../platform/http/schemas.js';
import type { AuditService } from './audit.service.js';
import { AuditLogQuery, AuditLogSchema } from './audit.schemas.js';

export function auditRoutes(audit: AuditService, config: Pick<Config, 'publicUrl'>): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/0/organizations/:organization_id_or_slug/audit-logs/',
      {
        schema: {
          operationId: 'listAuditLogEntries',
          tags: ['Organizations'],
          summary: "An organization's audit log, newest first, cursor-paginated (Link header)",
          params: Type.Object({ organization_id_or_slug: OrgIdOrSlug }),
          querystring: AuditLogQuery,
          response: { 200: AuditLogSchema, ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        const { event, actor, ...paging } = request.query;
        const result = await audit.list(requireRequester(request), request.params.organization_id_or_slug, { event, actor }, parsePageRequest(paging));
        return reply.header('link', linkHeader(config.publicUrl, request.url, result.page)).send(result.body);
      },
    );
  };
}
