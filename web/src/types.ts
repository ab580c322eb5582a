/**
 * The shapes the console reads, named for what the pages call them. Each is an alias of what the
 * route declares (web/src/api.generated.ts, generated from the server's route schemas by
 * `npm run api-types`), so a route whose answer changes breaks the console's type check instead of
 * its pages.
 */
import type { operations } from './api.generated';

type Operation = keyof operations;

/** The JSON body `operation` answers with `status`. */
type ResponseBody<Op extends Operation, Status extends number = 200> = operations[Op]['responses'] extends Record<
  Status,
  { content: { 'application/json': infer Body } }
>
  ? Body
  : never;

type Item<List> = List extends ReadonlyArray<infer Element> ? Element : never;

/** `GET /api/0/auth/`: who is signed in. */
export type Me = ResponseBody<'whoAmI'>;

/** An entry of `GET /api/0/organizations/`. */
export type OrgSummary = Item<ResponseBody<'listOrganizations'>>;

/** `GET /api/0/organizations/{org}/` (`status.id` is `pending_deletion` for the 24 hours before deletion). */
export type OrgDetails = ResponseBody<'getOrganization'>;

/** An organization role or a team role, as the role lists of an organization or a member give them. */
export type Role = Item<OrgDetails['orgRoleList']> | Item<OrgDetails['teamRoleList']>;

/** An entry of `GET /api/0/organizations/{org}/members/`. */
export type Member = Item<ResponseBody<'listOrganizationMembers'>>;

/** `GET /api/0/organizations/{org}/members/{member}/`: the member with its team roles and the roles the requester may give. */
export type MemberWithRoles = ResponseBody<'getOrganizationMember'>;

/** An entry of `GET /api/0/teams/{org}/{team}/members/`: a member with its role in that team. */
export type TeamMember = Item<ResponseBody<'listTeamMembers'>>;

/** An entry of `GET /api/0/organizations/{org}/teams/`. */
export type Team = Item<ResponseBody<'listOrganizationTeams'>>;

/** An entry of `GET /api/0/organizations/{org}/access-requests/`. */
export type AccessRequest = Item<ResponseBody<'listOrganizationAccessRequests'>>;

/** `GET /api/0/organizations/{org}/audit-logs/`: one page of entries and the event names the filter accepts. */
export type AuditLog = ResponseBody<'listAuditLogEntries'>;

/** An entry of `GET /api/0/api-tokens/`. */
export type ApiTokenRow = Item<ResponseBody<'listApiTokens'>>;

/** `POST /api/0/api-tokens/`: the new token, whose secret is shown this once. */
export type NewApiToken = ResponseBody<'createApiToken', 201>;

/** `GET /api/0/users/me/`. */
export type SelfUser = ResponseBody<'getCurrentUser'>;

/** `GET /api/0/users/me/authenticators/totp/enroll/`. */
export type TotpEnrolment = ResponseBody<'startTotpEnrolment'>;

/** `GET /api/0/accept-invite/{member}/{token}/`: the invite a link names. */
export type InviteDetails = ResponseBody<'getAcceptInviteShort'>;

/** `GET /api/0/organizations/{org}/auth-provider/`: the SSO provider, its public settings and the values its identity provider needs from Roster. */
export type AuthProvider = ResponseBody<'getAuthProvider'>;

/** `POST /api/0/organizations/{org}/auth-provider/rotate-scim-token/`: a new SCIM token, shown once. */
export type NewScimToken = ResponseBody<'rotateScimToken'>;

/** An entry of `GET /api/0/organizations/{org}/webhooks/`: an endpoint, never its secret. */
export type WebhookEndpoint = Item<ResponseBody<'listWebhooks'>>;

/** `POST /api/0/organizations/{org}/webhooks/`: the new endpoint with its signing secret, shown this once. */
export type CreatedWebhook = ResponseBody<'createWebhook', 201>;

/** `POST …/webhooks/{id}/rotate-secret/`: the new signing secret, shown this once. */
export type RotatedWebhookSecret = ResponseBody<'rotateWebhookSecret'>;

/** An entry of `GET …/webhooks/{id}/deliveries/`: one delivery attempt. */
export type WebhookDelivery = Item<ResponseBody<'listWebhookDeliveries'>>;

/** The event types an endpoint may ask for, as the create route's body names them. */
export type WebhookEventType = Item<operations['createWebhook']['requestBody']['content']['application/json']['events']>;
