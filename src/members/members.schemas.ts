import { Type } from '@sinclair/typebox';
import { DetailedUserSchema, UserSchema } from '../accounts/users.presenter.js';
import { DateTime, MemberIdParam, Nullable, OrgIdOrSlug } from '../http/schemas.js';
import { PaginationQueryFields } from '../http/pagination.js';
import { OrgRoleSchema, TeamRoleSchema } from '../roles/roles.presenter.js';

export const MemberFlags = Type.Object({
  'idp:provisioned': Type.Boolean(),
  'idp:role-restricted': Type.Boolean(),
  'sso:linked': Type.Boolean(),
  'sso:invalid': Type.Boolean(),
  'member-limit:restricted': Type.Boolean(),
  'partnership:restricted': Type.Boolean(),
});

const memberFields = {
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  user: Nullable(UserSchema),
  orgRole: Type.String(),
  role: Type.String(),
  roleName: Type.String(),
  pending: Type.Boolean(),
  expired: Type.Boolean(),
  flags: MemberFlags,
  dateCreated: DateTime,
  inviteStatus: Type.String(),
  inviterName: Nullable(Type.String()),
};

/** Sentry's Member (list and invite responses, sentry-behavior.md §6.1). */
export const MemberSchema = Type.Object(memberFields);

const teamFields = {
  teams: Type.Array(Type.String()),
  teamRoles: Type.Array(Type.Object({ teamSlug: Type.String(), role: Nullable(Type.String()) })),
};

/** MemberWithRoles (member GET and PUT responses, §6.2–6.3). */
export const MemberWithRolesSchema = Type.Object({
  ...memberFields,
  ...teamFields,
  user: Nullable(Type.Union([DetailedUserSchema, UserSchema])),
  isOnlyOwner: Type.Boolean(),
  orgRoleList: Type.Array(OrgRoleSchema),
  roles: Type.Array(OrgRoleSchema),
  teamRoleList: Type.Array(TeamRoleSchema),
  invite_link: Nullable(Type.String()),
});

export const OrgParams = Type.Object({ organization_id_or_slug: OrgIdOrSlug });
export const MemberParams = Type.Object({ organization_id_or_slug: OrgIdOrSlug, member_id: MemberIdParam });

export const ListMembersQuery = Type.Object({
  query: Type.Optional(Type.String({ maxLength: 1000 })),
  ...PaginationQueryFields,
  expand: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Array(Type.String({ maxLength: 64 }), { maxItems: 10 })])),
});
