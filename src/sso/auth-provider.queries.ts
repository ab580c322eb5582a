import type { Executor, Tx } from '../platform/db/database.js';
import type { StoredConfig } from './provider-config.js';

/** The organization's provider row, or undefined when it has none. */
export function findAuthProvider(db: Executor, orgId: string) {
  return db
    .selectFrom('auth_providers')
    .select(['id', 'provider', 'allow_unlinked', 'config', 'scim_enabled', 'date_added', 'date_updated'])
    .where('organization_id', '=', orgId)
    .executeTakeFirst();
}

export type AuthProviderRow = NonNullable<Awaited<ReturnType<typeof findAuthProvider>>>;

/** A new provider; the primary key (one per organization) refuses a second: `auth_providers_pkey`. */
export function insertAuthProvider(
  tx: Tx,
  row: { orgId: string; provider: string; allowUnlinked: boolean; config: StoredConfig; now: Date },
): Promise<AuthProviderRow> {
  return tx
    .insertInto('auth_providers')
    .values({
      organization_id: row.orgId,
      provider: row.provider,
      allow_unlinked: row.allowUnlinked,
      config: JSON.stringify(row.config),
      date_added: row.now,
      date_updated: row.now,
    })
    .returning(['id', 'provider', 'allow_unlinked', 'config', 'scim_enabled', 'date_added', 'date_updated'])
    .executeTakeFirstOrThrow();
}

export async function updateAuthProvider(
  tx: Tx,
  orgId: string,
  change: { allowUnlinked?: boolean; config?: StoredConfig; now: Date },
): Promise<void> {
  await tx
    .updateTable('auth_providers')
    .set({
      ...(change.allowUnlinked === undefined ? {} : { allow_unlinked: change.allowUnlinked }),
      ...(change.config === undefined ? {} : { config: JSON.stringify(change.config) }),
      date_updated: change.now,
    })
    .where('organization_id', '=', orgId)
    .execute();
}

/** Removes the provider; its identities and pending sign-ins go with it (foreign keys cascade). */
export async function deleteAuthProvider(tx: Tx, orgId: string): Promise<boolean> {
  const result = await tx.deleteFrom('auth_providers').where('organization_id', '=', orgId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Deletes the organization's identities (before the provider, so the count can be reported); returns how many. */
export async function deleteAuthIdentities(tx: Tx, orgId: string): Promise<number> {
  const result = await tx.deleteFrom('auth_identities').where('organization_id', '=', orgId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Sessions that came through this organization's SSO no longer count as such once it is disabled. */
export async function deleteSessionSsoMarks(tx: Tx, orgId: string): Promise<void> {
  await tx.deleteFrom('user_session_sso').where('organization_id', '=', orgId).execute();
}
