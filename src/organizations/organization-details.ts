import type { Config } from '../config.js';
import type { Executor } from '../db/database.js';
import { teamObjects } from '../teams/team-objects.js';
import type { OrgContext } from './org-context.js';
import { countPendingAccessRequests } from './organizations.queries.js';
import { presentOrganizationDetails } from './organizations.presenter.js';

/** The detailed organization with its teams, as GET, POST, PUT and DELETE answer it, read in `executor`. */
export async function organizationDetails(executor: Executor, config: Pick<Config, 'publicUrl'>, context: OrgContext) {
  const [pendingAccessRequests, teams] = await Promise.all([
    countPendingAccessRequests(executor, context.org.id),
    teamObjects(executor, context),
  ]);
  return presentOrganizationDetails(config, context, pendingAccessRequests, teams);
}
