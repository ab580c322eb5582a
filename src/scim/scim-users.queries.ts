import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../platform/db/database.js';
import type { ScimProfile } from '../platform/db/schema.js';
import { scimColumnCondition, scimFilterToSql, type ScimAttributeMap } from './scim-filter-sql.queries.js';
import type { ScimFilter } from './scim-filter.js';

/**
 * The organization's members as SCIM Users (spec scim.md §1.4): approved ones, pending invites and
 * members whose user is active (invite and join requests are invisible), each with its `user_name`
 * (the invite address, or the user's address once joined).
 */
function scimUsers(db: Executor, orgId: string) {
  return db
    .selectFrom('members as m')
    .leftJoin('users as u', 'u.id', 'm.user_id')
    .select([
      'm.organization_id',
      'm.id',
      'm.user_id',
      'm.role',
      'm.idp_role_restricted',
      'm.scim_external_id',
      'm.scim_profile',
      'm.email as member_email',
      'u.email as user_email',
      sql<string>`coalesce(m.email, u.email)`.as('user_name'),
      sql<boolean>`true`.as('active'),
    ])
    .where('m.organization_id', '=', orgId)
    .where('m.invite_status', '=', 0)
    .where((eb) => eb.or([eb('m.user_id', 'is', null), eb('m.user_is_active', '=', true)]));
}

export interface ScimUserRow {
  organization_id: string;
  id: string;
  user_id: string | null;
  role: string;
  idp_role_restricted: boolean;
  scim_external_id: string | null;
  scim_profile: ScimProfile | null;
  user_name: string;
  active: boolean;
}

/**
 * `emails.value` is any of the member's addresses: its userName and the addresses the identity
 * provider sent. Every address Roster keeps is a work address, so `emails.type` is "work".
 */
const emailValues = (condition: Parameters<typeof scimColumnCondition>[2]) =>
  sql<SqlBool>`exists (select 1 from (select s.user_name as value union all
    select e.value ->> 'value' from jsonb_array_elements(case when jsonb_typeof(s.scim_profile -> 'emails') = 'array' then s.scim_profile -> 'emails' else '[]'::jsonb end) as e(value)) as emails
    where ${scimColumnCondition('emails.value', 'caseInsensitiveString', condition)})`;

/**
 * `userName` is the invite address or the user's (both stored lower-cased, one of them null): the
 * `eq` every identity provider sends is asked of each column, so that their unique indexes answer it.
 */
function userNameCondition(condition: Parameters<typeof scimColumnCondition>[2]): Expression<SqlBool> {
  const { op, value } = condition;
  if (op !== 'eq' || typeof value !== 'string') return scimColumnCondition('s.user_name', 'caseInsensitiveString', condition);
  const email = value.toLowerCase();
  return sql<SqlBool>`(s.member_email = ${email} or s.user_email = ${email})`;
}

/** The Users attributes a filter may name (Roster's choice 3); any other → 400 invalidFilter. */
export const SCIM_USER_ATTRIBUTES: ScimAttributeMap = {
  username: { build: userNameCondition },
  externalid: { column: 's.scim_external_id', type: 'caseExactString' },
  id: { column: 's.id', type: 'integerId' },
  active: { column: 's.active', type: 'boolean' },
  'emails.value': { build: emailValues },
  'emails.type': {
    build: ({ op, value }) => (op === 'pr' || (op === 'eq' && typeof value === 'string' && value.toLowerCase() === 'work') ? sql<SqlBool>`true` : sql<SqlBool>`false`),
  },
};

function filtered(db: Executor, orgId: string, filter: ScimFilter | null) {
  const where: Expression<SqlBool> = filter ? scimFilterToSql(filter, SCIM_USER_ATTRIBUTES) : sql<SqlBool>`true`;
  return db.selectFrom(scimUsers(db, orgId).as('s')).where(where);
}

/**
 * One page of the filtered Users, by id (choice 15), and how many match: two statements. Ordered by the
 * members' primary key so that PostgreSQL walks it within the organization.
 */
export async function listScimUsers(db: Executor, orgId: string, filter: ScimFilter | null, page: { offset: number; count: number }) {
  const total = await filtered(db, orgId, filter).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows =
    page.count === 0
      ? []
      : await filtered(db, orgId, filter).selectAll('s').orderBy('s.organization_id').orderBy('s.id').offset(page.offset).limit(page.count).execute();
  return { total: Number(total.n), rows: rows as ScimUserRow[] };
}

/** One User of the organization by member id, or undefined. */
export async function findScimUser(db: Executor, orgId: string, memberId: string): Promise<ScimUserRow | undefined> {
  return (await filtered(db, orgId, null).selectAll('s').where('s.id', '=', memberId).executeTakeFirst()) as ScimUserRow | undefined;
}
