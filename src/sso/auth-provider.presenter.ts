import type { Config } from '../config.js';
import type { Static } from '@sinclair/typebox';
import type { AuthProviderSchema } from './auth-provider.schemas.js';
import type { AuthProviderRow } from './auth-provider.queries.js';
import { publicConfig } from './provider-config.js';
import { ssoUrls } from './sso-urls.js';
import { scimUrl } from './scim-token.js';

/** How a provider is named to people (Sentry's `provider_name`); a provider only the seed can make keeps its key. */
const PROVIDER_NAMES: Record<string, string> = { oidc: 'OpenID Connect', saml2: 'SAML2' };

export const providerName = (provider: string) => PROVIDER_NAMES[provider] ?? provider;

/** The values the identity provider's administrator enters for Roster. */
function serviceProvider(config: Pick<Config, 'publicUrl'>, provider: string, orgSlug: string) {
  const urls = ssoUrls(config, orgSlug);
  if (provider === 'oidc') return { redirect_uri: urls.oidcRedirectUri };
  if (provider === 'saml2') return { acs_url: urls.samlAcsUrl, entity_id: urls.samlEntityId, metadata_url: urls.samlMetadataUrl };
  return {};
}

export function presentAuthProvider(
  config: Pick<Config, 'publicUrl'>,
  org: { slug: string; default_role: string },
  row: AuthProviderRow,
  pendingLinks: number,
): Static<typeof AuthProviderSchema> {
  return {
    id: row.id,
    provider_name: providerName(row.provider),
    pending_links_count: pendingLinks,
    login_url: ssoUrls(config, org.slug).loginUrl,
    default_role: org.default_role,
    require_link: !row.allow_unlinked,
    scim_enabled: row.scim_enabled,
    ...(row.scim_enabled ? { scim_url: scimUrl(config, org.slug) } : {}),
    provider: row.provider,
    config: publicConfig(row.provider, row.config),
    service_provider: serviceProvider(config, row.provider, org.slug),
  };
}
