import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../platform/http/schemas.js';
import { ORG_ROLE_IDS } from '../access/roles.js';

/** Lists of teams are bounded so that a huge body is a 400; no organization needs more on one invite. */
export const MAX_INVITE_TEAMS = 1000;

// DRF's ChoiceField: a string among Sentry's role choices (billing included; the service decides who may give it).
const OrgRoleChoice = Type.String({ enum: [...ORG_ROLE_IDS] });

/**
 * `POST /organizations/{org}/members/` (sentry-behavior.md §5.2). The schema checks what DRF's fields
 * check (types, lengths, role choices); the service runs Sentry's validators and the view's checks in
 * Sentry's order. Unknown fields are dropped, as DRF ignores them.
 */
export const InviteBody = Type.Object(
  {
    email: Type.String({ maxLength: 75, description: 'The address to invite' }),
    orgRole: Type.Optional(OrgRoleChoice),
    role: Type.Optional(OrgRoleChoice),
    teams: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: MAX_INVITE_TEAMS })),
    teamRoles: Type.Optional(
      Nullable(
        Type.Array(
          Type.Object({ teamSlug: Type.String({ maxLength: 64 }), role: Nullable(Type.String({ maxLength: 32 })) }),
          { maxItems: MAX_INVITE_TEAMS },
        ),
      ),
    ),
    sendInvite: Type.Optional(Type.Boolean()),
    reinvite: Type.Optional(Type.Boolean()),
    regenerate: Type.Optional(Type.Boolean()),
    referrer: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type InviteBody = Static<typeof InviteBody>;

/** `?referrer=` goes into the invite link. */
export const InviteQuery = Type.Object({ referrer: Type.Optional(Type.String({ maxLength: 200 })) });

// Accept-invite path segments are checked by the service, so that every bad link gets the same 400.
const Segment = Type.String({ maxLength: 100 });
export const AcceptParams = Type.Object({ organization_id_or_slug: Segment, member_id: Segment, token: Segment });
export const ShortAcceptParams = Type.Object({ member_id: Segment, token: Segment });

/** What the accept page needs to know about a valid invite (§5.8). */
export const AcceptInviteDetails = Type.Object({
  orgSlug: Type.String(),
  // Roster's additions, for the accept page: which organization, and the role the invite grants (its
  // id, and its name as member objects give it in `roleName`).
  orgName: Type.String(),
  orgRole: Type.String(),
  roleName: Type.String(),
  needsAuthentication: Type.Boolean(),
  needsSso: Type.Boolean(),
  hasAuthProvider: Type.Boolean(),
  requireSso: Type.Boolean(),
  existingMember: Type.Boolean(),
  needs2fa: Type.Boolean(),
  needsEmailVerification: Type.Boolean(),
  ssoProvider: Type.Optional(Type.String()),
});
export type AcceptInviteDetails = Static<typeof AcceptInviteDetails>;

