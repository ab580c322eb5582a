import { Type, type Static } from '@sinclair/typebox';
import { DetailedUserSchema, UserSchema } from '../identity/users.presenter.js';
import { DateTime, MemberIdParam, Nullable, OrgIdOrSlug } from '../platform/http/schemas.js';
import { PaginationQueryFields } from '../platform/http/pagination.js';
import { OrgRoleSchema, TeamRoleSchema } from '../access/roles.presenter.js';
import { ORG_ROLE_IDS, type OrgRoleId } from '../access/roles.js';

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
  // Roster's addition: when a pending invite's link stops working (null for a member, or an invite
  // whose link never expires), so that an administrator sees it coming instead of only `expired`.
  inviteExpiresAt: Nullable(DateTime),
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

/** DRF's answer to `null` on a field that does not allow it, before the field's own checks. */
const NotNull = <T>(schema: object) =>
  Type.Unsafe<T>({ allOf: [{ not: { type: 'null' }, errorMessage: 'This field may not be null.' }, schema] });

// DRF's BooleanField accepts these spellings (and `1`/`0`).
export const TRUE_VALUES = [true, 1, '1', 't', 'T', 'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'] as const;
export const FALSE_VALUES = [false, 0, '0', 'f', 'F', 'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'] as const;
const BooleanLike = NotNull<(typeof TRUE_VALUES)[number] | (typeof FALSE_VALUES)[number]>({
  enum: [...TRUE_VALUES, ...FALSE_VALUES],
  errorMessage: 'Must be a valid boolean.',
});

/** An org role id; whether the requester may set it is the service's check (its own message). */
const OrgRoleChoice = NotNull<OrgRoleId>({ enum: [...ORG_ROLE_IDS] });

export const MAX_TEAMS_PER_REQUEST = 1000;

/**
 * Body of `PUT …/members/{member_id}/` (sentry-behavior.md §5.4): every field optional, unknown
 * fields dropped. Team slugs and team roles are checked by the service, with Sentry's messages
 * ("Invalid teams", "Invalid team-role"); `email` and `sendInvite` are validated and otherwise ignored.
 */
export const UpdateMemberBody = Type.Object(
  {
    email: Type.Optional(
      NotNull<string>({
        allOf: [
          { type: 'string', maxLength: 75 },
          // Sentry's default blocklist refuses these addresses as invalid.
          { format: 'email', pattern: '^(?![\\s\\S]*@qq\\.com$)', errorMessage: 'Enter a valid email address.' },
        ],
      }),
    ),
    orgRole: Type.Optional(OrgRoleChoice),
    role: Type.Optional(OrgRoleChoice),
    teams: Type.Optional(NotNull<unknown[]>(Type.Array(Type.Unknown(), { maxItems: MAX_TEAMS_PER_REQUEST }))),
    teamRoles: Type.Optional(
      Type.Unsafe<Array<{ teamSlug: unknown; role?: unknown }> | null>({
        type: ['array', 'null'],
        maxItems: MAX_TEAMS_PER_REQUEST,
        items: Type.Object({ teamSlug: Type.Unknown(), role: Type.Optional(Type.Unknown()) }),
      }),
    ),
    sendInvite: Type.Optional(BooleanLike),
    reinvite: Type.Optional(BooleanLike),
    regenerate: Type.Optional(BooleanLike),
  },
  { additionalProperties: false },
);

export type UpdateMemberBody = Static<typeof UpdateMemberBody>;
