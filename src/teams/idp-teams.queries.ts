import type { Tx } from '../platform/db/database.js';
import { ACTIVE } from './teams.queries.js';

/** Team rows as the identity provider manages them (SCIM Groups): with its externalId and the IdP flag. */
const IDP_TEAM_COLUMNS = ['id', 'slug', 'name', 'status', 'external_id', 'idp_provisioned'] as const;

/** An active team of the organization by id, locked for the rest of the transaction. */
export function lockActiveTeam(tx: Tx, orgId: string, teamId: string) {
  return tx
    .selectFrom('teams')
    .select(IDP_TEAM_COLUMNS)
    .where('organization_id', '=', orgId)
    .where('id', '=', teamId)
    .where('status', '=', ACTIVE)
    .forUpdate()
    .executeTakeFirst();
}

export type IdpTeamRow = NonNullable<Awaited<ReturnType<typeof lockActiveTeam>>>;

/** Inserts a team managed by the identity provider unless its slug is taken (then undefined). */
export function insertIdpTeam(tx: Tx, team: { orgId: string; slug: string; name: string; externalId: string | null }) {
  return tx
    .insertInto('teams')
    .values({ organization_id: team.orgId, slug: team.slug, name: team.name, external_id: team.externalId, idp_provisioned: true })
    .onConflict((conflict) => conflict.constraint('teams_organization_slug_key').doNothing())
    .returning(IDP_TEAM_COLUMNS)
    .executeTakeFirst();
}

/** Writes what the identity provider changed; the team is the identity provider's from now on. */
export function updateIdpTeam(tx: Tx, orgId: string, teamId: string, changes: { name: string; slug: string; externalId: string | null }) {
  return tx
    .updateTable('teams')
    .set({ name: changes.name, slug: changes.slug, external_id: changes.externalId, idp_provisioned: true })
    .where('organization_id', '=', orgId)
    .where('id', '=', teamId)
    .returning(IDP_TEAM_COLUMNS)
    .executeTakeFirstOrThrow();
}
