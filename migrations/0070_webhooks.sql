-- Outbound webhooks (issue 18): an organization's endpoints, the messages owed to each, and the log
-- of every attempt to deliver one.
--
-- An endpoint's signing secrets are kept sealed (AES-256-GCM under ROSTER_SECRET_KEY, bound to the
-- endpoint): signing needs the secret itself, so it cannot be hashed. During a rotation the previous
-- secret signs too, until `previous_secret_expires_at`.
create table webhook_endpoints (
  organization_id            bigint not null references organizations (id) on delete cascade,
  id                         bigserial not null,
  url                        text not null check (length(url) between 1 and 2048),
  description                text not null default '' check (length(description) <= 256),
  events                     text[] not null,
  active                     boolean not null default true,
  -- Why the worker turned it off ('gone': the receiver answered 410; 'failing': 3 days of failures); null when on or turned off by a person.
  disabled_reason            text check (disabled_reason in ('gone', 'failing')),
  secret_sealed              text not null,
  previous_secret_sealed     text,
  previous_secret_expires_at timestamptz,
  date_added                 timestamptz not null default now(),
  date_updated               timestamptz not null default now(),
  constraint webhook_endpoints_pkey primary key (organization_id, id),
  constraint webhook_endpoints_id_key unique (id),
  constraint webhook_endpoints_events_nonempty check (cardinality(events) >= 1),
  constraint webhook_endpoints_previous_secret check ((previous_secret_sealed is null) = (previous_secret_expires_at is null))
);

-- One message per event and subscribed endpoint, written in the transaction of the change. `event_id`
-- is the `webhook-id` every attempt carries (one per event: the endpoints of one organization see the
-- same id for the same change). Messages of one endpoint are delivered in `id` order: the writer locks
-- the organization's active endpoints first (webhook-outbox.queries.ts), so within an organization ids
-- follow commit order. While pending, `next_attempt_at` is both the due time and a claimed message's
-- lease; null (a new message) is due at once, whatever the delivering process's clock says.
create table webhook_messages (
  organization_id   bigint not null,
  id                bigserial not null,
  endpoint_id       bigint not null,
  event_id          text not null,
  event_type        text not null,
  -- The organization's slug when the event happened, and the event's data: the envelope is built from
  -- them with `created_at` (the event's time) when the message is sent.
  organization_slug text not null,
  payload           jsonb not null,
  status            text not null default 'pending' check (status in ('pending', 'delivered', 'failed', 'abandoned')),
  attempts          integer not null default 0,
  next_attempt_at   timestamptz,
  first_failure_at  timestamptz,
  created_at        timestamptz not null default now(),
  finished_at       timestamptz,
  constraint webhook_messages_pkey primary key (organization_id, id),
  constraint webhook_messages_id_key unique (id),
  constraint webhook_messages_endpoint_fkey foreign key (organization_id, endpoint_id)
    references webhook_endpoints (organization_id, id) on delete cascade
);
create index webhook_messages_pending_idx on webhook_messages (endpoint_id, id) where status = 'pending';

-- Every attempt: what was answered (status, a short excerpt of the body) or why nothing was
-- (`error`: refused address, timeout, connection refused), and how long it took.
create table webhook_deliveries (
  organization_id   bigint not null,
  id                bigserial not null,
  endpoint_id       bigint not null,
  message_id        bigint not null,
  attempted_at      timestamptz not null,
  duration_ms       integer not null,
  response_status   integer,
  response_excerpt  text not null default '',
  error             text,
  succeeded         boolean not null,
  constraint webhook_deliveries_pkey primary key (organization_id, id),
  constraint webhook_deliveries_id_key unique (id),
  constraint webhook_deliveries_message_fkey foreign key (organization_id, message_id)
    references webhook_messages (organization_id, id) on delete cascade
);
create index webhook_deliveries_endpoint_idx on webhook_deliveries (endpoint_id, id desc);
