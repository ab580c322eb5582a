import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { Clock } from './lib/clock.js';
import { createTokenService } from './accounts/tokens.service.js';
import { createMemberEditService } from './members/member-edit.service.js';
import { createMemberService } from './members/members.service.js';
import { createOrganizationService } from './organizations/organizations.service.js';

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
    members: createMemberService({ db, clock }),
    memberEdits: createMemberEditService({ db, clock, config }),
  };
}

export type Services = ReturnType<typeof createServices>;
