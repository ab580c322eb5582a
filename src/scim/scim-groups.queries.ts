import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../platform/db/database.js';
import { slugifyName } from '../platform/lib/slug.js';
import { scimColumnCondition, scimFilterToSql, type ScimAttributeMap, type ScimCondition } from './scim-filter-sql.queries.js';
import type { ScimFilter } from './scim-filter.js';

/**
 * `displayName` matches as in Sentry (spec scim.md §1.5, Roster's choice 8): an `eq` value is
 * slugified and compared with the slug case-insensitively, so `displayName eq "Team A"` finds
 * `team-a` whatever its name now is; the other operators compare the name itself.
 */
function displayNameCondition(condition: ScimCondition): Expression<SqlBool> {
  if ((condition.op === 'eq' || condition.op === 'ne') && typeof condition.value === 'string') {
    return scimColumnCondition('t.slug', 'caseInsensitiveString', { ...condition, value: slugifyName(condition.value) });
  }
  return scimColumnCondition('t.name', 'caseInsensitiveString', condition);
}

/** A member of the group: a visible member of the team (those the team's member list shows). */
function memberCondition(condition: ScimCondition): Expression<SqlBool> {
  return sql<SqlBool>`exists (
    select 1 from member_teams mt
    join members m on m.organization_id = mt.organization_id and m.id = mt.member_id
    where mt.organization_id = t.organization_id and mt.team_id = t.id
      and m.invite_status = 0 and (m.user_id is null or m.user_is_active)
      and ${scimColumnCondition('mt.member_id', 'integerId', condition)})`;
}

/** The Groups attributes a filter may name (Roster's choice 3); any other → 400 invalidFilter. */
export const GROUP_FILTER_ATTRIBUTES: ScimAttributeMap = {
  displayname: { build: displayNameCondition },
  externalid: { column: 't.external_id', type: 'caseExactString' },
  id: { column: 't.id', type: 'integerId' },
  'members.value': { build: memberCondition },
};

function selectGroups(db: Executor, orgId: string, filter: ScimFilter | null) {
  let query = db.selectFrom('teams as t').where('t.organization_id', '=', orgId).where('t.status', '=', 0);
  if (filter) query = query.where(scimFilterToSql(filter, GROUP_FILTER_ATTRIBUTES));
  return query;
}

/** A page of the organization's active teams matching the filter, by id (choice 15), and how many match in all. */
export async function listGroupTeams(db: Executor, orgId: string, filter: ScimFilter | null, window: { offset: number; count: number }) {
  const total = await selectGroups(db, orgId, filter)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const teams =
    window.count === 0
      ? []
      : await selectGroups(db, orgId, filter)
          .select(['t.id', 't.name', 't.external_id'])
          .orderBy('t.id')
          .offset(window.offset)
          .limit(window.count)
          .execute();
  return { total: Number(total.n), teams };
}

/** One active team of the organization, as a Group shows it. */
export function findGroupTeam(db: Executor, orgId: string, teamId: string) {
  return db
    .selectFrom('teams as t')
    .select(['t.id', 't.name', 't.external_id'])
    .where('t.organization_id', '=', orgId)
    .where('t.id', '=', teamId)
    .where('t.status', '=', 0)
    .executeTakeFirst();
}
