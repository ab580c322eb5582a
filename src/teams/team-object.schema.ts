import { Type } from '@sinclair/typebox';
import { DateTime, Nullable } from '../platform/http/schemas.js';

// On its own so that the organization schemas can embed it (an organization lists its teams) while
// teams.schemas.ts embeds the organization summary, without an import cycle.

/** Sentry's Team object, computed for the requester (§6.5). */
export const TeamSchema = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  name: Type.String(),
  dateCreated: DateTime,
  isMember: Type.Boolean(),
  teamRole: Nullable(Type.String()),
  flags: Type.Object({ 'idp:provisioned': Type.Boolean() }),
  access: Type.Array(Type.String()),
  hasAccess: Type.Boolean(),
  isPending: Type.Boolean(),
  memberCount: Type.Integer(),
  avatar: Type.Object({ avatarType: Type.String(), avatarUuid: Nullable(Type.String()) }),
});
