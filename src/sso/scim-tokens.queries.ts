import type { Executor, Tx } from '../platform/db/database.js';

/** The organization a SCIM token belongs to, when the token is current or within its grace period. */
export function findScimTokenOrganization(db: Executor, tokenHash: string, now: Date) {
  return db
    .selectFrom('scim_tokens')
    .select(['id', 'organization_id', 'token_hash'])
    .where('token_hash', '=', tokenHash)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .executeTakeFirst();
}

export async function insertScimToken(tx: Tx, row: { orgId: string; tokenHash: string; lastCharacters: string; now: Date }): Promise<void> {
  await tx
    .insertInto('scim_tokens')
    .values({ organization_id: row.orgId, token_hash: row.tokenHash, token_last_characters: row.lastCharacters, created_at: row.now })
    .execute();
}

/** A rotation: the current token keeps working until `until`; tokens already past their grace period go. */
export async function retireScimTokens(tx: Tx, orgId: string, now: Date, until: Date): Promise<void> {
  await tx.deleteFrom('scim_tokens').where('organization_id', '=', orgId).where('expires_at', '<=', now).execute();
  await tx.updateTable('scim_tokens').set({ expires_at: until }).where('organization_id', '=', orgId).where('expires_at', 'is', null).execute();
}

export async function deleteScimTokens(tx: Tx, orgId: string): Promise<void> {
  await tx.deleteFrom('scim_tokens').where('organization_id', '=', orgId).execute();
}

export async function setScimEnabled(tx: Tx, orgId: string, enabled: boolean, now: Date): Promise<void> {
  await tx.updateTable('auth_providers').set({ scim_enabled: enabled, date_updated: now }).where('organization_id', '=', orgId).execute();
}
