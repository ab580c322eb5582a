-- SSO (issue 15): an organization's identity provider, the identities linked through it, and the
-- short-lived state of sign-ins through it.
--
-- "Require SSO" is kept as Sentry stores it: `allow_unlinked` (Sentry's flag bit 1). The API's
-- `require_link` is its inverse, so the column's default (false) is the API's default (true), and the
-- rows the seed already wrote keep their meaning; one column, no second copy that could disagree.
alter table auth_providers
  add column id            bigserial not null,
  -- Per provider: OIDC {issuer, client_id, client_secret_sealed}; SAML {idp_entity_id, idp_sso_url,
  -- idp_x509cert}. A secret is only ever stored sealed (AES-256-GCM under ROSTER_SECRET_KEY).
  add column config        jsonb not null default '{}'::jsonb,
  add column scim_enabled  boolean not null default false,
  add column date_updated  timestamptz not null default now(),
  add column last_sync     timestamptz;
alter table auth_providers add constraint auth_providers_id_key unique (id);
alter table auth_providers add constraint auth_providers_config_object check (jsonb_typeof(config) = 'object');

-- A user's identity at the organization's provider: `ident` is the provider's stable id (OIDC `sub`,
-- SAML NameID). One identity per user and one user per identity, in each organization. Deleting the
-- provider deletes its identities.
create table auth_identities (
  organization_id  bigint not null references auth_providers (organization_id) on delete cascade,
  id               bigserial not null,
  user_id          bigint not null references users (id) on delete cascade,
  ident            text not null check (length(ident) between 1 and 512),
  data             jsonb not null default '{}'::jsonb,
  last_verified    timestamptz not null default now(),
  last_synced      timestamptz not null default now(),
  date_added       timestamptz not null default now(),
  constraint auth_identities_pkey primary key (organization_id, id),
  constraint auth_identities_org_ident_key unique (organization_id, ident),
  constraint auth_identities_org_user_key unique (organization_id, user_id)
);
create index auth_identities_user_idx on auth_identities (user_id);

-- A sign-in started at /auth/login/{org}/ or /auth/link/{org}/ and not yet finished: found again by its
-- `state` (OIDC) or RelayState (SAML), of which only the SHA-256 is kept, as for every other token. The
-- OIDC callback (/auth/sso/) names no organization, so the state alone is the key; the row says which
-- organization it belongs to. `data` holds the protocol's part (nonce and PKCE verifier, or the SAML
-- request id). Used once (deleted when finished) and dead after `expires_at`.
create table sso_pending_signins (
  state_hash       text primary key,
  organization_id  bigint not null references auth_providers (organization_id) on delete cascade,
  flow             text not null check (flow in ('login', 'link')),
  -- The signed-in user a link flow attaches the identity to; null for a login.
  user_id          bigint references users (id) on delete cascade,
  next_url         text,
  data             jsonb not null default '{}'::jsonb,
  created_at       timestamptz not null default now(),
  expires_at       timestamptz not null
);
create index sso_pending_signins_expires_idx on sso_pending_signins (expires_at);

-- SAML assertion ids (and `in-response-to:<request id>` keys) already accepted, kept until the
-- assertion would have expired anyway, so a replayed response is refused. Not tied to the provider
-- row: disabling and re-enabling SSO must not make old responses usable again.
create table saml_seen_ids (
  organization_id  bigint not null references organizations (id) on delete cascade,
  seen_id          text not null check (length(seen_id) between 1 and 512),
  expires_at       timestamptz not null,
  constraint saml_seen_ids_pkey primary key (organization_id, seen_id)
);
create index saml_seen_ids_expires_idx on saml_seen_ids (expires_at);

-- Which organizations a browser session has come through SSO for ("must login via SSO" is per
-- session): the require-SSO gate lets a member in only with a row here.
create table user_session_sso (
  session_id       bigint not null references user_sessions (id) on delete cascade,
  organization_id  bigint not null references organizations (id) on delete cascade,
  completed_at     timestamptz not null default now(),
  constraint user_session_sso_pkey primary key (session_id, organization_id)
);
create index user_session_sso_org_idx on user_session_sso (organization_id);
