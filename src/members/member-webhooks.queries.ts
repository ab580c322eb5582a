import { sql } from 'kysely';
import type { Executor } from '../platform/db/database.js';

/** Teams of the organization by id, as webhook events name them (any status: a team being deleted still has its name). */
export function findWebhookTeams(db: Executor, orgId: string, teamIds: readonly string[]): Promise<Array<{ id: string; slug: string; name: string }>> {
  if (teamIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('teams')
    .select(['id', 'slug', 'name'])
    .where('organization_id', '=', orgId)
    .where('id', '=', sql<string>`any(${teamIds}::bigint[])`)
    .orderBy('slug')
    .execute();
}
