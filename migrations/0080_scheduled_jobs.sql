-- Scheduled clean-up (issue 18): one row per job, the lease that lets one process at a time run it and
-- the record of its last run; and the record of each deleted organization, which outlives the
-- organization's own rows (its audit log goes with it by cascade).

-- A run claims its job's row (SELECT … FOR UPDATE SKIP LOCKED, then a lease in `run_id`/`lease_until`)
-- instead of holding a row lock for the whole run: a run is many short transactions (bounded batches),
-- and PGlite's one connection cannot keep a transaction open while they run. Each batch renews the
-- lease; a process that dies leaves it to run out. `last_started_at` is what the schedule counts from.
create table scheduled_jobs (
  name              text primary key check (length(name) between 1 and 64),
  run_id            text,
  lease_until       timestamptz,
  last_started_at   timestamptz,
  last_finished_at  timestamptz,
  last_result       jsonb,
  last_error        text,
  constraint scheduled_jobs_lease_pair check ((run_id is null) = (lease_until is null))
);

-- No foreign keys: the organization and the user who asked may both be gone. `requested_by` is what
-- the org.remove audit entry named (an email or a label) when the deletion started. `deleted_at` is
-- null while the deletion is in progress (the organization then has status 2 and cannot be restored).
create table deleted_organizations (
  id                     bigint primary key,
  slug                   text not null,
  name                   text not null,
  requested_by_user_id   bigint,
  requested_by           text,
  deletion_scheduled_at  timestamptz not null,
  deletion_started_at    timestamptz not null,
  deleted_at             timestamptz,
  deleted_rows           jsonb not null default '{}'::jsonb
);
create index deleted_organizations_slug_idx on deleted_organizations (slug);
