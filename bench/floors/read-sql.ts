/**
 * The SQL Roster issues today for its read endpoints, statement for statement (captured from the
 * queries Kysely compiles in src/; re-capture when those change). Variables come from pgbench `-D`
 * (see floorVars in floors.ts) or from `\set` / `\gset` in the script.
 */

/** Bearer token → user (src/identity/tokens.queries.ts findTokenOwner), before every request. */
export const AUTH = `
select t.id as token_id, t.token_hash, t.scopes, u.id as user_id, u.email, u.name, u.is_superuser
  from api_tokens as t inner join users as u on u.id = t.user_id
 where t.token_hash = :token_hash and u.is_active = true
   and (t.expires_at is null or t.expires_at > :now::timestamptz);`;

/** The organization and the requester's access in it (src/access/org-context.queries.ts). */
export const ORG_CONTEXT = `
select o.id, o.slug, o.name, o.status, o.default_role, o.allow_joinleave, o.enhanced_privacy,
       o.disable_shared_issues, o.early_adopter, o.require_2fa, o.require_email_verification,
       o.disable_member_project_creation, o.prevent_superuser_access, o.disable_member_invite, o.features,
       o.avatar_type, o.avatar_uuid, o.date_added, o.deletion_scheduled_at,
       m.id as member_id, m.role as member_role, ap.provider as auth_provider, ap.allow_unlinked as auth_allow_unlinked,
       (select coalesce(json_agg(json_build_object('teamId', mt.team_id::text, 'role', mt.role)), '[]'::json)
          from member_teams as mt
          inner join teams as t on t.organization_id = mt.organization_id and t.id = mt.team_id
         where mt.organization_id = o.id and mt.member_id = m.id and t.status = 0 and mt.is_active = true) as memberships,
       (select json_object_agg(oo.key, oo.value) from organization_options as oo where oo.organization_id = o.id) as options
  from organizations as o
  left join members as m on m.organization_id = o.id and m.user_id = :user_id and m.user_is_active = true and m.invite_status = 0
  left join auth_providers as ap on ap.organization_id = o.id
 where o.slug = :slug`;

/** selectMemberViews (src/members/members.queries.ts): a member with its user and inviter. */
export const MEMBER_VIEW = `
select m.*, u.email as user_email, u.name as user_name, u.is_active as user_active, u.is_superuser as user_is_superuser,
       u.email_verified as user_email_verified, u.date_joined as user_date_joined, u.last_login as user_last_login,
       inv.name as inviter_name, inv.email as inviter_email,
       exists (select a.id from user_authenticators as a where a.user_id = m.user_id and a.confirmed = true) as has2fa
  from members as m
  left join users as u on u.id = m.user_id
  left join users as inv on inv.id = m.inviter_id`;

/** findTeamsOfMembers for one member. */
export function teamsOfMember(memberVariable: string): string {
  return `
select mt.member_id, mt.team_id, t.slug, mt.role
  from member_teams as mt
  inner join teams as t on t.organization_id = mt.organization_id and t.id = mt.team_id
 where mt.organization_id = :org and mt.member_id in (:${memberVariable}) and t.status = 0
 order by t.slug;`;
}

// The timestamp format and the flags' template are variables (iso_format, flags_format), as they are
// parameters in Roster: their colons would read as variables here.
const ISO = (column: string) => `to_char(${column} at time zone 'UTC', :iso_format::text)`;
const ASCII_EMAIL = `(u.email = lower(u.email) and u.email ~ '^[!-~]+$')`;

/** listMemberJson (src/members/member-list.queries.ts): each listed member as its Member JSON, written by PostgreSQL. */
export const MEMBER_LIST_JSON = `
select m.id, (select row_to_json(r)::text from (select
      m.id::text as "id",
      coalesce(u.email, m.email, '') as "email",
      coalesce(nullif(u.name, ''), u.email, m.email, '') as "name",
      (select row_to_json(x) from (select
          u.id::text as "id", coalesce(nullif(u.name, ''), u.email) as "name", u.email as "username", u.email as "email",
          case when ${ASCII_EMAIL} then 'https://gravatar.com/avatar/' || md5(u.email) || '?s=32&d=mm' else '' end as "avatarUrl",
          u.is_active as "isActive", false as "isSuspended", false as "hasPasswordAuth", false as "isManaged",
          ${ISO('u.date_joined')} as "dateJoined", ${ISO('u.last_login')} as "lastLogin",
          exists (select 1 from user_authenticators as a where a.user_id = m.user_id and a.confirmed = true) as "has2fa",
          ${ISO('u.last_login')} as "lastActive", u.is_superuser as "isSuperuser", false as "isStaff",
          '{}'::json as "experiments",
          (select row_to_json(v) from (select 'letter_avatar' as "avatarType", null::text as "avatarUuid", null::text as "avatarUrl") v) as "avatar",
          (select json_agg(e) from (select u.id::text as "id", u.email as "email", u.email_verified as "is_verified") e) as "emails"
        where u.id is not null) x) as "user",
      m.role as "orgRole",
      m.role as "role",
      case m.role when 'billing' then 'Billing' when 'member' then 'Member' when 'admin' then 'Admin' when 'manager' then 'Manager' when 'owner' then 'Owner' end as "roleName",
      m.user_id is null as "pending",
      (m.token_expires_at is not null and :now::timestamptz >= date_trunc('milliseconds', m.token_expires_at)) as "expired",
      format(:flags_format::text, m.idp_provisioned::text, m.idp_role_restricted::text, m.sso_linked::text, m.sso_invalid::text, m.member_limit_restricted::text, m.partnership_restricted::text)::json as "flags",
      ${ISO('m.date_added')} as "dateCreated",
      case when m.user_id is null then ${ISO('m.token_expires_at')} end as "inviteExpiresAt",
      case m.invite_status when 1 then 'requested_to_be_invited' when 2 then 'requested_to_join' else 'approved' end as "inviteStatus",
      case when m.inviter_id is not null then coalesce(nullif(inv.name, ''), nullif(inv.email, '')) end as "inviterName"
    ) r) as member,
    case when u.id is not null and not ${ASCII_EMAIL} then u.email end as gravatar_email
  from members as m
  left join users as u on u.id = m.user_id
  left join users as inv on inv.id = m.inviter_id`;

/** GET /members/?per_page=100 with or without `query`, from the first page or after a cursor. */
export function memberListScript({ query, deep }: { query: boolean; deep: boolean }): string {
  return [
    AUTH,
    `${ORG_CONTEXT};`,
    `${MEMBER_LIST_JSON}
 where m.organization_id = :org and m.invite_status = 0 and (m.user_id is null or m.user_is_active = true)` +
      (query ? `\n   and (m.email ilike :pattern or u.email ilike :pattern or u.name ilike :pattern)` : '') +
      (deep ? `\n   and m.id > :after` : '') +
      `\n order by m.organization_id asc, m.id asc limit 101;`,
  ].join('\n');
}

/** GET /members/me/ as a manager: the member by user, its teams (no owner or 2FA look-ups apply). */
export const ME_SCRIPT = [
  AUTH,
  `${ORG_CONTEXT};`,
  `${MEMBER_VIEW}
 where m.organization_id = :org and m.invite_status = 0 and m.user_id = :user_id and m.user_is_active = true;`,
  teamsOfMember('req_member'),
].join('\n');
