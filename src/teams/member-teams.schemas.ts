import { Type } from '@sinclair/typebox';
import { IdOrSlug, MemberIdParam, Nullable, OrgIdOrSlug } from '../platform/http/schemas.js';
import { TEAM_ROLE_IDS } from '../access/roles.js';

export const MemberTeamParams = Type.Object({
  organization_id_or_slug: OrgIdOrSlug,
  member_id: MemberIdParam,
  team_id_or_slug: IdOrSlug,
});

/** A team role change: `teamRole` is one of the team roles; `isActive` is accepted and ignored (as in Sentry). */
export const MemberTeamBody = Type.Object({
  teamRole: Type.Optional(Type.Union(TEAM_ROLE_IDS.map((id) => Type.Literal(id)))),
  isActive: Type.Optional(Type.Boolean()),
});

/** A membership as these routes show it: the raw stored team role (null when the org role implies it). */
export const MemberTeamSchema = Type.Object({ isActive: Type.Boolean(), teamRole: Nullable(Type.String()) });
