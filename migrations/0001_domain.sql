-- The whole membership domain. Every tenant table carries organization_id and includes it in its
-- primary and unique keys (so the schema can be distributed by organization), and tenant foreign
-- keys are composite, so a row can never point at another organization's member or team.

create table users (
  id              bigserial primary key,
  email           text not null,
  name            text not null default '',
  is_superuser    boolean not null default false,
  is_active       boolean not null default true,
  email_verified  boolean not null default false,
  date_joined     timestamptz not null default now(),
  last_login      timestamptz,
  constraint users_email_key unique (email),
  constraint users_email_normalized check (email = lower(btrim(email)) and length(email) between 3 and 254)
);

-- TOTP authenticators; an unconfirmed row is an enrolment in progress and does not count as 2FA.
create table user_authenticators (
  id            bigserial primary key,
  user_id       bigint not null references users (id) on delete cascade,
  type          text not null check (type in ('totp')),
  secret        text not null,
  confirmed     boolean not null default false,
  created_at    timestamptz not null default now(),
  last_used_at  timestamptz,
  constraint user_authenticators_user_type_key unique (user_id, type)
);

create table api_tokens (
  id                     bigserial primary key,
  user_id                bigint not null references users (id) on delete cascade,
  token_hash             text not null,
  token_last_characters  text not null,
  name                   text,
  scopes                 text[] not null,
  date_created           timestamptz not null default now(),
  expires_at             timestamptz,
  last_used_at           timestamptz,
  constraint api_tokens_token_hash_key unique (token_hash)
);
create index api_tokens_user_idx on api_tokens (user_id);

-- One-time links sent by email: sign-in links and email verification.
create table user_one_time_tokens (
  id          bigserial primary key,
  user_id     bigint not null references users (id) on delete cascade,
  purpose     text not null check (purpose in ('signin', 'verify-email')),
  token_hash  text not null,
  email       text not null,
  created_at  timestamptz not null default now(),
  expires_at  timestamptz not null,
  used_at     timestamptz,
  constraint user_one_time_tokens_token_hash_key unique (token_hash)
);

-- Browser sessions (stored server-side so they can be revoked).
create table user_sessions (
  id                  bigserial primary key,
  user_id             bigint not null references users (id) on delete cascade,
  token_hash          text not null,
  csrf_token          text not null,
  two_factor_passed   boolean not null default false,
  created_at          timestamptz not null default now(),
  expires_at          timestamptz not null,
  revoked_at          timestamptz,
  constraint user_sessions_token_hash_key unique (token_hash)
);

create table organizations (
  id                                bigserial primary key,
  slug                              text not null,
  name                              text not null,
  status                            smallint not null default 0 check (status in (0, 1, 2, 3)),
  default_role                      text not null default 'member'
                                      check (default_role in ('billing', 'member', 'admin', 'manager', 'owner')),
  -- Sentry's organization flags, one column each.
  allow_joinleave                   boolean not null default true,
  enhanced_privacy                  boolean not null default false,
  disable_shared_issues             boolean not null default false,
  early_adopter                     boolean not null default false,
  require_2fa                       boolean not null default false,
  require_email_verification        boolean not null default false,
  disable_member_project_creation   boolean not null default true,
  prevent_superuser_access          boolean not null default false,
  disable_member_invite             boolean not null default false,
  -- Sentry's feature flags as per-organization overrides of self-hosted defaults ({"team-roles": false}).
  features                          jsonb not null default '{}'::jsonb,
  avatar_type                       text not null default 'letter_avatar' check (avatar_type in ('letter_avatar', 'upload')),
  avatar_uuid                       text,
  avatar_image                      bytea,
  date_added                        timestamptz not null default now(),
  deletion_scheduled_at             timestamptz,
  constraint organizations_slug_key unique (slug),
  constraint organizations_name_length check (length(name) between 1 and 64)
);

create table organization_options (
  organization_id  bigint not null references organizations (id) on delete cascade,
  key              text not null,
  value            jsonb not null,
  primary key (organization_id, key)
);

-- The organization's SSO provider record (real SAML/OIDC sign-in is out of scope).
create table auth_providers (
  organization_id   bigint primary key references organizations (id) on delete cascade,
  provider          text not null,
  allow_unlinked    boolean not null default false,
  date_added        timestamptz not null default now()
);

