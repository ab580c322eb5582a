import type { Executor, Tx } from '../platform/db/database.js';

/**
 * The SSO sign-in flow's own tables: pending sign-ins (by the hash of their state), the SAML ids
 * already used, the identities linked through the provider, and the sessions that came through it.
 */

/** The organization a sign-in names (by slug, or by id from a pending sign-in), with its provider; undefined when there is none. */
export function findSsoOrganization(db: Executor, by: { slug: string } | { id: string }) {
  return db
    .selectFrom('organizations as o')
    .leftJoin('auth_providers as ap', 'ap.organization_id', 'o.id')
    .select(['o.id', 'o.slug', 'o.name', 'o.default_role', 'ap.provider', 'ap.config'])
    .where('slug' in by ? 'o.slug' : 'o.id', '=', 'slug' in by ? by.slug : by.id)
    .executeTakeFirst();
}

export type SsoOrganization = NonNullable<Awaited<ReturnType<typeof findSsoOrganization>>>;

/** The organization's provider and default role, the provider row locked: sign-ins of one organization finish one at a time. */
export function lockSsoProvider(db: Executor, orgId: string) {
  return db
    .selectFrom('auth_providers as ap')
    .innerJoin('organizations as o', 'o.id', 'ap.organization_id')
    .select(['ap.id', 'ap.provider', 'o.slug', 'o.default_role'])
    .where('ap.organization_id', '=', orgId)
    .forNoKeyUpdate('ap')
    .executeTakeFirst();
}

export function insertPendingSignin(
  tx: Tx,
  row: {
    stateHash: string;
    orgId: string;
    flow: 'login' | 'link';
    userId: string | null;
    sessionId: string | null;
    nextUrl: string;
    data: Record<string, unknown>;
    expiresAt: Date;
  },
) {
  return tx
    .insertInto('sso_pending_signins')
    .values({
      state_hash: row.stateHash,
      organization_id: row.orgId,
      flow: row.flow,
      user_id: row.userId,
      session_id: row.sessionId,
      next_url: row.nextUrl,
      data: JSON.stringify(row.data),
      expires_at: row.expiresAt,
    })
    .execute();
}

/** Takes a pending sign-in by its state's hash (deleted: a state answers once, whatever follows); undefined when unknown. */
export function takePendingSignin(tx: Tx, stateHash: string) {
  return tx
    .deleteFrom('sso_pending_signins')
    .where('state_hash', '=', stateHash)
    .returning(['organization_id', 'flow', 'user_id', 'session_id', 'next_url', 'data', 'expires_at'])
    .executeTakeFirst();
}

export type PendingSignin = NonNullable<Awaited<ReturnType<typeof takePendingSignin>>>;

/**
 * How many expired rows one sign-in clears at most: the housekeeping stays a small, bounded part of
 * a request, and rows left over go with the next sign-ins.
 */
const HOUSEKEEPING_BATCH = 500;

/**
 * Sign-ins nobody finished within their 10 minutes. Rows another transaction is deleting are
 * skipped, not waited for: two sign-ins clearing at once neither queue nor deadlock.
 */
export async function deleteExpiredPendingSignins(tx: Tx, now: Date): Promise<void> {
  await tx
    .deleteFrom('sso_pending_signins')
    .where('state_hash', 'in', (eb) =>
      eb.selectFrom('sso_pending_signins').select('state_hash').where('expires_at', '<=', now).limit(HOUSEKEEPING_BATCH).forUpdate().skipLocked(),
    )
    .execute();
}

/** SAML ids whose assertions have expired anyway: a replay of them fails on its time window. Skips locked rows, as above. */
export async function deleteExpiredSamlIds(tx: Tx, now: Date): Promise<void> {
  await tx
    .deleteFrom('saml_seen_ids')
    .where(({ eb, refTuple, selectFrom }) =>
      eb(
        refTuple('organization_id', 'seen_id'),
        'in',
        selectFrom('saml_seen_ids')
          .select(['organization_id', 'seen_id'])
          .where('expires_at', '<=', now)
          .limit(HOUSEKEEPING_BATCH)
          .forUpdate()
          .skipLocked()
          .$asTuple('organization_id', 'seen_id'),
      ),
    )
    .execute();
}

/** Records a SAML id as used until `expiresAt`; true when it had been recorded before (a replay). */
export async function recordSamlIdSeen(tx: Tx, orgId: string, seenId: string, expiresAt: Date): Promise<boolean> {
  const inserted = await tx
    .insertInto('saml_seen_ids')
    .values({ organization_id: orgId, seen_id: seenId, expires_at: expiresAt })
    .onConflict((conflict) => conflict.columns(['organization_id', 'seen_id']).doNothing())
    .returning('seen_id')
    .executeTakeFirst();
  return inserted === undefined;
}

/** The identity with this provider id, and whether its account is active. */
export function findIdentityByIdent(db: Executor, orgId: string, ident: string) {
  return db
    .selectFrom('auth_identities as ai')
    .innerJoin('users as u', 'u.id', 'ai.user_id')
    .select(['ai.id', 'ai.user_id', 'u.is_active'])
    .where('ai.organization_id', '=', orgId)
    .where('ai.ident', '=', ident)
    .executeTakeFirst();
}

/** The identity a user holds in the organization, if any. */
export function findIdentityOfUser(db: Executor, orgId: string, userId: string) {
  return db.selectFrom('auth_identities').select(['id', 'ident']).where('organization_id', '=', orgId).where('user_id', '=', userId).executeTakeFirst();
}

/** Points the identity at `userId` with what the provider said now; verified and synced now. */
export async function updateIdentity(tx: Tx, orgId: string, id: string, change: { userId: string; ident: string; data: Record<string, unknown>; now: Date }) {
  await tx
    .updateTable('auth_identities')
    .set({ user_id: change.userId, ident: change.ident, data: JSON.stringify(change.data), last_verified: change.now, last_synced: change.now })
    .where('organization_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function insertIdentity(tx: Tx, row: { orgId: string; userId: string; ident: string; data: Record<string, unknown>; now: Date }) {
  await tx
    .insertInto('auth_identities')
    .values({
      organization_id: row.orgId,
      user_id: row.userId,
      ident: row.ident,
      data: JSON.stringify(row.data),
      last_verified: row.now,
      last_synced: row.now,
      date_added: row.now,
    })
    .execute();
}

export async function deleteIdentity(tx: Tx, orgId: string, id: string): Promise<void> {
  await tx.deleteFrom('auth_identities').where('organization_id', '=', orgId).where('id', '=', id).execute();
}

/** The session came through the organization's provider (what the require-SSO gate asks). */
export async function markSessionSso(tx: Tx, sessionId: string, orgId: string, now: Date): Promise<void> {
  await tx
    .insertInto('user_session_sso')
    .values({ session_id: sessionId, organization_id: orgId, completed_at: now })
    .onConflict((conflict) => conflict.columns(['session_id', 'organization_id']).doUpdateSet({ completed_at: now }))
    .execute();
}

/** Deletes the user's SSO identity in the organization (a SCIM deprovision, Roster's choice 7). */
export async function deleteUserIdentity(tx: Tx, orgId: string, userId: string): Promise<void> {
  await tx.deleteFrom('auth_identities').where('organization_id', '=', orgId).where('user_id', '=', userId).execute();
}
