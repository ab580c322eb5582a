-- SCIM 2.0 provisioning (issue 16): the identity provider's token, the profile it keeps for each
-- member and team, and the members it took away.

-- The SCIM bearer token of an organization whose provider has SCIM on: only its SHA-256 is kept, as
-- for every other token. One current token (expires_at null); a rotation gives the replaced one 24
-- more hours. Disabling SCIM, or SSO altogether, deletes them.
create table scim_tokens (
  id                     bigserial primary key,
  organization_id        bigint not null references auth_providers (organization_id) on delete cascade,
  token_hash             text not null,
  token_last_characters  text not null,
  created_at             timestamptz not null default now(),
  expires_at             timestamptz,
  constraint scim_tokens_token_hash_key unique (token_hash)
);
create index scim_tokens_organization_idx on scim_tokens (organization_id);

-- What the identity provider sent for a member (Roster's choice 12): externalId in a column of its
-- own so that it can be filtered on; name, displayName and emails as the SCIM profile object. Null
-- until the identity provider sends them.
alter table members
  add column scim_external_id  text check (scim_external_id is null or length(scim_external_id) between 1 and 512),
  add column scim_profile      jsonb check (scim_profile is null or jsonb_typeof(scim_profile) = 'object');
create index members_scim_external_id_idx on members (organization_id, scim_external_id) where scim_external_id is not null;

-- The identity provider's id for a team, so that it can find the team again after a rename (choice 8).
alter table teams
  add column external_id  text check (external_id is null or length(external_id) between 1 and 512);
create index teams_external_id_idx on teams (organization_id, external_id) where external_id is not null;

-- People the identity provider deprovisioned (choice 7): an SSO sign-in does not bring them back
-- until the identity provider provisions them again, which deletes the row. Keyed by the address
-- they were provisioned under; the user, when they had joined, so that a sign-in under another
-- address of theirs is caught too.
create table scim_deprovisioned (
  organization_id    bigint not null references organizations (id) on delete cascade,
  email              text not null check (email = lower(btrim(email))),
  user_id            bigint references users (id) on delete cascade,
  deprovisioned_at   timestamptz not null default now(),
  constraint scim_deprovisioned_pkey primary key (organization_id, email)
);
create index scim_deprovisioned_user_idx on scim_deprovisioned (organization_id, user_id) where user_id is not null;
