import { Type, type Static } from '@sinclair/typebox';
import type { Config } from '../config.js';
import { DateTime, Nullable } from '../platform/http/schemas.js';
import type { Organization } from './org-context.js';
import { enabledFeatures } from './org-options.js';

/*
 * The organization as every resource names it (Sentry nests it in teams, lists it on its own, and
 * builds the detailed organization on it): its schema and presenter live beside the org context so
 * resources below organizations/ can use them.
 */

/** Sentry's organization summary (list, and the base of the detailed shape). */
export const summaryFields = {
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
};

/** The list carries the feature flags; the detailed organization only when asked (`?include_feature_flags=1` on GET). */
export const OrganizationSummary = Type.Object({ ...summaryFields, features: Type.Array(Type.String()) });

const STATUS_NAMES = ['active', 'pending_deletion', 'deletion_in_progress', 'relocation_pending_approval'];

/** Sentry's name of an organization's status (`active`, `pending_deletion`, …). */
export function organizationStatusName(status: number): string {
  return STATUS_NAMES[status] ?? 'active';
}

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
    status: { id: organizationStatusName(org.status), name: organizationStatusName(org.status) },
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

