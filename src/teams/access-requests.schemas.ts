import { Type } from '@sinclair/typebox';
import { UserSchema } from '../identity/users.presenter.js';
import { Nullable, OrgIdOrSlug } from '../platform/http/schemas.js';
import { MemberSchema } from '../members/members.schemas.js';
import { TeamSchema } from './teams.schemas.js';

/** An open request to join a team: the team, the member who would join, and who asked on its behalf. */
export const AccessRequestSchema = Type.Object({
  id: Type.String(),
  team: TeamSchema,
  member: MemberSchema,
  requester: Nullable(UserSchema),
});

export const AccessRequestParams = Type.Object({
  organization_id_or_slug: OrgIdOrSlug,
  request_id: Type.String({ pattern: '^[0-9]{1,18}$' }),
});

export const AccessRequestBody = Type.Object({ isApproved: Type.Boolean() });
