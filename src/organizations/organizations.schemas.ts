import { Type } from '@sinclair/typebox';
import { NameText } from '../platform/http/schemas.js';
import { summaryFields } from '../access/org-summary.js';
import { OrgRoleSchema, TeamRoleSchema } from '../access/roles.presenter.js';
import { TeamSchema } from '../teams/team-object.schema.js';

export const OrganizationDetails = Type.Object({
  ...summaryFields,
  features: Type.Optional(Type.Array(Type.String())),
  /** The requester's scopes in this organization. */
  access: Type.Array(Type.String()),
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
  /** Active teams as Team objects for the requester, unless a GET asks `?detailed=0` (projects are out of scope). */
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

// Sentry compares each flag with "0" and nothing else: `?detailed=false` still lists the teams.
export const GetOrganizationQuery = Type.Object({
  detailed: Type.Optional(Type.String({ maxLength: 5, description: '`0` leaves out `teams` (and the projects Roster does not have)' })),
  include_feature_flags: Type.Optional(Type.String({ maxLength: 5, description: 'Anything but `0` adds `features`' })),
});
