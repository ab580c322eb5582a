import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { Clock } from './lib/clock.js';
import { createTokenService } from './accounts/tokens.service.js';
import { createOrganizationService } from './organizations/organizations.service.js';
import { createSessionService } from './auth/sessions.service.js';

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
    sessions: createSessionService({ db, clock, config }),
  };
}

export type Services = ReturnType<typeof createServices>;
