import { AUTH_PROVIDER_SCOPES } from '../../src/sso/auth-provider.service.js';
import { testCertificate } from '../helpers/saml-certificates.js';
import { orgGate, orgSlugOf, ORG_TARGETS, type Cell, type EndpointSpec } from './cells.js';

/**
 * The SSO provider routes (issue 15): org:write (or org:admin) after the organization gate. Cells of
 * the routes that need a provider give the home organization one first (SAML, no secret; Require SSO
 * off, so no later gate can turn on it); these entries come last in the matrix, so a provider left by
 * a refused cell meets no other route's cells.
 */

const PATH = '/api/0/organizations/{organization_id_or_slug}/auth-provider/';
const org = (cell: Cell) => ({ organization_id_or_slug: orgSlugOf(cell) });

let certificate: Promise<string> | undefined;
/** A SAML configuration in the explicit form, with a certificate made once per run. */
async function samlConfig() {
  certificate ??= testCertificate('matrix IdP').then((pair) => pair.certificate);
  return { idp_entity_id: 'https://idp.example/matrix', idp_sso_url: 'https://idp.example/matrix/sso', idp_x509cert: await certificate };
}

/** Gives the home organization a SAML provider (Require SSO off), with SCIM on when `scim`. */
export async function giveHomeAProvider(cell: Cell, { scim = false } = {}): Promise<void> {
  await cell.world.h.database.db
    .insertInto('auth_providers')
    .values({ organization_id: cell.world.home.id, provider: 'saml2', allow_unlinked: true, config: JSON.stringify(await samlConfig()), scim_enabled: scim })
    .onConflict((oc) => (scim ? oc.column('organization_id').doUpdateSet({ scim_enabled: true }) : oc.column('organization_id').doNothing()))
    .execute();
}

/** A route that acts on the provider: the gate, then `success` in the home organization (which has one), 404 in the other. */
function withProvider(method: EndpointSpec['method'], path: string, success: number, body?: unknown, { scim = false } = {}): EndpointSpec {
  return {
    method,
    path,
    needed: AUTH_PROVIDER_SCOPES,
    targets: ORG_TARGETS,
    foreignOrgPath: true,
    async build(cell) {
      await giveHomeAProvider(cell, { scim });
      return { params: org(cell), ...(body === undefined ? {} : { body }) };
    },
    expect: (cell) => orgGate(cell, AUTH_PROVIDER_SCOPES, cell.target === 'foreign') ?? (cell.target === 'foreign' ? 404 : success),
  };
}

export const SSO_ENDPOINTS: EndpointSpec[] = [
  {
    // Before any provider is given: the home organization has none.
    method: 'POST',
    path: PATH,
    needed: AUTH_PROVIDER_SCOPES,
    targets: ORG_TARGETS,
    foreignOrgPath: true,
    build: async (cell) => ({ params: org(cell), body: { provider: 'saml2', config: await samlConfig() } }),
    expect: (cell) => orgGate(cell, AUTH_PROVIDER_SCOPES, cell.target === 'foreign') ?? 201,
  },
  withProvider('GET', PATH, 200),
  withProvider('PUT', PATH, 200, { require_link: false }),
  withProvider('POST', `${PATH}send-reminders/`, 204),
  withProvider('POST', `${PATH}rotate-scim-token/`, 200, undefined, { scim: true }),
  withProvider('DELETE', PATH, 204),
];
