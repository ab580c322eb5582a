import type { Executor } from '../platform/db/database.js';

/**
 * The approved member of the organization that an address already stands for: a pending invite to it,
 * or a membership of an active user with that email. Invite and join requests do not count.
 */
export function findApprovedMemberByEmail(db: Executor, orgId: string, email: string) {
  return db
    .selectFrom('members as m')
    .select(['m.id', 'm.user_id'])
    .where('m.organization_id', '=', orgId)
    .where('m.invite_status', '=', 0)
    .where((eb) =>
      eb.or([
        eb('m.email', '=', email),
        eb('m.user_id', 'in', eb.selectFrom('users as u').select('u.id').where('u.email', '=', email).where('u.is_active', '=', true)),
      ]),
    )
    .orderBy('m.id')
    .executeTakeFirst();
}

/** The organization's active teams among these slugs. */
export function findActiveTeamsBySlugs(db: Executor, orgId: string, slugs: readonly string[]) {
  if (slugs.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('teams')
    .select(['id', 'slug', 'idp_provisioned'])
    .where('organization_id', '=', orgId)
    .where('status', '=', 0)
    .where('slug', 'in', slugs)
    .execute();
}
