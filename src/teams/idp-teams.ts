import type { Tx } from '../platform/db/database.js';
import { recordAudit, type AuditActor } from '../audit/record-audit.js';
import { slugifyName } from '../platform/lib/slug.js';
import { insertIdpTeam, updateIdpTeam, type IdpTeamRow } from './idp-teams.queries.js';
import { isTeamSlugTaken } from './teams.queries.js';
import { teamAuditData } from './teams.presenter.js';
import { emitWebhookEvent } from '../platform/webhooks/emit-webhook.js';
import { webhookTeam } from './team-webhooks.js';

/**
 * Teams the identity provider creates and renames (SCIM Groups, spec scim.md §1.5): the name is what
 * it sends, the slug that name slugified (so `displayName eq` finds the team by its slug, as in
 * Sentry), and the team is IdP-managed from then on. Refusals are returned, not thrown, so that the
 * SCIM layer words them in its own envelope.
 */
export type IdpTeamOutcome = { team: IdpTeamRow } | { refused: 'invalidSlug' | 'slugTaken'; slug: string };

/** The slug a team named `name` gets; null when it would be empty or all digits (Sentry's slug rule). */
export function idpTeamSlug(name: string): string | null {
  const slug = slugifyName(name, 50).replace(/-+$/, '');
  return slug === '' || /^\d+$/.test(slug) ? null : slug;
}

/** Creates an IdP-managed team named `name`, audited as `team.create`, emitting `team.created`; refused on an unusable or taken slug. */
export async function createIdpTeam(tx: Tx, orgId: string, fields: { name: string; externalId: string | null }, actor: AuditActor): Promise<IdpTeamOutcome> {
  const slug = idpTeamSlug(fields.name);
  if (slug === null) return { refused: 'invalidSlug', slug: slugifyName(fields.name) };
  const team = await insertIdpTeam(tx, { orgId, slug, name: fields.name, externalId: fields.externalId });
  if (!team) return { refused: 'slugTaken', slug };
  await recordAudit(tx, { organizationId: orgId, event: 'TEAM_ADD', actor, targetObject: team.id, data: teamAuditData(team) });
  await emitWebhookEvent(tx, orgId, 'team.created', { team: webhookTeam(team) });
  return { team };
}

/**
 * Writes the identity provider's name and externalId to a team it has locked and marks it IdP-managed;
 * a new name brings its slug, a `team.edit` entry and `team.updated` (as the team API's rename). Refused on an unusable slug or one another team
 * holds (a rename racing for the same slug still ends in the unique key, which the caller maps).
 */
export async function changeIdpTeam(tx: Tx, orgId: string, team: IdpTeamRow, fields: { name: string; externalId: string | null }, actor: AuditActor): Promise<IdpTeamOutcome> {
  const renamed = fields.name !== team.name;
  let slug = team.slug;
  if (renamed) {
    const wanted = idpTeamSlug(fields.name);
    if (wanted === null) return { refused: 'invalidSlug', slug: slugifyName(fields.name) };
    if (await isTeamSlugTaken(tx, orgId, wanted, team.id)) return { refused: 'slugTaken', slug: wanted };
    slug = wanted;
  }
  const updated = await updateIdpTeam(tx, orgId, team.id, { name: fields.name, slug, externalId: fields.externalId });
  if (renamed) {
    await recordAudit(tx, { organizationId: orgId, event: 'TEAM_EDIT', actor, targetObject: team.id, data: teamAuditData(updated) });
    await emitWebhookEvent(tx, orgId, 'team.updated', { team: webhookTeam(updated), before: { slug: team.slug, name: team.name } });
  }
  return { team: updated };
}
