import type { Executor, Tx } from '../platform/db/database.js';
import { ORGANIZATION_COLUMNS } from '../access/org-context.queries.js';

export interface NewOrganization {
  slug: string;
  name: string;
}

export function insertOrganization(tx: Tx, org: NewOrganization) {
  return tx
    .insertInto('organizations')
    .values({ slug: org.slug, name: org.name })
    .returning(['id', 'slug'])
    .executeTakeFirstOrThrow();
}

export async function isOrgSlugTaken(db: Executor, slug: string, exceptOrgId: string | null = null): Promise<boolean> {
  let query = db.selectFrom('organizations').select('id').where('slug', '=', slug);
  if (exceptOrgId) query = query.where('id', '!=', exceptOrgId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** The organizations a user is an active member of, by name; `ownerOnly` keeps those it owns. */
export function findOrganizationsOfUser(db: Executor, userId: string, ownerOnly: boolean) {
  let query = db
    .selectFrom('organizations as o')
    .innerJoin('members as m', 'm.organization_id', 'o.id')
    .leftJoin('auth_providers as ap', 'ap.organization_id', 'o.id')
    .select(ORGANIZATION_COLUMNS)
    .select('ap.provider as auth_provider')
    .where('m.user_id', '=', userId)
    .where('m.user_is_active', '=', true)
    .where('m.invite_status', '=', 0)
    .orderBy('o.name')
    .orderBy('o.id');
  if (ownerOnly) query = query.where('m.role', '=', 'owner');
  return query.execute();
}

export async function countPendingAccessRequests(db: Executor, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('team_access_requests')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('organization_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Every organization by id, with its joined members and pending invites counted (what `roster org list` prints). */
export function listOrganizations(db: Executor) {
  return db
    .selectFrom('organizations as o')
    .select(['o.id', 'o.slug', 'o.name', 'o.status', 'o.date_added'])
    .select((eb) => [
      eb.selectFrom('members as m').select((count) => count.fn.countAll<string>().as('n')).whereRef('m.organization_id', '=', 'o.id').where('m.user_id', 'is not', null).as('members'),
      eb.selectFrom('members as m').select((count) => count.fn.countAll<string>().as('n')).whereRef('m.organization_id', '=', 'o.id').where('m.user_id', 'is', null).as('invites'),
    ])
    .orderBy('o.id')
    .execute();
}
