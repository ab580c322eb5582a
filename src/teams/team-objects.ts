import type { Executor } from '../platform/db/database.js';
import { notFound } from '../platform/http/errors.js';
import type { OrgContext } from '../access/org-context.js';
import { findTeamView, listAllTeamViews } from './teams.queries.js';
import { presentTeam } from './teams.presenter.js';

/** One active team as a Team object for the requester, read on the given executor (after the request's changes). */
export async function teamObject(executor: Executor, context: OrgContext, teamId: string) {
  const view = await findTeamView(executor, context.org.id, teamId, context.member?.id ?? null);
  if (!view) throw notFound();
  return presentTeam(view, context);
}

/**
 * Every active team of the organization as Team objects, by slug; `memberOnly` keeps the requester's
 * own (for superusers, who see every team as theirs, it keeps them all, as Sentry's user-teams does).
 */
export async function teamObjects(executor: Executor, context: OrgContext, { memberOnly = false } = {}) {
  const views = await listAllTeamViews(executor, context.org.id, context.member?.id ?? null, {
    memberOnly: memberOnly && !context.access.isSuperuser,
  });
  return views.map((view) => presentTeam(view, context));
}
