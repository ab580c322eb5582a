import { PaginationQueryFields } from '../platform/http/pagination.js';
import { Type } from '@sinclair/typebox';
import { IdOrSlug, NameText, Nullable, OrgIdOrSlug } from '../platform/http/schemas.js';
import { MemberSchema } from '../members/members.schemas.js';
import { OrganizationSummary } from '../access/org-summary.js';
import { TeamSchema } from './team-object.schema.js';

export { TeamSchema };

export const TEAM_SLUG_MESSAGE =
  'Enter a valid slug consisting of lowercase letters, numbers, underscores or hyphens. It cannot be entirely numeric.';

/**
 * A team slug as Sentry validates it (sentry-behavior.md §2.3). The pattern sits in its own subschema
 * so that only it carries Sentry's slug message; a slug that is too long gets the length message.
 */
export const TeamSlug = Type.String({
  maxLength: 50,
  allOf: [{ pattern: '^(?![0-9]+$)[a-z0-9_\\-]+$', errorMessage: TEAM_SLUG_MESSAGE }],
});
// One schema with two types (not a union), so a bad slug gets one message, not one per branch.
// Its static type is declared by hand: the route casts the body to Static<typeof CreateTeamBody>.
const NullableTeamSlug = Type.Unsafe<string | null>({ ...TeamSlug, type: ['string', 'null'] });

/** The Team object with its organization, as `GET /teams/{org}/{team}/` answers unless `collapse=organization`. */
export const TeamDetailsSchema = Type.Object({
  ...TeamSchema.properties,
  organization: Type.Optional(OrganizationSummary),
});

/** A member of a team: the Member object plus its role on that team (raw, null when implied). */
export const TeamMemberSchema = Type.Object({
  ...MemberSchema.properties,
  teamRole: Nullable(Type.String()),
  teamSlug: Type.String(),
});

export const TeamParams = Type.Object({ organization_id_or_slug: OrgIdOrSlug, team_id_or_slug: IdOrSlug });


export const ListTeamsQuery = Type.Object({
  team: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 100 })),
  query: Type.Optional(Type.String({ maxLength: 1000 })),
  detailed: Type.Optional(Type.String({ maxLength: 5 })),
  ...PaginationQueryFields,
});

export const ListTeamMembersQuery = Type.Object({ ...PaginationQueryFields });

export const TeamDetailsQuery = Type.Object({
  expand: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 10 })),
  collapse: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 10 })),
});

export const CreateTeamBody = Type.Object({
  slug: Type.Optional(NullableTeamSlug),
  name: Type.Optional(Type.Unsafe<string | null>({ ...NameText({ maxLength: 64 }), type: ['string', 'null'] })),
});

export const UpdateTeamBody = Type.Object({
  slug: Type.Optional(TeamSlug),
  name: Type.Optional(NameText({ maxLength: 64 })),
});
