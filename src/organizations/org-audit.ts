import type { Organization } from '../access/org-context.js';
import type { OrganizationPayload } from '../audit/audit-payloads.js';

type FlagColumns = Pick<
  Organization,
  | 'allow_joinleave' | 'enhanced_privacy' | 'disable_shared_issues' | 'early_adopter' | 'require_2fa'
  | 'require_email_verification' | 'disable_member_project_creation' | 'prevent_superuser_access'
  | 'disable_member_invite'
>;

/** Sentry's flag names with their bit values, in Sentry's order (sentry-behavior.md §2.1). */
export const ORG_FLAG_BITS: ReadonlyArray<[keyof FlagColumns, string, number]> = [
  ['allow_joinleave', 'allow_joinleave', 1],
  ['enhanced_privacy', 'enhanced_privacy', 2],
  ['disable_shared_issues', 'disable_shared_issues', 4],
  ['early_adopter', 'early_adopter', 8],
  ['require_2fa', 'require_2fa', 16],
  ['require_email_verification', 'require_email_verification', 64],
  ['disable_member_project_creation', 'disable_member_project_creation', 256],
  ['prevent_superuser_access', 'prevent_superuser_access', 512],
  ['disable_member_invite', 'disable_member_invite', 1024],
];

export function orgFlagsBitfield(org: FlagColumns): number {
  return ORG_FLAG_BITS.reduce((bits, [column, , bit]) => (org[column] ? bits | bit : bits), 0);
}

/** The organization as audit entries record it. */
export function orgAuditData(org: Pick<Organization, 'id' | 'slug' | 'name' | 'status' | 'default_role'> & FlagColumns): OrganizationPayload {
  return {
    id: org.id,
    slug: org.slug,
    name: org.name,
    status: org.status,
    flags: orgFlagsBitfield(org),
    default_role: org.default_role,
  };
}
