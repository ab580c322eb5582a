import type { Config } from '../config.js';
import { discoverOidc, type OidcProvider } from './protocols/oidc.js';
import type { SamlIdpConfig, SamlServiceProvider } from './protocols/saml.js';
import { clientSecretOf, type StoredOidcConfig, type StoredSamlConfig } from './provider-config.js';
import { ssoUrls } from './sso-urls.js';
import { SsoPageError } from './sso-errors.js';

/**
 * From a stored provider configuration to what the protocol modules take. OIDC discovery is a
 * network call: never inside a transaction.
 */

const misconfigured = () =>
  new SsoPageError(503, 'provider-misconfigured', "This organization's identity provider cannot be used right now. Ask an owner to check its SSO settings.");

export async function oidcProviderFor(config: Pick<Config, 'secretKey'>, orgId: string, stored: Record<string, unknown>): Promise<OidcProvider> {
  const oidc = stored as unknown as StoredOidcConfig;
  if (!config.secretKey || typeof oidc.client_secret_sealed !== 'string') throw misconfigured();
  let clientSecret: string;
  try {
    clientSecret = clientSecretOf(config.secretKey, orgId, oidc);
  } catch (error) {
    throw Object.assign(misconfigured(), { cause: error });
  }
  try {
    return await discoverOidc({ issuer: oidc.issuer, clientId: oidc.client_id, clientSecret });
  } catch (error) {
    throw Object.assign(misconfigured(), { cause: error });
  }
}

export function samlIdpFor(stored: Record<string, unknown>): SamlIdpConfig {
  const saml = stored as unknown as StoredSamlConfig;
  if (typeof saml.idp_entity_id !== 'string' || typeof saml.idp_sso_url !== 'string' || typeof saml.idp_x509cert !== 'string') throw misconfigured();
  return { entityId: saml.idp_entity_id, ssoUrl: saml.idp_sso_url, x509cert: saml.idp_x509cert };
}

/** Roster as the organization's SAML service provider: its entity id and ACS URL. */
export function samlServiceProviderFor(config: Pick<Config, 'publicUrl'>, orgSlug: string): SamlServiceProvider {
  const urls = ssoUrls(config, orgSlug);
  return { entityId: urls.samlEntityId, acsUrl: urls.samlAcsUrl };
}
