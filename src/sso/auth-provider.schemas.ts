import { Type, type Static } from '@sinclair/typebox';
import { BODY_LIMITS } from '../platform/http/body-limits.js';
import { Id } from '../platform/http/schemas.js';

/** The protocols Roster signs in with (sso.md, Roster's choices 1). */
export const ProviderKey = Type.Union([Type.Literal('oidc'), Type.Literal('saml2')]);
export type ProviderKey = Static<typeof ProviderKey>;

/** Every field either protocol takes; which ones a provider needs is checked by provider-config.ts. */
export const ProviderConfigBody = Type.Object(
  {
    issuer: Type.Optional(Type.String({ maxLength: 2048, description: 'OIDC: the issuer URL (discovery at /.well-known/openid-configuration)' })),
    client_id: Type.Optional(Type.String({ maxLength: 512 })),
    client_secret: Type.Optional(Type.String({ maxLength: 2048, description: 'Kept encrypted, never returned' })),
    idp_metadata_xml: Type.Optional(Type.String({ maxLength: 100_000, description: "SAML: the identity provider's metadata XML" })),
    idp_entity_id: Type.Optional(Type.String({ maxLength: 1024 })),
    idp_sso_url: Type.Optional(Type.String({ maxLength: 2048 })),
    idp_x509cert: Type.Optional(Type.String({ maxLength: 16_384, description: 'SAML: the signing certificate, PEM or base64 DER' })),
  },
  { additionalProperties: false },
);
export type ProviderConfigBody = Static<typeof ProviderConfigBody>;

/** Roles a new member may be given by default (as the settings route: billing is never a default). */
const DefaultRole = Type.Union([Type.Literal('member'), Type.Literal('admin'), Type.Literal('manager'), Type.Literal('owner')]);

export const CreateAuthProviderBody = Type.Object(
  {
    provider: ProviderKey,
    config: ProviderConfigBody,
    require_link: Type.Optional(Type.Boolean({ description: 'Require SSO (default true)' })),
    default_role: Type.Optional(DefaultRole),
  },
  { additionalProperties: false },
);
export type CreateAuthProviderBody = Static<typeof CreateAuthProviderBody>;

export const UpdateAuthProviderBody = Type.Object(
  {
    config: Type.Optional(ProviderConfigBody),
    require_link: Type.Optional(Type.Boolean()),
    default_role: Type.Optional(DefaultRole),
    scim_enabled: Type.Optional(
      Type.Boolean({ description: 'SCIM provisioning: turning it on answers once with scim_api_token; turning it off revokes the token and releases every member and team the identity provider manages' }),
    ),
  },
  { additionalProperties: false },
);
export type UpdateAuthProviderBody = Static<typeof UpdateAuthProviderBody>;

/** Sentry's auth-provider object, plus what the console shows: the provider's public settings and Roster's URLs. */
export const AuthProviderSchema = Type.Object({
  id: Id,
  provider_name: Type.String(),
  pending_links_count: Type.Integer(),
  login_url: Type.String(),
  default_role: Type.String(),
  require_link: Type.Boolean(),
  scim_enabled: Type.Boolean(),
  scim_url: Type.Optional(Type.String({ description: "The organization's SCIM base URL, while SCIM is on" })),
  scim_api_token: Type.Optional(Type.String({ description: 'The SCIM bearer token: only in the answer that turned SCIM on' })),
  provider: Type.String(),
  config: Type.Object({
    issuer: Type.Optional(Type.String()),
    client_id: Type.Optional(Type.String()),
    client_secret_set: Type.Optional(Type.Boolean()),
    idp_entity_id: Type.Optional(Type.String()),
    idp_sso_url: Type.Optional(Type.String()),
  }),
  service_provider: Type.Object({
    redirect_uri: Type.Optional(Type.String({ description: 'OIDC: the redirect URI to register at the identity provider' })),
    acs_url: Type.Optional(Type.String({ description: 'SAML: the Assertion Consumer Service URL' })),
    entity_id: Type.Optional(Type.String({ description: "SAML: Roster's entity id (audience)" })),
    metadata_url: Type.Optional(Type.String({ description: "SAML: Roster's service-provider metadata" })),
  }),
});

/** Metadata XML is the largest body (Entra ID's is ~10 KB, a few certificates more); well inside the list-sized limit. */
export const AUTH_PROVIDER_BODY_LIMIT = BODY_LIMITS.teamList;

/** A new SCIM token (rotation): shown once. */
export const ScimTokenSchema = Type.Object({
  scim_api_token: Type.String({ description: 'The new bearer token; the previous one keeps working for 24 hours' }),
  scim_url: Type.String(),
});
