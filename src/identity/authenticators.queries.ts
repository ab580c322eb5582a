import type { Executor, Tx } from '../platform/db/database.js';

const AUTHENTICATOR_COLUMNS = ['id', 'type', 'secret', 'confirmed', 'created_at', 'last_used_at'] as const;

/** The user's confirmed authenticators, oldest first (unconfirmed enrolments are not authenticators yet). */
export function findConfirmedAuthenticators(db: Executor, userId: string) {
  return db
    .selectFrom('user_authenticators')
    .select(['id', 'type', 'created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .where('confirmed', '=', true)
    .orderBy('id')
    .execute();
}

/** The user's TOTP authenticator, confirmed or not, locked until the transaction ends. */
export function findTotpAuthenticatorForUpdate(db: Executor, userId: string) {
  return db
    .selectFrom('user_authenticators')
    .select(AUTHENTICATOR_COLUMNS)
    .where('user_id', '=', userId)
    .where('type', '=', 'totp')
    .forUpdate()
    .executeTakeFirst();
}

/** One of the user's authenticators by id, locked until the transaction ends. */
export function findAuthenticatorForUpdate(db: Executor, userId: string, authenticatorId: string) {
  return db
    .selectFrom('user_authenticators')
    .select(AUTHENTICATOR_COLUMNS)
    .where('user_id', '=', userId)
    .where('id', '=', authenticatorId)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Starts (or restarts) a TOTP enrolment: stores an unconfirmed authenticator with this secret,
 * replacing an earlier unconfirmed one. Returns nothing when a confirmed one exists (it is kept).
 */
export function upsertUnconfirmedTotp(tx: Tx, userId: string, secret: string, now: Date) {
  return tx
    .insertInto('user_authenticators')
    .values({ user_id: userId, type: 'totp', secret, confirmed: false, created_at: now })
    .onConflict((oc) =>
      oc
        .columns(['user_id', 'type'])
        .doUpdateSet({ secret, created_at: now, last_used_at: null, last_accepted_step: null })
        .where('user_authenticators.confirmed', '=', false),
    )
    .returning('id')
    .executeTakeFirst();
}

/**
 * Confirms an enrolment; the code that confirmed it counts as its first use, so its step is recorded
 * (that code cannot then also pass a sign-in).
 */
export function confirmAuthenticator(tx: Tx, userId: string, authenticatorId: string, step: number, now: Date) {
  return tx
    .updateTable('user_authenticators')
    .set({ confirmed: true, last_used_at: now, last_accepted_step: step })
    .where('user_id', '=', userId)
    .where('id', '=', authenticatorId)
    .executeTakeFirst();
}

/**
 * Records a use of the authenticator by a code of `step`, only when `step` is later than the last one
 * accepted; true when it was. Check and record are one conditional UPDATE: of concurrent submissions
 * of one code, the row lock lets exactly one through (the others re-check and find the step taken).
 */
export async function claimTotpStep(tx: Tx, authenticatorId: string, step: number, now: Date): Promise<boolean> {
  const result = await tx
    .updateTable('user_authenticators')
    .set({ last_accepted_step: step, last_used_at: now })
    .where('id', '=', authenticatorId)
    .where((eb) => eb.or([eb('last_accepted_step', 'is', null), eb('last_accepted_step', '<', String(step))]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export function deleteAuthenticator(tx: Tx, userId: string, authenticatorId: string) {
  return tx.deleteFrom('user_authenticators').where('user_id', '=', userId).where('id', '=', authenticatorId).executeTakeFirst();
}

/** Is the user an active member of an organization that requires two-factor authentication? */
export async function belongsToOrgRequiring2fa(db: Executor, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('members as m')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select('o.id')
    .where('m.user_id', '=', userId)
    .where('m.invite_status', '=', 0)
    .where('m.user_is_active', '=', true)
    .where('o.require_2fa', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}
