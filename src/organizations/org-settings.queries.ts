import type { Executor, Tx } from '../platform/db/database.js';

/** The organization's stored option rows by option key (missing keys mean the default). */
export async function findOrgOptionRows(db: Executor, orgId: string): Promise<Record<string, unknown>> {
  const rows = await db.selectFrom('organization_options').select(['key', 'value']).where('organization_id', '=', orgId).execute();
  return Object.fromEntries(rows.map((row) => [row.key, row.value]));
}

export async function orgHasAvatarImage(db: Executor, orgId: string): Promise<boolean> {
  const row = await db.selectFrom('organizations').select('id').where('id', '=', orgId).where('avatar_image', 'is not', null).executeTakeFirst();
  return row !== undefined;
}

/** Sets the avatar type; with an image, stores it under a new uuid (so its URL changes with it). */
export async function updateOrgAvatar(
  tx: Tx,
  orgId: string,
  avatar: { type: 'letter_avatar' | 'upload'; image: Buffer | null; uuid: string | null },
): Promise<void> {
  await tx
    .updateTable('organizations')
    .set(avatar.image ? { avatar_type: avatar.type, avatar_image: avatar.image, avatar_uuid: avatar.uuid } : { avatar_type: avatar.type })
    .where('id', '=', orgId)
    .execute();
}

/** The stored avatar image behind a uuid, whatever the organization's current avatar type. */
export function findAvatarImage(db: Executor, uuid: string) {
  return db
    .selectFrom('organizations')
    .select('avatar_image')
    .where('avatar_uuid', '=', uuid)
    .where('avatar_image', 'is not', null)
    .executeTakeFirst();
}

/** Active → pending deletion, with its schedule; returns false when the organization was not active. */
export async function markPendingDeletion(tx: Tx, orgId: string, scheduledAt: Date): Promise<boolean> {
  const result = await tx
    .updateTable('organizations')
    .set({ status: 1, deletion_scheduled_at: scheduledAt })
    .where('id', '=', orgId)
    .where('status', '=', 0)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Pending deletion → active, schedule cleared; returns false when there was nothing to restore. Sentry
 * also restores an organization whose deletion is in progress (status 2); Roster does not: the
 * deletion job has then begun deleting its rows in batches, and a restore would bring back half of it.
 */
export async function restoreOrganization(tx: Tx, orgId: string): Promise<boolean> {
  const result = await tx
    .updateTable('organizations')
    .set({ status: 0, deletion_scheduled_at: null })
    .where('id', '=', orgId)
    .where('status', '=', 1)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The users of the organization's active owners, who hear about its deletion. */
export function findActiveOwnerUsers(db: Executor, orgId: string) {
  return db
    .selectFrom('members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.email', 'u.name'])
    .where('m.organization_id', '=', orgId)
    .where('m.role', '=', 'owner')
    .where('m.user_is_active', '=', true)
    .where('m.invite_status', '=', 0)
    .where('u.is_active', '=', true)
    .orderBy('m.id')
    .execute();
}
