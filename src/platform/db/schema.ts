import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Row types of the tables in migrations/. Ids (bigint) come back as strings on both engines, which is
 * also how Sentry serializes them. Keep this file in step with the SQL.
 */
type Id = Generated<string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string | undefined, string>;
/** A bigint that is not an id: read back as a string (as ids are), written as a number. */
type NullableBigint = ColumnType<string | null, number | null | undefined, number | null>;

export interface UsersTable {
  id: Id;
  email: string;
  name: Generated<string>;
  is_superuser: Generated<boolean>;
  is_active: Generated<boolean>;
  email_verified: Generated<boolean>;
  date_joined: CreatedAt;
  last_login: NullableTimestamp;
}

export interface UserAuthenticatorsTable {
  id: Id;
  user_id: string;
  type: 'totp';
  secret: string;
  confirmed: Generated<boolean>;
  created_at: CreatedAt;
  last_used_at: NullableTimestamp;
  /** The TOTP step (30-second period since the epoch) of the last code accepted: a code is taken only for a later one. */
  last_accepted_step: NullableBigint;
}

export interface ApiTokensTable {
  id: Id;
  user_id: string;
  token_hash: string;
  token_last_characters: string;
  name: string | null;
  scopes: string[];
  date_created: CreatedAt;
  expires_at: NullableTimestamp;
  last_used_at: NullableTimestamp;
}

