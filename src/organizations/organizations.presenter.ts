import type { Static } from '@sinclair/typebox';
import type { Config } from '../config.js';
import { allowedOrgRoles } from '../roles/access.js';
import { ORG_ROLES } from '../roles/roles.js';
import { presentOrgRoleList, presentTeamRoleList } from '../roles/roles.presenter.js';
import type { OrgContext, Organization } from './org-context.js';
import { enabledFeatures } from './org-options.js';
import type { OrganizationDetails, OrganizationSummary } from './organizations.schemas.js';
import type { TeamSchema } from '../teams/team-object.schema.js';

const STATUS_NAMES = ['active', 'pending_deletion', 'deletion_in_progress', 'relocation_pending_approval'];

export function avatarUrl(config: Pick<Config, 'publicUrl'>, org: Pick<Organization, 'avatar_type' | 'avatar_uuid'>) {
  return org.avatar_type === 'upload' && org.avatar_uuid ? `${config.publicUrl}/organization-avatar/${org.avatar_uuid}/` : null;
}

export function presentOrganizationSummary(
  config: Pick<Config, 'publicUrl'>,
  org: Organization,
  hasAuthProvider: boolean,
): Static<typeof OrganizationSummary> {
  return {
    id: org.id,
    slug: org.slug,
    status: { id: STATUS_NAMES[org.status] ?? 'active', name: STATUS_NAMES[org.status] ?? 'active' },
    name: org.name || org.slug,
    dateCreated: org.date_added,
    isEarlyAdopter: org.early_adopter,
    require2FA: org.require_2fa,
    requireEmailVerification: org.require_email_verification,
    avatar: { avatarType: org.avatar_type, avatarUuid: org.avatar_uuid, avatarUrl: avatarUrl(config, org) },
    allowMemberInvite: !org.disable_member_invite,
    allowMemberProjectCreation: !org.disable_member_project_creation,
    allowSuperuserAccess: !org.prevent_superuser_access,
    links: { organizationUrl: `${config.publicUrl}/organizations/${org.slug}/`, regionUrl: config.publicUrl },
    hasAuthProvider,
    features: enabledFeatures(org.features),
  };
}

/**
 * The detailed organization as one requester sees it (sentry-behavior.md §6.6, in-scope fields only):
 * `teams` when given, `features` when `withFeatures`.
 */
export function presentOrganizationDetails(
  config: Pick<Config, 'publicUrl'>,
  context: OrgContext,
  pendingAccessRequests: number,
  teams: Static<typeof TeamSchema>[] | null,
  withFeatures: boolean,
): Static<typeof OrganizationDetails> {
  const { org, options } = context;
  const teamRolesEnabled = context.feature('team-roles');
  const { features, ...summary } = presentOrganizationSummary(config, org, context.authProvider !== null);
  return {
    ...summary,
    ...(withFeatures ? { features } : {}),
    access: [...context.access.scopes],
    experiments: {},
    isDefault: false,
    defaultRole: org.default_role,
    availableRoles: ORG_ROLES.filter((role) => role.id !== 'billing').map((role) => ({ id: role.id, name: role.name })),
    orgRoleList: presentOrgRoleList(allowedOrgRoles(context.access, context.scopeOptions), teamRolesEnabled),
    teamRoleList: presentTeamRoleList(),
    openMembership: org.allow_joinleave,
    allowSharedIssues: !org.disable_shared_issues,
    enhancedPrivacy: org.enhanced_privacy,
    dataScrubber: options.dataScrubber as boolean,
    dataScrubberDefaults: options.dataScrubberDefaults as boolean,
    sensitiveFields: options.sensitiveFields as string[],
    safeFields: options.safeFields as string[],
    storeCrashReports: options.storeCrashReports as number,
    attachmentsRole: options.attachmentsRole as string,
    debugFilesRole: options.debugFilesRole as string,
    eventsMemberAdmin: options.eventsMemberAdmin as boolean,
    alertsMemberWrite: options.alertsMemberWrite as boolean,
    scrubIPAddresses: options.scrubIPAddresses as boolean,
    scrapeJavaScript: options.scrapeJavaScript as boolean,
    allowJoinRequests: options.allowJoinRequests as boolean,
    requiresSso: context.authProvider !== null && !context.authProvider.allowUnlinked,
    pendingAccessRequests,
    ...(context.member ? { role: context.member.role, orgRole: context.member.role } : {}),
    ...(teams !== null ? { teams } : {}),
  };
}
