import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { Clock } from './lib/clock.js';
import { createTokenService } from './accounts/tokens.service.js';
import { createOrganizationService } from './organizations/organizations.service.js';
import { createOrgSettingsService } from './organizations/org-settings.service.js';
import { createEmailVerificationService } from './accounts/email-verification.service.js';

export interface ServiceDeps {
  database: Database;
  config: Config;
  clock: Clock;
}

/** The composition root: every domain service, wired with its dependencies. */
export function createServices({ database, config, clock }: ServiceDeps) {
  const db = database.db;
  return {
    tokens: createTokenService({ db, clock }),
    organizations: createOrganizationService({ db, config }),
    orgSettings: createOrgSettingsService({ db, config, clock }),
    emailVerification: createEmailVerificationService({ db, config, clock }),
  };
}

export type Services = ReturnType<typeof createServices>;
