import { sql } from 'kysely';
import type { Tx } from '../platform/db/database.js';

/**
 * The next organization whose deletion is due at `now` (pending, or in progress from a run that was
 * interrupted), marked as in progress (status 2: no longer restorable); undefined when none. Skips an
 * organization a request holds locked (it may be restoring it); the next run finds it again.
 */
export async function startDueDeletion(tx: Tx, now: Date) {
  const due = await tx
    .selectFrom('organizations')
    .select(['id', 'slug', 'name', 'deletion_scheduled_at'])
    .where('status', 'in', [1, 2])
    .where('deletion_scheduled_at', '<=', now)
    .orderBy('deletion_scheduled_at')
    .orderBy('id')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
  if (!due) return undefined;
  await tx.updateTable('organizations').set({ status: 2 }).where('id', '=', due.id).execute();
  return { id: due.id, slug: due.slug, name: due.name, deletionScheduledAt: due.deletion_scheduled_at! };
}

export type DeletionInProgress = NonNullable<Awaited<ReturnType<typeof startDueDeletion>>>;

/** Opens the organization's record when its deletion starts (kept as it is when a run resumes it). */
export async function insertDeletedOrganization(
  tx: Tx,
  org: DeletionInProgress,
  requester: { userId: string | null; label: string | null },
  startedAt: Date,
): Promise<void> {
  await tx
    .insertInto('deleted_organizations')
    .values({
      id: org.id,
      slug: org.slug,
      name: org.name,
      requested_by_user_id: requester.userId,
      requested_by: requester.label,
      deletion_scheduled_at: org.deletionScheduledAt,
      deletion_started_at: startedAt,
    })
    .onConflict((conflict) => conflict.column('id').doNothing())
    .execute();
}

/** Adds `count` rows of `kind` to what the record says went with the organization. */
export async function countDeletedRows(tx: Tx, organizationId: string, kind: string, count: number): Promise<void> {
  if (count === 0) return;
  await tx
    .updateTable('deleted_organizations')
    .set({
      deleted_rows: sql`jsonb_set(deleted_rows, array[${kind}::text], to_jsonb(coalesce((deleted_rows ->> ${kind}::text)::bigint, 0) + ${count}))`,
    })
    .where('id', '=', organizationId)
    .execute();
}

/** Locks the organization's row while the last batch runs; false when it is gone or not being deleted. */
export async function lockDeletionInProgress(tx: Tx, organizationId: string): Promise<boolean> {
  const row = await tx.selectFrom('organizations').select('id').where('id', '=', organizationId).where('status', '=', 2).forUpdate().executeTakeFirst();
  return row !== undefined;
}

/** Up to `limit` of the organization's options (a deletion batch); returns how many went. */
export async function deleteOrganizationOptions(tx: Tx, organizationId: string, limit: number): Promise<number> {
  const result = await tx
    .deleteFrom('organization_options')
    .where('organization_id', '=', organizationId)
    .where('key', 'in', (eb) => eb.selectFrom('organization_options').select('key').where('organization_id', '=', organizationId).limit(limit))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Deletes the organization's row (what is left of its rows goes by cascade) and closes its record;
 * returns the rows the record counts as deleted with it.
 */
export async function finishDeletion(tx: Tx, organizationId: string, deletedAt: Date): Promise<Record<string, number>> {
  await tx.deleteFrom('organizations').where('id', '=', organizationId).where('status', '=', 2).execute();
  const record = await tx
    .updateTable('deleted_organizations')
    .set({ deleted_at: deletedAt })
    .where('id', '=', organizationId)
    .returning('deleted_rows')
    .executeTakeFirstOrThrow();
  return record.deleted_rows;
}
