import { Type, type Static } from '@sinclair/typebox';
import { NameText, Nullable } from '../platform/http/schemas.js';
import { OrganizationDetails } from './organizations.schemas.js';
import { AVATAR_MAX_BYTES } from './avatar.js';

/** Bounds one list of data-scrubbing field names; the rule that matters (4,000 characters in all) is checked in the service. */
const FieldNames = Type.Array(Type.String({ maxLength: 4000 }), { maxItems: 4000 });

/**
 * `PUT /api/0/organizations/{org}/`: the settings decisions.md keeps. Every field is optional; any
 * other field (projects, relays, sampling, AI and PR-bot options, Codecov) is dropped unread.
 * `defaultRole` and `cancelDeletion` only count for requesters with `org:admin` (Sentry's owner
 * serializer), so their choices are checked in the service, not here.
 */
// `additionalProperties: false` with the validator's `removeAdditional` drops unknown fields silently,
// as Sentry's serializer ignores them.
export const UpdateOrganizationBody = Type.Object({
  name: Type.Optional(NameText({ minLength: 1, maxLength: 64 })),
  slug: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  avatarType: Type.Optional(Type.Union([Type.Literal('letter_avatar'), Type.Literal('upload')])),
  avatar: Type.Optional(Nullable(Type.String({ description: 'The image, base64-encoded: GIF, JPEG or PNG, square, 256 to 1024 px' }))),
  defaultRole: Type.Optional(Type.String({ maxLength: 32, description: 'member, admin, manager or owner (org:admin only)' })),
  openMembership: Type.Optional(Type.Boolean()),
  allowMemberInvite: Type.Optional(Type.Boolean()),
  allowJoinRequests: Type.Optional(Type.Boolean()),
  allowSharedIssues: Type.Optional(Type.Boolean()),
  enhancedPrivacy: Type.Optional(Type.Boolean()),
  isEarlyAdopter: Type.Optional(Type.Boolean()),
  require2FA: Type.Optional(Type.Boolean()),
  requireEmailVerification: Type.Optional(Type.Boolean()),
  eventsMemberAdmin: Type.Optional(Type.Boolean()),
  alertsMemberWrite: Type.Optional(Type.Boolean()),
  dataScrubber: Type.Optional(Type.Boolean()),
  dataScrubberDefaults: Type.Optional(Type.Boolean()),
  sensitiveFields: Type.Optional(FieldNames),
  safeFields: Type.Optional(FieldNames),
  scrubIPAddresses: Type.Optional(Type.Boolean()),
  storeCrashReports: Type.Optional(Type.Integer({ minimum: -1, maximum: 100 })),
  attachmentsRole: Type.Optional(Type.String({ maxLength: 32 })),
  debugFilesRole: Type.Optional(Type.String({ maxLength: 32 })),
  scrapeJavaScript: Type.Optional(Type.Boolean()),
  cancelDeletion: Type.Optional(Type.Boolean({ description: 'Restores an organization pending deletion (org:admin only)' })),
}, { additionalProperties: false });

export type UpdateOrganizationBody = Static<typeof UpdateOrganizationBody>;

/**
 * The one route that takes a large body, because it carries the avatar: the largest image it accepts,
 * base64-encoded, and 64 KiB for every other setting (data-scrubbing lists included). Over the image
 * limit but within this, the answer is the 413 `Image too large` that Sentry gives.
 */
export const SETTINGS_BODY_LIMIT = 4 * Math.ceil(AVATAR_MAX_BYTES / 3) + 64 * 1024;

/**
 * The answer to a settings change: the organization, and, when 2FA or email verification was
 * enforced, the members left in place and emailed to comply because the requester could not have
 * removed them (issue 13 item 2; README, "Where Roster differs").
 */
export const UpdatedOrganization = Type.Composite([
  OrganizationDetails,
  Type.Object({
    membersAskedToComply: Type.Optional(Type.Array(Type.Object({ id: Type.String(), email: Type.String(), orgRole: Type.String() }))),
  }),
]);
