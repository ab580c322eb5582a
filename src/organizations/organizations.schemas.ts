import { Type } from '@sinclair/typebox';
import { DateTime, NameText, Nullable } from '../http/schemas.js';
import { OrgRoleSchema, TeamRoleSchema } from '../roles/roles.presenter.js';
import { TeamSchema } from '../teams/team-object.schema.js';

/** Sentry's organization summary (list, and the base of the detailed shape). */
const summaryFields = {
  id: Type.String(),
  slug: Type.String(),
  status: Type.Object({ id: Type.String(), name: Type.String() }),
  name: Type.String(),
  dateCreated: DateTime,
  isEarlyAdopter: Type.Boolean(),
  require2FA: Type.Boolean(),
  requireEmailVerification: Type.Boolean(),
  avatar: Type.Object({
    avatarType: Type.String(),
    avatarUuid: Nullable(Type.String()),
    avatarUrl: Nullable(Type.String()),
  }),
  allowMemberInvite: Type.Boolean(),
  allowMemberProjectCreation: Type.Boolean(),
  allowSuperuserAccess: Type.Boolean(),
  links: Type.Object({ organizationUrl: Type.String(), regionUrl: Type.String() }),
  hasAuthProvider: Type.Boolean(),
  features: Type.Array(Type.String()),
  access: Type.Optional(Type.Array(Type.String())),
};

export const OrganizationSummary = Type.Object(summaryFields);

export const OrganizationDetails = Type.Object({
  ...summaryFields,
  experiments: Type.Object({}),
  isDefault: Type.Boolean(),
  defaultRole: Type.String(),
  availableRoles: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  orgRoleList: Type.Array(OrgRoleSchema),
  teamRoleList: Type.Array(TeamRoleSchema),
  openMembership: Type.Boolean(),
  allowSharedIssues: Type.Boolean(),
  enhancedPrivacy: Type.Boolean(),
  dataScrubber: Type.Boolean(),
  dataScrubberDefaults: Type.Boolean(),
  sensitiveFields: Type.Array(Type.String()),
  safeFields: Type.Array(Type.String()),
  storeCrashReports: Type.Integer(),
  attachmentsRole: Type.String(),
  debugFilesRole: Type.String(),
  eventsMemberAdmin: Type.Boolean(),
  alertsMemberWrite: Type.Boolean(),
  scrubIPAddresses: Type.Boolean(),
  scrapeJavaScript: Type.Boolean(),
  allowJoinRequests: Type.Boolean(),
  requiresSso: Type.Boolean(),
  pendingAccessRequests: Type.Integer(),
  role: Type.Optional(Type.String()),
  orgRole: Type.Optional(Type.String()),
  /** Active teams as Team objects for the requester ("with teams"; projects are out of scope). */
  teams: Type.Optional(Type.Array(TeamSchema)),
});

export const CreateOrganizationBody = Type.Object({
  name: NameText({ minLength: 1, maxLength: 64 }),
  slug: Type.Optional(Type.String({ maxLength: 64 })),
  agreeTerms: Type.Optional(Type.Boolean()),
});

export const ListOrganizationsQuery = Type.Object({
  owner: Type.Optional(Type.Boolean()),
  query: Type.Optional(Type.String({ maxLength: 200 })),
});

export const GetOrganizationQuery = Type.Object({
  detailed: Type.Optional(Type.String({ maxLength: 5 })),
});
