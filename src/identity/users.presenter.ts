import crypto from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import type { UserRow } from '../platform/db/schema.js';
import { DateTime, Nullable } from '../platform/http/schemas.js';

/**
 * Sentry's user serialization. `UserSchema` is the shape every response that embeds a user declares
 * (members, audit entries); `SelfUserSchema` is `GET /users/me/`, which adds emails and authenticators.
 */

export const UserEmailSchema = Type.Object({ id: Type.String(), email: Type.String(), is_verified: Type.Boolean() });

export const AuthenticatorSchema = Type.Object({
  id: Type.String(),
  type: Type.Literal('totp'),
  name: Type.String(),
  dateCreated: DateTime,
  dateUsed: Nullable(DateTime),
});

const userFields = {
  id: Type.String(),
  name: Type.String(),
  username: Type.String(),
  email: Type.String(),
  avatarUrl: Type.String(),
  isActive: Type.Boolean(),
  isSuspended: Type.Boolean(),
  hasPasswordAuth: Type.Boolean(),
  isManaged: Type.Boolean(),
  dateJoined: DateTime,
  lastLogin: Nullable(DateTime),
  has2fa: Type.Boolean(),
  lastActive: Nullable(DateTime),
  isSuperuser: Type.Boolean(),
  isStaff: Type.Boolean(),
  experiments: Type.Record(Type.String(), Type.Unknown()),
  avatar: Type.Object({
    avatarType: Type.String(),
    avatarUuid: Nullable(Type.String()),
    avatarUrl: Nullable(Type.String()),
  }),
};

/** A user as embedded in other objects; `emails` only where the presenter adds them. */
export const UserSchema = Type.Object({ ...userFields, emails: Type.Optional(Type.Array(UserEmailSchema)) });

export const SelfUserSchema = Type.Object({
  ...userFields,
  emails: Type.Array(UserEmailSchema),
  authenticators: Type.Array(AuthenticatorSchema),
});

export type PresentedUser = Static<typeof UserSchema>;

/** The user columns the presenters read (`findUsersWithTwoFactor` selects them, with `has2fa`). */
export type PresentableUser = Pick<UserRow, 'id' | 'email' | 'name' | 'is_active' | 'is_superuser' | 'email_verified' | 'date_joined' | 'last_login'>;

/** What surrounds the hex MD5 of the address in a Gravatar URL (the member list builds it in SQL too). */
export const GRAVATAR_URL = { prefix: 'https://gravatar.com/avatar/', suffix: '?s=32&d=mm' } as const;

/** Sentry's default avatar: the Gravatar of the email at 32 px, "mystery person" when none. */
export function gravatarUrl(email: string): string {
  const hash = crypto.createHash('md5').update(email.trim().toLowerCase()).digest('hex');
  return `${GRAVATAR_URL.prefix}${hash}${GRAVATAR_URL.suffix}`;
}

/**
 * A user in Sentry's standard shape without `emails` (what member responses embed). `has2fa` is
 * whether the user has a confirmed authenticator (`hasTwoFactor` in users.queries.ts).
 */
export function presentUser(user: PresentableUser, has2fa: boolean): PresentedUser {
  return {
    id: user.id,
    // Sentry's display name: the name, else the email.
    name: user.name || user.email,
    username: user.email,
    email: user.email,
    avatarUrl: gravatarUrl(user.email),
    isActive: user.is_active,
    isSuspended: false,
    // Roster has no passwords: people sign in with emailed links (and TOTP).
    hasPasswordAuth: false,
    isManaged: false,
    dateJoined: user.date_joined,
    lastLogin: user.last_login,
    has2fa,
    lastActive: user.last_login,
    isSuperuser: user.is_superuser,
    isStaff: false,
    experiments: {},
    avatar: { avatarType: 'letter_avatar', avatarUuid: null, avatarUrl: null },
  };
}

/** Roster keeps one address per user; it is listed with the user's id as its id. */
export function presentUserEmails(user: PresentableUser): Array<Static<typeof UserEmailSchema>> {
  return [{ id: user.id, email: user.email, is_verified: user.email_verified }];
}

/** The standard user with its `emails`. */
export function presentUserWithEmails(user: PresentableUser, has2fa: boolean): PresentedUser {
  return { ...presentUser(user, has2fa), emails: presentUserEmails(user) };
}

export interface AuthenticatorRow {
  id: string;
  type: 'totp';
  created_at: Date;
  last_used_at: Date | null;
}

/** A confirmed authenticator as Sentry lists it on a detailed user. */
export function presentAuthenticator(row: AuthenticatorRow): Static<typeof AuthenticatorSchema> {
  return { id: row.id, type: row.type, name: 'Authenticator App', dateCreated: row.created_at, dateUsed: row.last_used_at };
}

/** The requester's own account (`GET /users/me/`): emails and confirmed authenticators included. */
export function presentSelf(user: PresentableUser, authenticators: readonly AuthenticatorRow[]): Static<typeof SelfUserSchema> {
  return {
    ...presentUser(user, authenticators.length > 0),
    emails: presentUserEmails(user),
    authenticators: authenticators.map(presentAuthenticator),
  };
}

/** The detailed user of a member whom the requester may assign roles to (Sentry's detailed serializer). */
export const DetailedUserSchema = Type.Object({
  ...userFields,
  emails: Type.Array(UserEmailSchema),
  authenticators: Type.Array(AuthenticatorSchema),
  canReset2fa: Type.Boolean(),
});