export interface UserOneTimeTokensTable {
  id: Id;
  user_id: string;
  purpose: 'signin' | 'verify-email';
  token_hash: string;
  email: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

export interface UserSessionsTable {
  id: Id;
  user_id: string;
  token_hash: string;
  csrf_token: string;
  two_factor_passed: Generated<boolean>;
  created_at: CreatedAt;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
}

export interface OrganizationsTable {
  id: Id;
  slug: string;
  name: string;
  status: Generated<number>;
  default_role: Generated<string>;
  allow_joinleave: Generated<boolean>;
  enhanced_privacy: Generated<boolean>;
  disable_shared_issues: Generated<boolean>;
  early_adopter: Generated<boolean>;
  require_2fa: Generated<boolean>;
  require_email_verification: Generated<boolean>;
  disable_member_project_creation: Generated<boolean>;
  prevent_superuser_access: Generated<boolean>;
  disable_member_invite: Generated<boolean>;
  features: Json<Record<string, boolean>>;
  avatar_type: Generated<'letter_avatar' | 'upload'>;
  avatar_uuid: string | null;
  avatar_image: Buffer | null;
  date_added: CreatedAt;
  deletion_scheduled_at: NullableTimestamp;
}

export interface OrganizationOptionsTable {
  organization_id: string;
  key: string;
  value: Json<unknown>;
}

export interface AuthProvidersTable {
  organization_id: string;
  id: Id;
  provider: string;
  /** Sentry's flag; the API's `require_link` is its inverse. */
  allow_unlinked: Generated<boolean>;
  /** Per provider; secrets only sealed (src/platform/lib/secret-box.ts). */
  config: Json<Record<string, unknown>>;
  scim_enabled: Generated<boolean>;
  date_added: CreatedAt;
  date_updated: CreatedAt;
  last_sync: NullableTimestamp;
}

export interface AuthIdentitiesTable {
  organization_id: string;
  id: Id;
  user_id: string;
  ident: string;
  data: Json<Record<string, unknown>>;
  last_verified: CreatedAt;
  last_synced: CreatedAt;
  date_added: CreatedAt;
}

export interface SsoPendingSigninsTable {
  state_hash: string;
  organization_id: string;
  flow: 'login' | 'link';
  user_id: string | null;
  /** The signed-in session a link flow marks SSO-complete; null for a login. */
  session_id: string | null;
  next_url: string | null;
  data: Json<Record<string, unknown>>;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface SamlSeenIdsTable {
  organization_id: string;
  seen_id: string;
  expires_at: Timestamp;
}

export interface UserSessionSsoTable {
  session_id: string;
  organization_id: string;
  completed_at: CreatedAt;
}

export interface TeamsTable {
  organization_id: string;
  id: Id;
  slug: string;
  name: string;
  status: Generated<number>;
  idp_provisioned: Generated<boolean>;
  date_added: CreatedAt;
  /** The identity provider's externalId for this team (SCIM). */
  external_id: string | null;
}

export interface MembersTable {
  organization_id: string;
  id: Id;
  user_id: string | null;
  email: string | null;
  role: string;
  sso_linked: Generated<boolean>;
  sso_invalid: Generated<boolean>;
  member_limit_restricted: Generated<boolean>;
  idp_provisioned: Generated<boolean>;
  idp_role_restricted: Generated<boolean>;
  partnership_restricted: Generated<boolean>;
  token_hash: string | null;
  token_expires_at: NullableTimestamp;
  inviter_id: string | null;
  invite_status: Generated<number>;
  user_is_active: Generated<boolean>;
  date_added: CreatedAt;
  /** The identity provider's externalId for this member (SCIM). */
  scim_external_id: string | null;
  /** What the identity provider sent of the profile (SCIM: name, displayName, emails); null until it does. */
  scim_profile: ColumnType<ScimProfile | null, string | null | undefined, string | null>;
}

/** A member's profile as the identity provider sent it over SCIM (spec scim.md, Roster's choice 12). */
export interface ScimProfile {
  name?: { givenName?: string; familyName?: string; formatted?: string };
  displayName?: string;
  emails?: Array<{ value: string; type?: string; primary?: boolean }>;
}

export interface ScimTokensTable {
  id: Id;
  organization_id: string;
  token_hash: string;
  token_last_characters: string;
  created_at: CreatedAt;
  /** Null for the current token; a rotation gives the replaced one 24 hours. */
  expires_at: NullableTimestamp;
}

export interface ScimDeprovisionedTable {
  organization_id: string;
  email: string;
  user_id: string | null;
  deprovisioned_at: CreatedAt;
}

export interface MemberTeamsTable {
  organization_id: string;
  id: Id;
  member_id: string;
  team_id: string;
  role: 'contributor' | 'admin' | null;
  is_active: Generated<boolean>;
}

export interface TeamAccessRequestsTable {
  organization_id: string;
  id: Id;
  team_id: string;
  member_id: string;
  requester_id: string | null;
  date_added: CreatedAt;
}

export interface AuditLogEntriesTable {
  organization_id: string;
  id: Id;
  actor_id: string | null;
  actor_label: string | null;
  actor_key_id: string | null;
  ip_address: string | null;
  event: number;
  target_object: string | null;
  target_user_id: string | null;
  data: Json<Record<string, unknown>>;
  datetime: CreatedAt;
}

export interface EmailOutboxTable {
  id: Id;
  organization_id: string | null;
  message_id: string;
  type: string;
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string;
  created_at: CreatedAt;
  next_attempt_at: CreatedAt;
  attempts: Generated<number>;
  last_error: string | null;
  sent_at: NullableTimestamp;
}

export interface WebhookEndpointsTable {
  organization_id: string;
  id: Id;
  url: string;
  description: Generated<string>;
  events: string[];
  active: Generated<boolean>;
  disabled_reason: 'gone' | 'failing' | null;
  secret_sealed: string;
  previous_secret_sealed: string | null;
  previous_secret_expires_at: NullableTimestamp;
  date_added: CreatedAt;
  date_updated: CreatedAt;
}

export interface WebhookMessagesTable {
  organization_id: string;
  id: Id;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  organization_slug: string;
  payload: Json<unknown>;
  status: Generated<'pending' | 'delivered' | 'failed' | 'abandoned'>;
  attempts: Generated<number>;
  next_attempt_at: NullableTimestamp;
  first_failure_at: NullableTimestamp;
  created_at: CreatedAt;
  finished_at: NullableTimestamp;
}

export interface WebhookDeliveriesTable {
  organization_id: string;
  id: Id;
  endpoint_id: string;
  /** The message attempted; it may have been purged since (7 days after delivery), the attempt stays 30 days. */
  message_id: string;
  event_id: string;
  event_type: string;
  attempted_at: Timestamp;
  duration_ms: number;
  response_status: number | null;
  response_excerpt: Generated<string>;
  error: string | null;
  succeeded: boolean;
}

export interface RateLimitCountersTable {
  bucket: string;
  window_start: Timestamp;
  count: number;
}

/** A scheduled job's lease and last run (migrations/0080_scheduled_jobs.sql). */
export interface ScheduledJobsTable {
  name: string;
  run_id: string | null;
  lease_until: NullableTimestamp;
  last_started_at: NullableTimestamp;
  last_finished_at: NullableTimestamp;
  last_result: ColumnType<unknown, string | null | undefined, string | null>;
  last_error: string | null;
}

/** What is left of a deleted organization: who asked, when, and how many rows went with it. */
export interface DeletedOrganizationsTable {
  id: string;
  slug: string;
  name: string;
  requested_by_user_id: string | null;
  requested_by: string | null;
  deletion_scheduled_at: Timestamp;
  deletion_started_at: Timestamp;
  deleted_at: NullableTimestamp;
  deleted_rows: Json<Record<string, number>>;
}

export interface DB {
  users: UsersTable;
  user_authenticators: UserAuthenticatorsTable;
  api_tokens: ApiTokensTable;
  user_one_time_tokens: UserOneTimeTokensTable;
  user_sessions: UserSessionsTable;
  organizations: OrganizationsTable;
  organization_options: OrganizationOptionsTable;
  auth_providers: AuthProvidersTable;
  auth_identities: AuthIdentitiesTable;
  sso_pending_signins: SsoPendingSigninsTable;
  saml_seen_ids: SamlSeenIdsTable;
  user_session_sso: UserSessionSsoTable;
  scim_tokens: ScimTokensTable;
  scim_deprovisioned: ScimDeprovisionedTable;
  teams: TeamsTable;
  members: MembersTable;
  member_teams: MemberTeamsTable;
  team_access_requests: TeamAccessRequestsTable;
  audit_log_entries: AuditLogEntriesTable;
  email_outbox: EmailOutboxTable;
  rate_limit_counters: RateLimitCountersTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_messages: WebhookMessagesTable;
  webhook_deliveries: WebhookDeliveriesTable;
  scheduled_jobs: ScheduledJobsTable;
  deleted_organizations: DeletedOrganizationsTable;
}

export type WebhookEndpointRow = Selectable<WebhookEndpointsTable>;
export type WebhookMessageRow = Selectable<WebhookMessagesTable>;
export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>;

export type UserRow = Selectable<UsersTable>;
export type OrganizationRow = Selectable<OrganizationsTable>;
export type TeamRow = Selectable<TeamsTable>;
export type MemberRow = Selectable<MembersTable>;
export type MemberTeamRow = Selectable<MemberTeamsTable>;
export type NewMember = Insertable<MembersTable>;
export type MemberUpdate = Updateable<MembersTable>;
export type AuditLogEntryRow = Selectable<AuditLogEntriesTable>;
export type EmailOutboxRow = Selectable<EmailOutboxTable>;