create table teams (
  organization_id  bigint not null references organizations (id) on delete cascade,
  id               bigserial not null,
  slug             text not null,
  name             text not null,
  status           smallint not null default 0 check (status in (0, 1, 2)),
  idp_provisioned  boolean not null default false,
  date_added       timestamptz not null default now(),
  primary key (organization_id, id),
  constraint teams_organization_slug_key unique (organization_id, slug)
);
create index teams_id_idx on teams (id);

-- A member row is either a pending invite (email set, no user) or a membership (user set, no email).
create table members (
  organization_id          bigint not null references organizations (id) on delete cascade,
  id                       bigserial not null,
  user_id                  bigint references users (id) on delete cascade,
  email                    text,
  role                     text not null default 'member'
                             check (role in ('billing', 'member', 'admin', 'manager', 'owner')),
  sso_linked               boolean not null default false,
  sso_invalid              boolean not null default false,
  member_limit_restricted  boolean not null default false,
  idp_provisioned          boolean not null default false,
  idp_role_restricted      boolean not null default false,
  partnership_restricted   boolean not null default false,
  token_hash               text,
  token_expires_at         timestamptz,
  inviter_id               bigint references users (id) on delete set null,
  invite_status            smallint not null default 0 check (invite_status in (0, 1, 2)),
  user_is_active           boolean not null default true,
  date_added               timestamptz not null default now(),
  primary key (organization_id, id),
  constraint members_organization_user_key unique (organization_id, user_id),
  constraint members_organization_email_key unique (organization_id, email),
  constraint members_pending_xor_user check ((user_id is null) = (email is not null)),
  constraint members_email_normalized check (email is null or email = lower(btrim(email)))
);
create index members_id_idx on members (id);
create index members_user_idx on members (user_id);
create index members_inviter_idx on members (organization_id, inviter_id) where inviter_id is not null;

create table member_teams (
  organization_id  bigint not null,
  id               bigserial not null,
  member_id        bigint not null,
  team_id          bigint not null,
  role             text check (role in ('contributor', 'admin')),
  is_active        boolean not null default true,
  primary key (organization_id, id),
  constraint member_teams_team_member_key unique (organization_id, team_id, member_id),
  foreign key (organization_id, member_id) references members (organization_id, id) on delete cascade,
  foreign key (organization_id, team_id) references teams (organization_id, id) on delete cascade
);
create index member_teams_member_idx on member_teams (organization_id, member_id);

create table team_access_requests (
  organization_id  bigint not null,
  id               bigserial not null,
  team_id          bigint not null,
  member_id        bigint not null,
  requester_id     bigint references users (id) on delete set null,
  date_added       timestamptz not null default now(),
  primary key (organization_id, id),
  constraint team_access_requests_team_member_key unique (organization_id, team_id, member_id),
  foreign key (organization_id, member_id) references members (organization_id, id) on delete cascade,
  foreign key (organization_id, team_id) references teams (organization_id, id) on delete cascade
);

create table audit_log_entries (
  organization_id  bigint not null references organizations (id) on delete cascade,
  id               bigserial not null,
  actor_id         bigint references users (id) on delete set null,
  actor_label      text,
  actor_key_id     bigint,
  ip_address       text,
  event            integer not null,
  target_object    bigint,
  target_user_id   bigint,
  data             jsonb not null default '{}'::jsonb,
  datetime         timestamptz not null default now(),
  primary key (organization_id, id)
);
create index audit_log_entries_org_event_idx on audit_log_entries (organization_id, event, id);

-- Transactional outbox: written in the transaction that causes the email, delivered after commit by a
-- worker that claims rows with FOR UPDATE SKIP LOCKED. A claim is a lease: next_attempt_at moves forward,
-- so a row whose worker died is picked up again once the lease runs out.
create table email_outbox (
  id               bigserial primary key,
  organization_id  bigint,
  message_id       text not null,
  type             text not null,
  recipient        text not null,
  subject          text not null,
  text_body        text not null,
  html_body        text not null,
  created_at       timestamptz not null default now(),
  next_attempt_at  timestamptz not null default now(),
  attempts         integer not null default 0,
  last_error       text,
  sent_at          timestamptz,
  constraint email_outbox_message_id_key unique (message_id)
);
create index email_outbox_due_idx on email_outbox (next_attempt_at) where sent_at is null;

-- Fixed-window counters shared by every process (invite and authentication rate limits).
create table rate_limit_counters (
  bucket        text not null,
  window_start  timestamptz not null,
  count         integer not null,
  primary key (bucket, window_start)
);
