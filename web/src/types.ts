/** The shapes the console reads: Sentry's public JSON (only the fields used here). */

export interface Me {
  id: string;
  email: string;
  name: string;
  isSuperuser: boolean;
  emailVerified: boolean;
  has2fa: boolean;
  needs2fa: boolean;
  csrfToken: string;
}

export interface Avatar {
  avatarType: string;
  avatarUuid: string | null;
  avatarUrl?: string | null;
}

export interface OrgSummary {
  id: string;
  slug: string;
  name: string;
  require2FA: boolean;
  avatar: Avatar;
}

export interface Role {
  id: string;
  name: string;
  desc: string;
  isAllowed: boolean;
  isRetired: boolean;
  isTeamRolesAllowed?: boolean;
  minimumTeamRole?: string;
}

export interface OrgDetails extends OrgSummary {
  /** `active`, or `pending_deletion` for the 24 hours before an organization is deleted. */
  status: { id: string; name: string };
  access: string[];
  orgRole?: string;
  defaultRole: string;
  orgRoleList: Role[];
  teamRoleList: Role[];
  openMembership: boolean;
  allowMemberInvite: boolean;
  requireEmailVerification: boolean;
  hasAuthProvider: boolean;
  pendingAccessRequests: number;
}

export interface User {
  id: string;
  name: string;
  email: string;
  has2fa?: boolean;
}

export interface Member {
  id: string;
  email: string;
  name: string;
  user: User | null;
  orgRole: string;
  roleName?: string;
  pending: boolean;
  expired: boolean;
  dateCreated: string;
  /** When a pending invite's link stops working (Roster's addition); null for a member. */
  inviteExpiresAt?: string | null;
  inviteStatus: string;
  inviterName: string | null;
  teamRoles?: Array<{ teamSlug: string; role: string | null }>;
  teamRole?: string | null;
}

export interface DetailedUser extends User {
  /** Present when the requester may assign roles: may it reset this user's 2FA (decisions.md `canReset2fa`). */
  canReset2fa?: boolean;
  authenticators?: Array<{ id: string; name: string; dateCreated: string }>;
}

export interface MemberWithRoles extends Member {
  user: DetailedUser | null;
  teamRoles: Array<{ teamSlug: string; role: string | null }>;
  orgRoleList: Role[];
  teamRoleList: Role[];
  isOnlyOwner?: boolean;
}

export interface Team {
  id: string;
  slug: string;
  name: string;
  memberCount: number;
  isMember: boolean;
  teamRole: string | null;
  hasAccess?: boolean;
  isPending?: boolean;
  dateCreated?: string;
}

export interface AccessRequest {
  id: string;
  member: Member;
  team: Team;
  requester: User | null;
}

export interface AuditRow {
  id: string;
  actor: User | null;
  event: string;
  ipAddress: string | null;
  note: string;
  dateCreated: string;
}

export interface ApiTokenRow {
  id: string;
  name: string | null;
  scopes: string[];
  dateCreated: string;
  expiresAt: string | null;
  tokenLastCharacters?: string | null;
  token?: string;
}
