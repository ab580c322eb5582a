import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Db } from '../../../src/platform/db/database.js';

/**
 * The invariants that no interleaving of requests may break: every organization keeps an active
 * owner, and no stored team role is at or below the minimum its member's org role implies.
 */
export async function assertMembershipInvariants(db: Db): Promise<void> {
  const ownerless = await sql<{ slug: string }>`
    select o.slug from organizations o
     where o.status = 0
       and not exists (select 1 from members m where m.organization_id = o.id and m.role = 'owner'
                         and m.user_id is not null and m.user_is_active)`.execute(db);
  assert.deepEqual(ownerless.rows, [], 'organizations without an active owner');

  const redundant = await sql<{ member_id: string; role: string; team_role: string }>`
    select m.id as member_id, m.role, mt.role as team_role
      from member_teams mt
      join members m on m.organization_id = mt.organization_id and m.id = mt.member_id
     where (m.role = 'member' and mt.role = 'contributor')
        or (m.role in ('admin', 'manager', 'owner') and mt.role is not null)`.execute(db);
  assert.deepEqual(redundant.rows, [], 'team roles at or below the minimum of the org role');
}
