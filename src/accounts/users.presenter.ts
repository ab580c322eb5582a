import { Type, type Static } from '@sinclair/typebox';
import { DateTime, Nullable } from '../http/schemas.js';

/** Sentry's user serialization, as member responses embed it (OpenAPI requires `emails` there too). */
export const UserSchema = Type.Object({
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
  experiments: Type.Object({}),
  emails: Type.Array(Type.Object({ id: Type.String(), email: Type.String(), is_verified: Type.Boolean() })),
  avatar: Type.Object({ avatarType: Type.String(), avatarUuid: Nullable(Type.String()), avatarUrl: Nullable(Type.String()) }),
});

/** The detailed user of a member that the requester may manage. */
export const DetailedUserSchema = Type.Object({
  ...UserSchema.properties,
  authenticators: Type.Array(Type.Object({ id: Type.String(), type: Type.String(), name: Type.String() })),
  canReset2fa: Type.Boolean(),
});

export interface PresentableUser {
  id: string;
  email: string;
  name: string;
  is_active: boolean;
  is_superuser: boolean;
  email_verified: boolean;
  date_joined: Date;
  last_login: Date | null;
  has2fa: boolean;
}

export function presentUser(user: PresentableUser): Static<typeof UserSchema> {
  return {
    id: user.id,
    name: user.name || user.email,
    username: user.email,
    email: user.email,
    avatarUrl: '',
    isActive: user.is_active,
    isSuspended: false,
    hasPasswordAuth: false,
    isManaged: false,
    dateJoined: user.date_joined,
    lastLogin: user.last_login,
    has2fa: user.has2fa,
    lastActive: user.last_login,
    isSuperuser: user.is_superuser,
    isStaff: false,
    experiments: {},
    emails: [{ id: user.id, email: user.email, is_verified: user.email_verified }],
    avatar: { avatarType: 'letter_avatar', avatarUuid: null, avatarUrl: null },
  };
}
