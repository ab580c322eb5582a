/**
 * Floors for the write endpoints: one round trip per statement, in one transaction. The role change is
 * Roster's SQL, statement for statement. Team assignment, invite and add-to-team were written from the
 * spec (sentry-behavior.md §5.2, §5.4, §5.6 and decisions.md) and do the same work in about as many
 * statements as Roster (auth included: team assignment 11 and 11 (2026-11-28); since 2026-12-07
 * invite 11 where Roster sends 12 in 7 round trips (no savepoint: ON CONFLICT; the answer built from the
 * inserted row; the deletes and inserts nobody reads write-behind), add-to-team 10 where Roster sends 11
 * in 8 (no membership read before the insert; the access-request delete write-behind)). No statement
 * here takes a lock beyond the foreign keys' KEY SHARE on the team, organization and user rows, which
 * concurrent writers share: nothing in these floors queues one transaction behind another.
 */
import { AUTH, MEMBER_VIEW, ORG_CONTEXT, teamsOfMember } from './read-sql.js';

const AUDIT_COLUMNS = 'organization_id, event, actor_id, actor_label, actor_key_id, ip_address, target_object, target_user_id, data';

/** The target member with its teams, locked for the rest of the transaction (§5.4: only approved members). */
function lockTarget(extraColumns = ''): string {
  const teams = `
       (select coalesce(json_agg(json_build_object('member_id', mt.member_id::text, 'team_id', mt.team_id::text, 'slug', t.slug, 'role', mt.role) order by t.slug), '[]')
          from member_teams as mt inner join teams as t on t.organization_id = mt.organization_id and t.id = mt.team_id
         where mt.organization_id = m.organization_id and mt.member_id = m.id and t.status = 0) as teams,`;
  return `${MEMBER_VIEW.replace('select m.*,', `select m.*,${extraColumns}${teams}`)}
 where m.organization_id = :org and m.invite_status = 0 and m.id = :k
   for update of m \\gset t_`;
}

/**
 * PUT /members/{id}/ {"orgRole": …}, as Roster issues it (src/members/member-edit.service.ts,
 * org-role-change.ts and members.queries.ts): lock and read the member with its teams, (checks in
 * code), lock the webhook endpoints that could hear of it (member.updated), one statement that
 * changes the role and clears the team roles the new role makes redundant (decisions.md fix 1), then
 * the MEMBER_EDIT entry. Each transaction flips a member between member and
 * manager, so every one really changes something.
 */
export const ROLE_CHANGE_SCRIPT = [
  AUTH,
  '\\set k random(:lo, :hi)',
  'begin;',
  `${ORG_CONTEXT};`,
  lockTarget(` case when m.role = 'member' then 'manager' else 'member' end as new_role,`),
  // member.updated (src/platform/webhooks/emit-webhook.ts): the organization's active endpoints,
  // locked in id order; the bench organization has none, so the statement finds nothing, as Roster's does.
  `select e.id, e.events, o.slug as organization_slug
  from webhook_endpoints as e inner join organizations as o on o.id = e.organization_id
 where e.organization_id = :org and e.active = true
 order by e.id
   for no key update of e;`,
  `with cleared as (
  update member_teams set role = null
   where organization_id = :org and member_id = :k
     and role = any(case when :t_new_role::text = 'manager' then array['contributor', 'admin'] else array['contributor'] end))
update members set role = :t_new_role where organization_id = :org and id = :k;`,
  `insert into audit_log_entries (${AUDIT_COLUMNS})
 values (:org, 4, :user_id, :actor, null, '127.0.0.1', :k, :t_user_id,
         json_build_object('email', :t_user_email::text, 'role', :t_new_role::text)::jsonb);`,
  'commit;',
].join('\n');

/**
 * PUT /members/{id}/ {"teamRoles": [3 teams]}: lock the member, resolve the slugs, read the current
 * teams, delete the ones left, upsert the new ones with their roles, audit MEMBER_JOIN_TEAM /
 * MEMBER_LEAVE_TEAM per team changed plus MEMBER_EDIT, answer with the new teams.
 */
export const TEAM_ASSIGNMENT_SCRIPT = [
  AUTH,
  '\\set k random(:lo, :hi)',
  '\\set s random(0, 49)',
  'begin;',
  `${ORG_CONTEXT};`,
  lockTarget(),
  `select array_agg(id order by slug)::text as ids from teams
  where organization_id = :org and status = 0
    and slug in ('team-' || :s::int, 'team-' || ((:s::int + 1) % :teams::int), 'team-' || ((:s::int + 2) % :teams::int)) \\gset r_`,
  `select coalesce(array_agg(mt.team_id), '{}')::text as ids
  from member_teams as mt inner join teams as t on t.organization_id = mt.organization_id and t.id = mt.team_id
 where mt.organization_id = :org and mt.member_id = :k and t.status = 0 \\gset c_`,
  `delete from member_teams where organization_id = :org and member_id = :k and team_id <> all(:r_ids::bigint[]);`,
  `insert into member_teams (organization_id, member_id, team_id, role)
 select :org::bigint, :k::bigint, id, case when slug = 'team-' || :s::int then 'admin' end
   from teams where organization_id = :org and id = any(:r_ids::bigint[])
     on conflict (organization_id, team_id, member_id) do update set role = excluded.role;`,
  `insert into audit_log_entries (${AUDIT_COLUMNS})
 select :org::bigint, case when t.id = any(:r_ids::bigint[]) then 6 else 7 end, :user_id::bigint, :actor::text, null::bigint, '127.0.0.1', t.id, :t_user_id::bigint,
        json_build_object('email', :t_user_email::text, 'team_slug', t.slug)::jsonb
   from teams as t
  where t.organization_id = :org and (t.id = any(:r_ids::bigint[])) <> (t.id = any(:c_ids::bigint[]))
 union all
 select :org::bigint, 4, :user_id::bigint, :actor::text, null::bigint, '127.0.0.1', :k::bigint, :t_user_id::bigint,
        json_build_object('email', :t_user_email::text, 'role', :t_role::text)::jsonb;`,
  teamsOfMember('k'),
  'commit;',
].join('\n');

