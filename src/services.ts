import type { Config } from './config.js';
import type { Database } from './platform/db/database.js';
import type { Clock } from './platform/lib/clock.js';
import { hitRateLimits, type RateLimit } from './platform/lib/rate-limit.queries.js';
import { createTokenService } from './identity/tokens.service.js';
import { createMemberEditService } from './members/member-edit.service.js';
import { createMemberService } from './members/members.service.js';
import { createInviteService } from './invites/invites.service.js';
import { createAcceptInviteService } from './invites/accept.service.js';
import { createOrganizationService } from './organizations/organizations.service.js';
import { createUserService } from './identity/users.service.js';
import { createAuthenticatorService } from './identity/authenticators.service.js';
import { createAuditService } from './audit/audit.service.js';
import { createOrgSettingsService } from './organizations/org-settings.service.js';
import { createEmailVerificationService } from './identity/email-verification.service.js';
import { createTeamService } from './teams/teams.service.js';
import { createMemberTeamService } from './teams/member-teams.service.js';
import { createAccessRequestService } from './teams/access-requests.service.js';
import { createSessionService } from './identity/sessions.service.js';
import { createAuthProviderService } from './sso/auth-provider.service.js';
import { createSsoSigninService } from './sso/sso-signin.service.js';
import { scimTokenAuthenticator } from './sso/scim-token.js';
import type { ScimDeps } from './scim/scim-context.js';

export interface ServiceDeps {
  database: Database;
  config: Config;
  clock: Clock;
}

/** The composition root: every domain service, wired with its dependencies. */
export function createServices({ database, config, clock }: ServiceDeps) {
  const db = database.db;
  const sessions = createSessionService({ db, clock, config });
  return {
    tokens: createTokenService({ db, clock }),
    organizations: createOrganizationService({ db, config, clock }),
    members: createMemberService({ db, clock }),
    users: createUserService({ db }),
    authenticators: createAuthenticatorService({ db, clock }),
    audit: createAuditService({ db }),
    invites: createInviteService({ db, clock, config }),
    acceptInvites: createAcceptInviteService({ db, clock }),
    memberEdits: createMemberEditService({ db, clock, config }),
    orgSettings: createOrgSettingsService({ db, config, clock }),
    emailVerification: createEmailVerificationService({ db, config, clock }),
    teams: createTeamService({ db, config, clock }),
    memberTeams: createMemberTeamService({ db, config }),
    accessRequests: createAccessRequestService({ db, clock }),
    sessions,
    authProviders: createAuthProviderService({ db, config, clock }),
    ssoSignins: createSsoSigninService({ db, config, clock, sessions }),
    scimTokens: scimTokenAuthenticator({ db, clock }),
    /** What the SCIM API's routes build their work on. */
    scim: { db, config, clock } satisfies ScimDeps,
    /** Counts hits in rate-limit buckets now (for limits checked before a request reaches a service). */
    rateLimits: { hit: (limits: readonly RateLimit[]) => db.transaction().execute((tx) => hitRateLimits(tx, limits, clock.now())) },
  };
}

export type Services = ReturnType<typeof createServices>;
