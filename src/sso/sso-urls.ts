import type { Config } from '../config.js';
import { ssoLinkUrl } from '../members/invite-emails.js';

/**
 * Every URL of an organization's SSO, in one place: what the API shows, what the identity provider
 * is told, and what the sign-in routes serve must agree. SAML's service-provider entity id is the
 * metadata URL, the usual choice (unique per organization, and it resolves to the metadata).
 */
export function ssoUrls(config: Pick<Config, 'publicUrl'>, orgSlug: string) {
  const base = config.publicUrl;
  return {
    loginUrl: `${base}/auth/login/${orgSlug}/`,
    linkUrl: ssoLinkUrl(base, orgSlug),
    /** OIDC redirect URI: one callback for every organization, the pending sign-in's state names which. */
    oidcRedirectUri: `${base}/auth/sso/`,
    samlAcsUrl: `${base}/saml/acs/${orgSlug}/`,
    samlMetadataUrl: `${base}/saml/metadata/${orgSlug}/`,
    samlEntityId: `${base}/saml/metadata/${orgSlug}/`,
  };
}
