import type { AuthProvider, OrgDetails } from '../../../types';

export type Protocol = 'oidc' | 'saml2';

/** Roster's side of the connection: what the identity provider's administrator enters for it. */
export type ServiceProvider = AuthProvider['service_provider'];

/**
 * The values before a provider exists, so the administrator can register Roster at the identity
 * provider first (that is where the client id and secret come from). The same rule as the server's
 * `src/sso/sso-urls.ts`, on the same base: `links.regionUrl` is Roster's public URL
 * (ROSTER_PUBLIC_URL), which the browser's own address need not be behind a proxy. Once a provider
 * exists, the API's `service_provider` is shown instead; the console's browser test checks the two agree.
 */
export function expectedServiceProvider(org: Pick<OrgDetails, 'slug' | 'links'>, protocol: Protocol): ServiceProvider {
  const base = org.links.regionUrl.replace(/\/+$/, '');
  if (protocol === 'oidc') return { redirect_uri: `${base}/auth/sso/` };
  const metadata = `${base}/saml/metadata/${org.slug}/`;
  return { acs_url: `${base}/saml/acs/${org.slug}/`, entity_id: metadata, metadata_url: metadata };
}
