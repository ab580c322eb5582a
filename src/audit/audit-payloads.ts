/**
 * What each audit event stores in its `data` (issue 14): one type per event, so that a writer of
 * another shape is a type error and a renderer reads fields that are there. Keys are spelled as
 * Sentry stores them (snake_case), since `data` goes out on the wire as it is stored.
 *
 * Where Sentry writes one event from two routes with two shapes, the event's type is the union of
 * both, and a renderer reads a field outside what the variants share only after telling them apart
 * (the compiler holds it to that). Changing a shape needs a migration that rewrites stored rows.
 */

/** A member as Sentry's `get_audit_log_data` records it (sentry-behavior.md §2.2). */
export type MemberPayload = {
  /** The user's address for a full member, the invite's for a pending one; '' when neither. */
  email: string;
  /** The member's user id; null while pending. */
  user: string | null;
  /** Ids of the member's active teams. */
  teams: string[];
  /** Slugs of the same teams (what the `member.edit` note names). */
  teams_slugs: string[];
  has_global_access: boolean;
  role: string;
  /** `approved`, `requested_to_be_invited` or `requested_to_join`. */
  invite_status: string | null;
};

/** A change of a member's role on one team (`PUT …/members/{id}/teams/{team}/`, §5.6), as Sentry records it. */
export type TeamRoleEditPayload = {
  email: string;
  /** The member's organization role. */
  role: string;
  team_slug: string;
  /** The team role asked for. */
  team_role: string;
};

/** A team membership as Sentry records it (§2.4): joining or leaving one team by itself, or an approved access request. */
export type TeamMembershipPayload = {
  team_slug: string;
  member_id: string;
  email: string;
  is_active: boolean;
};

/**
 * A team joined or left as part of a member's new team list (PUT member, §5.4 step 10), or by
 * creating the team: Sentry records the address and the team only.
 */
export type TeamListChangePayload = Pick<TeamMembershipPayload, 'email' | 'team_slug'>;

/** An organization as Sentry's `get_audit_log_data` records it (§2.1). */
export type OrganizationPayload = {
  id: string;
  slug: string;
  name: string;
  /** 0 active, 1 pending deletion, 2 deletion in progress. */
  status: number;
  /** Sentry's flag bitfield (organizations/org-audit.ts). */
  flags: number;
  default_role: string;
};

/**
 * Sentry's `changed_data` of an `org.edit` (§9.1–9.3): each changed setting, by its recorded name, to
 * "from <old> to <new>" or "to <new>", values as Python's `str()` writes them.
 */
export type OrganizationChangesPayload = Record<string, string>;

/** A team as Sentry records it (§2.3). */
export type TeamPayload = {
  id: string;
  slug: string;
  name: string;
  /** 0 active, 1 pending deletion, 2 deletion in progress. */
  status: number;
};

/** The identity provider an organization signs in with, by the key the API names it by (`oidc`, `saml2`). */
export type SsoProviderPayload = {
  provider: string;
};

/** SSO turned on (issue 15, `POST …/auth-provider/`): its settings, and how many members were asked to link. */
export type SsoEnablePayload = SsoProviderPayload & {
  require_link: boolean;
  default_role: string;
  members_emailed: number;
};

/** SSO turned off (`DELETE …/auth-provider/`): the identities that went with it, and the members told. */
export type SsoDisablePayload = SsoProviderPayload & {
  identities_deleted: number;
  members_emailed: number;
};

/**
 * A change of the SSO settings (`PUT …/auth-provider/`), in the manner of `org.edit`'s `changed_data`:
 * each changed setting to "to <new>" or "from <old> to <new>". The configuration is named by its
 * changed fields only (`"client_id, client_secret"`), since some of them are secrets that must never
 * reach the log.
 */
export type SsoEditPayload = SsoProviderPayload & {
  require_link?: string;
  default_role?: string;
  config?: string;
  /** SCIM provisioning: `enabled`, `disabled` or `token rotated`. */
  scim?: 'enabled' | 'disabled' | 'token rotated';
};

/** A member's account linked to an identity at the organization's provider (issue 15). */
export type SsoIdentityLinkPayload = SsoProviderPayload & {
  /** The member's address. */
  email: string;
  /** The user who held this identity before it moved to this one (their membership is now `sso:invalid`), else null. */
  moved_from_user: string | null;
};

/** Every audit event's payload, by the event's key in AUDIT_EVENTS (audit-events.ts). */
export interface AuditPayloads {
  MEMBER_INVITE: MemberPayload;
  MEMBER_ADD: MemberPayload;
  MEMBER_ACCEPT: MemberPayload;
  MEMBER_EDIT: MemberPayload | TeamRoleEditPayload;
  MEMBER_REMOVE: MemberPayload;
  MEMBER_JOIN_TEAM: TeamMembershipPayload | TeamListChangePayload;
  MEMBER_LEAVE_TEAM: TeamMembershipPayload | TeamListChangePayload;
  MEMBER_PENDING: MemberPayload;
  ORG_ADD: OrganizationPayload;
  ORG_EDIT: OrganizationChangesPayload;
  ORG_REMOVE: OrganizationPayload;
  ORG_RESTORE: OrganizationPayload;
  TEAM_ADD: TeamPayload;
  TEAM_EDIT: TeamPayload;
  TEAM_REMOVE: TeamPayload;
  SSO_ENABLE: SsoEnablePayload;
  SSO_DISABLE: SsoDisablePayload;
  SSO_EDIT: SsoEditPayload;
  SSO_IDENTITY_LINK: SsoIdentityLinkPayload;
  MEMBER_REINVITE: MemberPayload;
}

export type AuditEventKey = keyof AuditPayloads;
