-- One payload shape per audit event (issue 14, src/audit/audit-payloads.ts). member.edit (event 4) now
-- reads its teams from `teams_slugs` alone. An edit of the member has always stored it; an edit of the
-- member's role on one team stored that team under `team_slug` only, and `team_slugs` is the spelling
-- Sentry's renderer looks for. Give every member.edit row `teams_slugs` from whichever of them it has
-- (none: an empty list, which reads "N/A"), so each entry reads as it did before; nothing is removed.
-- Rows that already have the list are left alone, so running this again changes nothing.
update audit_log_entries
   set data = data || jsonb_build_object('teams_slugs', case
         when jsonb_typeof(data -> 'team_slugs') = 'array' then data -> 'team_slugs'
         when jsonb_typeof(data -> 'team_slug') = 'string' then jsonb_build_array(data -> 'team_slug')
         else '[]'::jsonb
       end)
 where event = 4
   and jsonb_typeof(data -> 'teams_slugs') is distinct from 'array';
