import type { Static } from '@sinclair/typebox';
import type { Config } from '../config.js';
import { allowedOrgRoles } from '../access/access.js';
import { ORG_ROLES } from '../access/roles.js';
import { presentOrgRoleList, presentTeamRoleList } from '../access/roles.presenter.js';
import type { OrgContext } from '../access/org-context.js';
import type { OrganizationDetails } from './organizations.schemas.js';
import { presentOrganizationSummary } from '../access/org-summary.js';
import type { TeamSchema } from '../teams/team-object.schema.js';

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
