import type { Executor, Tx } from '../platform/db/database.js';
import type { UserRow } from '../platform/db/schema.js';

export function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface NewUser {
  email: string;
  name?: string;
  isSuperuser?: boolean;
  emailVerified?: boolean;
}

const userValues = (user: NewUser) => ({
  email: user.email,
  name: user.name ?? '',
  is_superuser: user.isSuperuser ?? false,
  email_verified: user.emailVerified ?? false,
});

export function insertUser(tx: Tx, user: NewUser): Promise<UserRow> {
  return tx.insertInto('users').values(userValues(user)).returningAll().executeTakeFirstOrThrow();
}

/**
 * Inserts the user unless an account holds the address already; then undefined, also when another
 * transaction creates that account at the same moment (PostgreSQL waits for it to commit and skips
 * the row, where a plain insert would fail on `users_email_key`). The caller reads the account again.
 */
export function insertUserUnlessEmailTaken(tx: Tx, user: NewUser): Promise<UserRow | undefined> {
  return tx
    .insertInto('users')
    .values(userValues(user))
    .onConflict((conflict) => conflict.constraint('users_email_key').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export function insertTotpAuthenticator(tx: Tx, userId: string, secret: string, confirmed: boolean) {
  return tx
    .insertInto('user_authenticators')
    .values({ user_id: userId, type: 'totp', secret, confirmed })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Has the user a confirmed two-factor authenticator? (Sentry's `has2fa`; enrolments in progress do not count.) */
export async function hasTwoFactor(db: Executor, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('user_authenticators')
    .select('id')
    .where('user_id', '=', userId)
    .where('confirmed', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}

/** Users with their `has2fa` (whether a confirmed authenticator exists), the columns presenting a user needs. */
function selectUsersWithTwoFactor(db: Executor) {
  return db
    .selectFrom('users as u')
    .select(['u.id', 'u.email', 'u.name', 'u.is_active', 'u.is_superuser', 'u.email_verified', 'u.date_joined', 'u.last_login'])
    .select((eb) =>
      eb
        .exists(eb.selectFrom('user_authenticators as a').select('a.id').whereRef('a.user_id', '=', 'u.id').where('a.confirmed', '=', true))
        .$castTo<boolean>()
        .as('has2fa'),
    );
}

/**
 * Users by id with their `has2fa`, in one statement: what presenting a list of users needs (actors
 * and targets of audit entries, members). Unknown ids are left out.
 */
export function findUsersWithTwoFactor(db: Executor, userIds: readonly string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return selectUsersWithTwoFactor(db).where('u.id', 'in', [...new Set(userIds)]).execute();
}

/** Every user with their `has2fa`, by id (what `roster user list` prints). */
export function listUsers(db: Executor) {
  return selectUsersWithTwoFactor(db).orderBy('u.id').execute();
}
