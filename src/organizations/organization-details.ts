import type { Static } from '@sinclair/typebox';
import type { Config } from '../config.js';
import type { Executor } from '../platform/db/database.js';
import { teamObjects } from '../teams/team-objects.js';
import type { OrgContext } from '../access/org-context.js';
import { countPendingAccessRequests } from './organizations.queries.js';
import { presentOrganizationDetails } from './organizations.presenter.js';
import type { GetOrganizationQuery } from './organizations.schemas.js';

/** What the detailed organization carries beyond its settings: its teams, its feature flags. */
export interface DetailsView {
  teams: boolean;
  features: boolean;
}

/** POST, PUT and DELETE answer with everything. */
export const FULL_VIEW: DetailsView = { teams: true, features: true };

/**
 * A GET's view, as Sentry reads it: teams unless `?detailed=0`, feature flags only with
 * `?include_feature_flags=` anything but `0` (its console asks for them; API clients rarely need them).
 */
export function viewOfQuery(query: Static<typeof GetOrganizationQuery>): DetailsView {
  return { teams: query.detailed !== '0', features: (query.include_feature_flags ?? '0') !== '0' };
}

/** The detailed organization, as GET, POST, PUT and DELETE answer it, read in `executor`. */
export async function organizationDetails(executor: Executor, config: Pick<Config, 'publicUrl'>, context: OrgContext, view: DetailsView = FULL_VIEW) {
  const [pendingAccessRequests, teams] = await Promise.all([
    countPendingAccessRequests(executor, context.org.id),
    view.teams ? teamObjects(executor, context) : null,
  ]);
  return presentOrganizationDetails(config, context, pendingAccessRequests, teams, view.features);
}
