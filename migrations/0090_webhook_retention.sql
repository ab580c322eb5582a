-- Webhook retention (issue 18): a sent message (its payload) is purged 7 days after delivery, while the
-- log of its attempts stays 30 days. So an attempt no longer hangs off its message: it carries the
-- event's id and type itself, and belongs to its endpoint (deleting an endpoint still deletes its log).
-- `message_id` stays as a plain number: a redelivery finds the message while it is kept, and is a 404
-- once it was purged.
alter table webhook_deliveries add column event_id text, add column event_type text;
update webhook_deliveries d
   set event_id = m.event_id, event_type = m.event_type
  from webhook_messages m
 where m.organization_id = d.organization_id and m.id = d.message_id;
alter table webhook_deliveries alter column event_id set not null, alter column event_type set not null;
alter table webhook_deliveries drop constraint webhook_deliveries_message_fkey;
alter table webhook_deliveries add constraint webhook_deliveries_endpoint_fkey foreign key (organization_id, endpoint_id)
  references webhook_endpoints (organization_id, id) on delete cascade;

-- The purge finds delivered messages by when they finished, and old attempts by when they were made.
create index webhook_messages_delivered_idx on webhook_messages (finished_at) where status = 'delivered';
create index webhook_deliveries_attempted_idx on webhook_deliveries (attempted_at);
