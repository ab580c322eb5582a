import type { Executor } from '../platform/db/database.js';
import type { Requester } from './requester.js';
import { notFound, permissionDenied, twoFactorRequired } from '../platform/http/errors.js';
import { computeAccess, hasAnyScope, type Access, type ScopeOptions } from './access.js';
import type { OrgRoleId, Scope, TeamRoleId } from './roles.js';
import { featureEnabled, optionValues, type FeatureName, type OrgOptionValues } from './org-options.js';
import { findOrgContextRow, findOrgContextRowWithMemberRole, lockOrganizationRow, type OrgContextRow } from './org-context.queries.js';
import { ssoGateRefuses, ssoRequired, type SsoGateColumn } from './sso-gate.js';

export type Organization = Omit<
  OrgContextRow,
  'member_id' | 'member_role' | 'auth_provider' | 'auth_allow_unlinked' | 'memberships' | 'options' | 'requester_has_2fa' | SsoGateColumn
>;

/** An organization seen by one requester: what it is, and what the requester may do in it. */
export interface OrgContext {
  readonly org: Organization;
  readonly requester: Requester;
  /** The requester's own membership, when it is an active member. */
  readonly member: { readonly id: string; readonly role: OrgRoleId } | null;
  readonly access: Access;
  readonly options: OrgOptionValues;
  readonly scopeOptions: ScopeOptions;
  readonly authProvider: { readonly provider: string; readonly allowUnlinked: boolean } | null;
  readonly memberships: ReadonlyArray<{ teamId: string; role: TeamRoleId | null }>;
  feature(name: FeatureName): boolean;
}

export interface LoadOrgContextOptions {
  /** The requester needs at least one of these scopes (403 otherwise). */
  anyScope?: readonly Scope[];
  /** Lock the organization row until the transaction ends (serializes owner-changing writes); the context is read after the lock. */
  forUpdate?: boolean;
}

/**
 * Loads the organization and the requester's access to it. An organization the requester does not
 * belong to is a 404, as if it did not exist (superusers see every organization); a member lacking
 * every scope in `anyScope` is a 403. With a browser session, Sentry's org gates apply first (§1.3):
 * an organization requiring 2FA is a 401 `2fa-required` to a user without it (superusers exempt), and
 * one requiring SSO a 401 `sso-required` to a member who has not come through its provider (sso-gate.ts).
 */
export async function loadOrgContext(
  db: Executor,
  requester: Requester,
  idOrSlug: string,
  { anyScope, forUpdate = false }: LoadOrgContextOptions = {},
): Promise<OrgContext> {
  // Lock first, then read in a new statement: a statement that waited for the lock still reads with
  // the snapshot it started with, so it would miss what the previous lock holder just committed.
  if (forUpdate) await lockOrganizationRow(db, idOrSlug);
  return checkedOrgContext(await findOrgContextRow(db, idOrSlug, requester.userId, requester.session?.id ?? null), requester, anyScope);
}

/**
 * `loadOrgContext` without the lock, and in the same round trip the role of the approved member
 * `memberId` (a member id) as last committed, unlocked: null when the organization has no such member.
 * A write that locks the organization only for some members uses it to choose its locks before it takes
 * any; the role may change before the member is locked, so it checks again once it holds the member.
 */
export async function loadOrgContextWithMemberRole(
  db: Executor,
  requester: Requester,
  idOrSlug: string,
  memberId: string,
  { anyScope }: Pick<LoadOrgContextOptions, 'anyScope'> = {},
): Promise<{ context: OrgContext; memberRole: OrgRoleId | null }> {
  const found = await findOrgContextRowWithMemberRole(db, idOrSlug, requester.userId, requester.session?.id ?? null, memberId);
  if (!found) throw notFound();
  const { peeked_member_role: memberRole, ...row } = found;
  return { context: checkedOrgContext(row, requester, anyScope), memberRole: memberRole as OrgRoleId | null };
}

/**
 * The organization alone, for a caller that is no user (an identity provider with its SCIM token):
 * 404 when there is no such organization. With `forUpdate`, its row is locked first, as in
 * `loadOrgContext`.
 */
export async function loadOrganization(db: Executor, idOrSlug: string, { forUpdate = false }: Pick<LoadOrgContextOptions, 'forUpdate'> = {}): Promise<Organization> {
  if (forUpdate) await lockOrganizationRow(db, idOrSlug);
  const row = await findOrgContextRow(db, idOrSlug, null);
  if (!row) throw notFound();
  return splitOrgContextRow(row).org;
}

/** The context of a loaded row: 404 unless the requester may see the organization, 401/403 as `loadOrgContext` says. */
function checkedOrgContext(row: OrgContextRow | undefined, requester: Requester, anyScope: readonly Scope[] | undefined): OrgContext {
  if (!row || (!row.member_id && !requester.isSuperuser)) throw notFound();
  if (row.require_2fa && requester.via === 'session' && !requester.isSuperuser && !row.requester_has_2fa) {
    throw twoFactorRequired();
  }
  if (requester.via === 'session' && requester.session && ssoGateRefuses(row)) throw ssoRequired(requester.session.publicUrl, row.slug);
  const context = toOrgContext(row, requester);
  if (anyScope && !hasAnyScope(context.access, anyScope)) throw permissionDenied();
  return context;
}

/** The organization's own columns, apart from what the row says of the requester. */
function splitOrgContextRow(row: OrgContextRow) {
  const {
    member_id: memberId,
    member_role: memberRole,
    auth_provider: provider,
    auth_allow_unlinked: allowUnlinked,
    memberships,
    options: storedOptions,
    requester_has_2fa: _askedAtLoad,
    sso_member_valid: _memberValid,
    sso_session_done: _sessionDone,
    sso_owner_linked: _ownerLinked,
    ...org
  } = row;
  return { org, memberId, memberRole, provider, allowUnlinked, memberships, storedOptions };
}

function toOrgContext(row: OrgContextRow, requester: Requester): OrgContext {
  const { org, memberId, memberRole, provider, allowUnlinked, memberships, storedOptions } = splitOrgContextRow(row);
  const options = optionValues(storedOptions ?? {});
  const scopeOptions: ScopeOptions = {
    eventsMemberAdmin: options.eventsMemberAdmin !== false,
    alertsMemberWrite: options.alertsMemberWrite !== false,
  };
  const feature = (name: FeatureName) => featureEnabled(org.features, name);
  const teamMemberships = memberId ? (memberships ?? []) : [];
  return {
    org,
    requester,
    member: memberId && memberRole ? { id: memberId, role: memberRole as OrgRoleId } : null,
    access: computeAccess({
      orgRoleId: memberRole ?? null,
      tokenScopes: requester.tokenScopes,
      isSuperuser: requester.isSuperuser,
      openMembership: org.allow_joinleave,
      teamRolesEnabled: feature('team-roles'),
      options: scopeOptions,
      memberships: teamMemberships,
    }),
    options,
    scopeOptions,
    authProvider: provider ? { provider, allowUnlinked: allowUnlinked ?? false } : null,
    memberships: teamMemberships,
    feature,
  };
}
