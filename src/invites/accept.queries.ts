import type { Executor, Tx } from '../platform/db/database.js';
import type { UserRow } from '../platform/db/schema.js';
import { violatedUniqueConstraint } from '../platform/db/constraint-errors.js';
import { underSavepoint } from '../platform/db/savepoint.js';
import { insertUser } from '../identity/users.queries.js';

/**
 * The member an invite link names, with what accepting needs of its organization. With an organization
 * (`idOrSlug`, an id when all digits) the member must belong to it; the short link form has none, and
 * the member id alone finds its organization (member ids are unique across organizations). `forUpdate`
 * locks the member row until the transaction ends, so that one invite is consumed once.
 */
export function findInviteByLink(db: Executor, memberId: string, orgIdOrSlug: string | null, forUpdate = false) {
  let query = db
    .selectFrom('members as m')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .leftJoin('auth_providers as ap', 'ap.organization_id', 'm.organization_id')
    .select([
      'm.organization_id',
      'm.id',
      'm.user_id',
      'm.email',
      'm.role',
      'm.invite_status',
      'm.token_hash',
      'm.token_expires_at',
      'o.slug as org_slug',
      'o.name as org_name',
      'o.require_2fa',
      'ap.provider as auth_provider',
      'ap.allow_unlinked as auth_allow_unlinked',
    ])
    .where('m.id', '=', memberId);
  if (orgIdOrSlug !== null) query = query.where(/^\d{1,18}$/.test(orgIdOrSlug) ? 'o.id' : 'o.slug', '=', orgIdOrSlug);
  if (forUpdate) query = query.forUpdate('m');
  return query.executeTakeFirst();
}

export type InviteByLink = NonNullable<Awaited<ReturnType<typeof findInviteByLink>>>;

/** Has the user any member row in the organization (Sentry's `member_already_exists`)? */
export async function hasMemberRow(db: Executor, orgId: string, userId: string): Promise<boolean> {
  const row = await db.selectFrom('members').select('id').where('organization_id', '=', orgId).where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

/**
 * Creates the account of an invited address, marked verified (the invite link proved the address).
 * Null when an account with that address exists already (one was created concurrently).
 */
export async function insertInvitedUser(tx: Tx, email: string): Promise<UserRow | null> {
  try {
    return await underSavepoint(tx, () => insertUser(tx, { email, emailVerified: true }));
  } catch (error) {
    if (violatedUniqueConstraint(error) === 'users_email_key') return null;
    throw error;
  }
}
