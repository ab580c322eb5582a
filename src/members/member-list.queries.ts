import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../platform/db/database.js';
import { ORG_ROLES } from '../access/roles.js';
import { GRAVATAR_URL } from '../identity/users.presenter.js';
import type { KeysetBounds } from '../platform/http/pagination.js';
import type { MemberQuery } from './member-query.js';
import { containsPattern } from './members.queries.js';
import { MEMBER_FLAG_COLUMNS, type MemberFlagName } from './invite-token.js';
import { MemberFlags } from './members.schemas.js';

/**
 * The member list's page, its JSON built by PostgreSQL: each row carries its Member object (Sentry's
 * shape, sentry-behavior.md §6.1) as compact JSON text, exactly the bytes `presentMember` serialized
 * (test/integration/member-list-json.test.ts compares them). Building the objects in Node cost ~5 ms
 * of CPU per page of 100 (decoding ~45 columns a row, a Date per timestamp, an MD5 per user, then
 * serializing ~150 KB); PostgreSQL writes the same text while it reads the rows.
 *
 * Why each piece is as it is:
 * - `row_to_json` of a sub-select writes compact JSON (`{"a":1}`) with the keys in select order, which
 *   is what Fastify's serializer writes from the response schema; `json_build_object` would add spaces.
 * - Timestamps are `Date#toISOString()`'s text: UTC, milliseconds truncated (as parsing them into a Date
 *   truncated them).
 * - The Gravatar hash is `md5(email)` only when the address is printable ASCII and lower case, where
 *   PostgreSQL's and JavaScript's trimming and lower-casing cannot differ; any other address comes back
 *   in `gravatar_email` for `withGravatars` to hash in Node.
 */
export interface MemberListRow {
  id: string;
  member: string;
  gravatar_email: string | null;
}

/**
 * `Date#toISOString()` as a `to_char` format. It and the flags' template go as parameters, not in the
 * SQL text, because their colons would read as variables in pgbench's copy of this query (the floor).
 */
export const ISO_TIMESTAMP_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"';
const iso = (column: string) => sql`to_char(${sql.raw(column)} at time zone 'UTC', ${ISO_TIMESTAMP_FORMAT}::text)`;

/** A constant of the code as an SQL string literal. */
const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

const ROLE_NAMES = sql.raw(`case m.role ${ORG_ROLES.map((role) => `when ${quote(role.id)} then ${quote(role.name)}`).join(' ')} end`);

// The flags object in the order of MemberFlags (the schema Fastify serialized them by), for format();
// a boolean cast to text is `true`/`false` (format() alone would write `t`/`f`).
const FLAG_NAMES = Object.keys(MemberFlags.properties) as MemberFlagName[];
export const FLAGS_JSON_FORMAT = `{${FLAG_NAMES.map((name) => `${JSON.stringify(name)}:%s`).join(',')}}`;
const FLAGS = sql.raw(FLAG_NAMES.map((name) => `m.${MEMBER_FLAG_COLUMNS[name]}::text`).join(', '));

const HASHABLE = sql.raw(`(u.email = lower(u.email) and u.email ~ '^[!-~]+$')`);
const GRAVATAR = sql.raw(`${quote(GRAVATAR_URL.prefix)} || md5(u.email) || ${quote(GRAVATAR_URL.suffix)}`);

