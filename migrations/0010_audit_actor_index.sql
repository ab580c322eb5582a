-- The audit log is read newest first, filtered by event (audit_log_entries_org_event_idx) or by actor:
-- this index keeps an actor-filtered page one range scan however long the log grows.
create index audit_log_entries_org_actor_idx on audit_log_entries (organization_id, actor_id, id);
