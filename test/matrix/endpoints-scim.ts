import { SCIM_SCOPES } from '../../src/scim/scim-context.js';
import { freshEmail, orgGate, orgSlugOf, ORG_TARGETS, type Cell, type EndpointSpec } from './cells.js';
import { giveHomeAProvider } from './endpoints-sso.js';

/**
 * The SCIM routes (issue 16): the organization gate and the route's scopes, as on every route, then
 * SCIM must be on for the organization's provider: the home organization gets one with SCIM on; the
 * other organization has none, so even a superuser is refused there (403).
 */

const BASE = '/api/0/organizations/{organization_id_or_slug}/scim/v2';
const org = (cell: Cell) => ({ organization_id_or_slug: orgSlugOf(cell) });

type ScimScope = (typeof SCIM_SCOPES)[keyof typeof SCIM_SCOPES][number];

function scimRoute(
  method: EndpointSpec['method'],
  path: string,
  needed: readonly ScimScope[],
  success: number,
  request: (cell: Cell) => Promise<{ params?: Record<string, string>; body?: unknown }> | { params?: Record<string, string>; body?: unknown } = () => ({}),
): EndpointSpec {
  return {
    method,
    path: `${BASE}${path}`,
    needed,
    targets: ORG_TARGETS,
    foreignOrgPath: true,
    // Writes act on a member made for the cell (or a new address): a success leaves the rest as it was.
    keepsWorld: method !== 'GET' && path.startsWith('/Users'),
    async build(cell) {
      await giveHomeAProvider(cell, { scim: true });
      const { params, body } = await request(cell);
      return { params: { ...org(cell), ...params }, ...(body === undefined ? {} : { body }) };
    },
    expect: (cell) => orgGate(cell, needed, cell.target === 'foreign') ?? (cell.target === 'foreign' ? 403 : success),
  };
}

/** A pending member of the home organization made for one cell, so that a write on it changes nothing else. */
async function freshUser(cell: Cell): Promise<{ params: Record<string, string> }> {
  const row = await cell.world.h.database.db
    .insertInto('members')
    .values({ organization_id: cell.world.home.id, email: freshEmail(), role: 'member', idp_provisioned: true })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { params: { id: row.id } };
}

/** A Groups/{id} route acts on the home organization's team gamma (nobody is on it). */
const gamma = (cell: Cell) => ({ params: { id: cell.world.home.teams.gamma } });
const PATCH_BODY = { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'displayName', value: 'gamma' }] };

export const SCIM_ENDPOINTS: EndpointSpec[] = [
  scimRoute('GET', '/ServiceProviderConfig', SCIM_SCOPES.discovery, 200),
  scimRoute('GET', '/Users', SCIM_SCOPES.readUsers, 200),
  scimRoute('POST', '/Users', SCIM_SCOPES.writeUsers, 201, () => ({ body: { userName: freshEmail() } })),
  scimRoute('GET', '/Users/{id}', SCIM_SCOPES.readUsers, 200, freshUser),
  scimRoute('PUT', '/Users/{id}', SCIM_SCOPES.writeUsers, 200, async (cell) => ({ ...(await freshUser(cell)), body: { userName: freshEmail(), sentryOrgRole: 'member' } })),
  scimRoute('PATCH', '/Users/{id}', SCIM_SCOPES.writeUsers, 200, async (cell) => ({
    ...(await freshUser(cell)),
    body: { Operations: [{ op: 'replace', path: 'displayName', value: 'Made by the matrix' }] },
  })),
  scimRoute('DELETE', '/Users/{id}', SCIM_SCOPES.deleteUsers, 204, freshUser),
  scimRoute('GET', '/ResourceTypes', SCIM_SCOPES.discovery, 200),
  scimRoute('GET', '/ResourceTypes/{name}', SCIM_SCOPES.discovery, 200, () => ({ params: { name: 'Group' } })),
  scimRoute('GET', '/Schemas', SCIM_SCOPES.discovery, 200),
  scimRoute('GET', '/Schemas/{name}', SCIM_SCOPES.discovery, 200, () => ({ params: { name: 'urn:ietf:params:scim:schemas:core:2.0:Group' } })),
  scimRoute('GET', '/Groups', SCIM_SCOPES.readGroups, 200),
  scimRoute('POST', '/Groups', SCIM_SCOPES.writeGroups, 201, () => ({ body: { displayName: 'Matrix Group' } })),
  scimRoute('GET', '/Groups/{id}', SCIM_SCOPES.readGroups, 200, gamma),
  scimRoute('PATCH', '/Groups/{id}', SCIM_SCOPES.writeGroups, 204, (cell) => ({ ...gamma(cell), body: PATCH_BODY })),
  scimRoute('DELETE', '/Groups/{id}', SCIM_SCOPES.deleteGroups, 204, gamma),
];