function memberJson(now: Date): RawBuilder<string> {
  return sql<string>`(select row_to_json(r)::text from (select
      m.id::text as "id",
      coalesce(u.email, m.email, '') as "email",
      coalesce(nullif(u.name, ''), u.email, m.email, '') as "name",
      (select row_to_json(x) from (select
          u.id::text as "id", coalesce(nullif(u.name, ''), u.email) as "name", u.email as "username", u.email as "email",
          case when ${HASHABLE} then ${GRAVATAR} else '' end as "avatarUrl",
          u.is_active as "isActive", false as "isSuspended", false as "hasPasswordAuth", false as "isManaged",
          ${iso('u.date_joined')} as "dateJoined", ${iso('u.last_login')} as "lastLogin",
          exists (select 1 from user_authenticators as a where a.user_id = m.user_id and a.confirmed = true) as "has2fa",
          ${iso('u.last_login')} as "lastActive", u.is_superuser as "isSuperuser", false as "isStaff",
          '{}'::json as "experiments",
          (select row_to_json(v) from (select 'letter_avatar' as "avatarType", null::text as "avatarUuid", null::text as "avatarUrl") v) as "avatar",
          (select json_agg(e) from (select u.id::text as "id", u.email as "email", u.email_verified as "is_verified") e) as "emails"
        where u.id is not null) x) as "user",
      m.role as "orgRole",
      m.role as "role",
      ${ROLE_NAMES} as "roleName",
      m.user_id is null as "pending",
      (m.token_expires_at is not null and ${now}::timestamptz >= date_trunc('milliseconds', m.token_expires_at)) as "expired",
      format(${FLAGS_JSON_FORMAT}::text, ${FLAGS})::json as "flags",
      ${iso('m.date_added')} as "dateCreated",
      case when m.user_id is null then ${iso('m.token_expires_at')} end as "inviteExpiresAt",
      case m.invite_status when 1 then 'requested_to_be_invited' when 2 then 'requested_to_join' else 'approved' end as "inviteStatus",
      case when m.inviter_id is not null then coalesce(nullif(inv.name, ''), nullif(inv.email, '')) end as "inviterName"
    ) r)`;
}

/**
 * A keyset page of the organization's listed members (approved; pending or with an active user), by id,
 * filtered by Sentry's search language (sentry-behavior.md §5.1), each as its Member JSON. A filter that
 * can match nothing (unknown key, no usable id) gives an empty page.
 */
export async function listMemberJson(db: Executor, orgId: string, search: MemberQuery, bounds: KeysetBounds, now: Date): Promise<MemberListRow[]> {
  let query = db
    .selectFrom('members as m')
    .leftJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('users as inv', 'inv.id', 'm.inviter_id')
    .select(['m.id', memberJson(now).as('member'), sql<string | null>`case when u.id is not null and not ${HASHABLE} then u.email end`.as('gravatar_email')])
    .where('m.organization_id', '=', orgId)
    .where('m.invite_status', '=', 0)
    .where((eb) => eb.or([eb('m.user_id', 'is', null), eb('m.user_is_active', '=', true)]));
  for (const [key, values] of search) {
    const truthy = values.includes('true');
    switch (key) {
      case 'email': {
        const emails = values.map((value) => value.trim().toLowerCase());
        query = query.where((eb) => eb.or([eb('m.email', 'in', emails), eb('u.email', 'in', emails)]));
        break;
      }
      case 'id':
      case 'user.id': {
        const ids = values.filter((value) => /^\d{1,18}$/.test(value));
        if (ids.length === 0) return [];
        query = query.where(key === 'id' ? 'm.id' : 'm.user_id', 'in', ids);
        break;
      }
      case 'scope': {
        const roles = ORG_ROLES.filter((role) => role.scopes.some((scope) => values.includes(scope))).map((role) => role.id);
        if (roles.length === 0) return [];
        query = query.where('m.role', 'in', roles);
        break;
      }
      case 'role':
        query = query.where('m.role', 'in', values);
        break;
      case 'isInvited':
        query = query.where('m.user_id', truthy ? 'is' : 'is not', null);
        break;
      case 'ssoLinked':
        query = query.where('m.sso_linked', '=', truthy);
        break;
      case 'has2fa': {
        const hasAuthenticator = sql<boolean>`exists (select 1 from user_authenticators a where a.user_id = m.user_id and a.confirmed)`;
        query = query.where('m.user_id', 'is not', null).where(truthy ? hasAuthenticator : sql<boolean>`not ${hasAuthenticator}`);
        break;
      }
      case 'hasExternalUsers':
        // Roster has no external actors: nobody has one.
        if (truthy) return [];
        break;
      case 'query': {
        const pattern = containsPattern(values.join(' '));
        query = query.where((eb) =>
          eb.or([eb('m.email', 'ilike', pattern), eb('u.email', 'ilike', pattern), eb('u.name', 'ilike', pattern)]),
        );
        break;
      }
      default:
        return [];
    }
  }
  if (bounds.id !== null) query = query.where('m.id', bounds.comparison, bounds.id);
  // Ordering by the whole primary key (organization_id is fixed here) lets PostgreSQL walk it; ordered by
  // id alone it may walk the global id index past every other organization's members first.
  return query.orderBy('m.organization_id', bounds.order).orderBy('m.id', bounds.order).limit(bounds.fetch).execute();
}