/**
 * POST /members/ {"email", "orgRole": "member", "teamRoles": [1 team]}: refuse an existing member or
 * invite, resolve the team, replace invite requests for the address, create the pending member with a
 * hashed token, put it on the team, queue the invite email in the outbox, audit MEMBER_INVITE.
 */
export const INVITE_SCRIPT = [
  AUTH,
  '\\set n random(1, 1000000000000)',
  'begin;',
  `${ORG_CONTEXT};`,
  `select m.id, m.user_id from members as m
  where m.organization_id = :org and m.invite_status = 0
    and (m.email = 'floor-' || :n || '@example.org'
         or m.user_id in (select id from users where email = 'floor-' || :n || '@example.org' and is_active))
  limit 1;`,
  `select id, slug from teams where organization_id = :org and status = 0 and slug in ('team-' || (:n::bigint % :teams::int));`,
  `delete from members where organization_id = :org and email = 'floor-' || :n || '@example.org' and invite_status in (1, 2);`,
  `insert into members (organization_id, email, role, token_hash, token_expires_at, inviter_id)
 values (:org, 'floor-' || :n || '@example.org', 'member', :token_hash, :now::timestamptz + interval '30 days', :user_id)
 returning * \\gset i_`,
  `insert into member_teams (organization_id, member_id, team_id)
 select :org::bigint, :i_id::bigint, id from teams where organization_id = :org and slug = 'team-' || (:n::bigint % :teams::int);`,
  // Due in a century: Roster's mail worker, polling the same table, must not deliver the floor's emails.
  `insert into email_outbox (organization_id, message_id, type, recipient, subject, text_body, html_body, next_attempt_at)
 values (:org, '<' || :n || '@floor>', 'organization.invite', :i_email, 'Join Bench in Roster',
         repeat('You have been invited. ', 30), repeat('<p>You have been invited.</p>', 30), now() + interval '100 years');`,
  `insert into audit_log_entries (${AUDIT_COLUMNS})
 values (:org, 1, :user_id, :actor, null, '127.0.0.1', :i_id, null,
         json_build_object('email', :i_email::text, 'role', 'member')::jsonb);`,
  'commit;',
].join('\n');

/**
 * POST /members/{id}/teams/{team}/: the member (approved), the team (active), then in one transaction
 * the membership (a duplicate is a 204, decisions.md fix 11) and its MEMBER_JOIN_TEAM entry; the Team
 * answer needs its member count and the requester's own membership and access request.
 */
export const ADD_TO_TEAM_SCRIPT = [
  AUTH,
  '\\set k random(:lo, :hi)',
  '\\set s random(0, 49)',
  `${ORG_CONTEXT};`,
  `${MEMBER_VIEW}
 where m.organization_id = :org and m.invite_status = 0 and m.id = :k \\gset t_`,
  `select id, slug, name, status, idp_provisioned, date_added from teams
  where organization_id = :org and slug = 'team-' || :s::int and status = 0 \\gset tm_`,
  'begin;',
  `with added as (
  insert into member_teams (organization_id, member_id, team_id) values (:org, :k, :tm_id)
  on conflict (organization_id, team_id, member_id) do nothing returning id)
select count(*) as n, coalesce(max(id), 0) as omt from added \\gset a_`,
  `insert into audit_log_entries (${AUDIT_COLUMNS})
 select :org::bigint, 6, :user_id::bigint, :actor::text, null::bigint, '127.0.0.1', :a_omt::bigint, :t_user_id::bigint,
        json_build_object('email', :t_user_email::text, 'team_slug', :tm_slug::text)::jsonb
  where :a_n::int > 0;`,
  'commit;',
  `select count(*) from member_teams as mt inner join members as m on m.organization_id = mt.organization_id and m.id = mt.member_id
  where mt.organization_id = :org and mt.team_id = :tm_id and mt.is_active and m.invite_status = 0;`,
  `select exists (select 1 from member_teams where organization_id = :org and team_id = :tm_id and member_id = :req_member) as is_member,
       exists (select 1 from team_access_requests where organization_id = :org and team_id = :tm_id and member_id = :req_member) as is_pending;`,
].join('\n');

/** Puts the add-to-team floor's members back on their seeded teams only, so each floor run adds anew. */
export const ADD_TO_TEAM_RESET = `delete from member_teams where organization_id = $1 and member_id between $2 and $3 and id > $4`;
