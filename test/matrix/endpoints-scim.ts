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

function scimRoute(
  method: EndpointSpec['method'],
  path: string,
  needed: readonly (typeof SCIM_SCOPES)[keyof typeof SCIM_SCOPES][number][],
  success: number,
  { body, params }: { body?: unknown; params?: (cell: Cell) => Record<string, string> } = {},
): EndpointSpec {
  return {
    method,
    path: `${BASE}${path}`,
    needed,
    targets: ORG_TARGETS,
    foreignOrgPath: true,
    async build(cell) {
      await giveHomeAProvider(cell, { scim: true });
      return { params: { ...org(cell), ...params?.(cell) }, ...(body === undefined ? {} : { body }) };
    },
    expect: (cell) => orgGate(cell, needed, cell.target === 'foreign') ?? (cell.target === 'foreign' ? 403 : success),
  };
}

/** A Groups/{id} route acts on the home organization's team gamma (nobody is on it). */
const gamma = (cell: Cell) => ({ id: cell.world.home.teams.gamma });
const PATCH_BODY = { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'displayName', value: 'gamma' }] };

export const SCIM_ENDPOINTS: EndpointSpec[] = [
  scimRoute('GET', '/ServiceProviderConfig', SCIM_SCOPES.discovery, 200),
  scimRoute('GET', '/ResourceTypes', SCIM_SCOPES.discovery, 200),
  scimRoute('GET', '/ResourceTypes/{name}', SCIM_SCOPES.discovery, 200, { params: () => ({ name: 'Group' }) }),
  scimRoute('GET', '/Schemas', SCIM_SCOPES.discovery, 200),
  scimRoute('GET', '/Schemas/{name}', SCIM_SCOPES.discovery, 200, { params: () => ({ name: 'urn:ietf:params:scim:schemas:core:2.0:Group' }) }),
  scimRoute('GET', '/Groups', SCIM_SCOPES.readGroups, 200),
  scimRoute('POST', '/Groups', SCIM_SCOPES.writeGroups, 201, { body: { displayName: 'Matrix Group' } }),
  scimRoute('GET', '/Groups/{id}', SCIM_SCOPES.readGroups, 200, { params: gamma }),
  scimRoute('PATCH', '/Groups/{id}', SCIM_SCOPES.writeGroups, 204, { params: gamma, body: PATCH_BODY }),
  scimRoute('DELETE', '/Groups/{id}', SCIM_SCOPES.deleteGroups, 204, { params: gamma }),
];
