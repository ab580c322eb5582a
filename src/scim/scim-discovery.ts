import type { Config } from '../config.js';
import { scimUrl } from '../sso/scim-token.js';

/** The most resources one list answer holds (Roster's choice 4), advertised as `filter.maxResults`. */
export const SCIM_MAX_RESULTS = 100;

/** RFC 7643 §5: the single ServiceProviderConfig resource, located by the organization's slug (§1.6). */
export function serviceProviderConfig(config: Pick<Config, 'publicUrl'>, orgSlug: string) {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
    documentationUri: `${config.publicUrl}/api/0/openapi.json`,
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: SCIM_MAX_RESULTS },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'OAuth Bearer Token',
        description: "The organization's SCIM token, sent as `Authorization: Bearer <token>`",
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${scimUrl(config, orgSlug)}/ServiceProviderConfig` },
  };
}
