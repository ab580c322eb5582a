import { SCIM_SCOPES } from '../../src/scim/scim-context.js';
import { orgGate, orgSlugOf, ORG_TARGETS, type Cell, type EndpointSpec } from './cells.js';
import { giveHomeAProvider } from './endpoints-sso.js';

/**
 * The SCIM routes (issue 16): the organization gate and the route's scopes, as on every route, then
 * SCIM must be on for the organization's provider: the home organization gets one with SCIM on; the
 * other organization has none, so even a superuser is refused there (403).
 */

const BASE = '/api/0/organizations/{organization_id_or_slug}/scim/v2';
const org = (cell: Cell) => ({ organization_id_or_slug: orgSlugOf(cell) });

function scimRoute(method: EndpointSpec['method'], path: string, needed: readonly (typeof SCIM_SCOPES)[keyof typeof SCIM_SCOPES][number][], success: number): EndpointSpec {
  return {
    method,
    path: `${BASE}${path}`,
    needed,
    targets: ORG_TARGETS,
    foreignOrgPath: true,
    async build(cell) {
      await giveHomeAProvider(cell, { scim: true });
      return { params: org(cell) };
    },
    expect: (cell) => orgGate(cell, needed, cell.target === 'foreign') ?? (cell.target === 'foreign' ? 403 : success),
  };
}

export const SCIM_ENDPOINTS: EndpointSpec[] = [scimRoute('GET', '/ServiceProviderConfig', SCIM_SCOPES.discovery, 200)];
