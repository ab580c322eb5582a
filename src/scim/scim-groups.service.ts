import type { Static } from '@sinclair/typebox';
import { violatedUniqueConstraint } from '../platform/db/constraint-errors.js';
import type { Executor } from '../platform/db/database.js';
import { joinTeamAsIdp, leaveTeamAsIdp } from '../members/member-scim-teams.js';
import { listTeamsScimMembers, lockScimMembers } from '../members/member-scim-teams.queries.js';
import { lockActiveTeam } from '../teams/idp-teams.queries.js';
import { changeIdpTeam, createIdpTeam, type IdpTeamOutcome } from '../teams/idp-teams.js';
import { deleteTeam } from '../teams/team-deletion.js';
import { TEAM_SLUG_MESSAGE } from '../teams/teams.schemas.js';
import { scimUrl } from '../sso/scim-token.js';
import { isAttributeReturned, parseAttributeSelection, selectAttributes } from './scim-attributes.js';
import { loadScimContext, SCIM_SCOPES, type ScimDeps, type ScimPrincipal } from './scim-context.js';
import { scimError } from './scim-errors.js';
import { parseScimFilter } from './scim-filter.js';
import { presentGroup, type GroupMember } from './scim-group-resource.js';
import { applyGroupPatch } from './scim-group-patch.js';
import { groupPatchMemberIds, readGroupCreateBody } from './scim-group-input.js';
import { findGroupTeam, listGroupTeams } from './scim-groups.queries.js';
import { listResponse, listWindow, type ScimAttributesQuery, type ScimListQuery } from './scim-list.js';
import { parsePatchBody } from './scim-patch.js';

export const GROUP_NOT_FOUND = 'Group not found.';
export const USER_NOT_FOUND = 'User not found.';
export const TEAM_SLUG_TAKEN = 'A team with this slug already exists.';

const groupNotFound = () => scimError(404, GROUP_NOT_FOUND);
const slugInUse = (slug: string) => scimError(409, `The slug "${slug}" is already in use.`, 'uniqueness');

/** What the teams folder refused, in SCIM's words: an unusable slug is the name's fault, a taken one a clash. */
function refusal(outcome: Extract<IdpTeamOutcome, { refused: unknown }>, creating: boolean) {
  if (outcome.refused === 'invalidSlug') return scimError(400, `displayName: it gives the slug "${outcome.slug}". ${TEAM_SLUG_MESSAGE}`, 'invalidValue');
  return creating ? scimError(409, TEAM_SLUG_TAKEN, 'uniqueness') : slugInUse(outcome.slug);
}

/** SCIM Groups = the organization's active teams (spec scim.md §1.5, Roster's choices 4, 8, 15, 16, 19, 20). */
export function createScimGroupService({ db, config }: ScimDeps) {
  /** Each team's members, in one query for the whole page. */
  async function membersOf(executor: Executor, orgId: string, teamIds: string[]): Promise<Map<string, GroupMember[]>> {
    const byTeam = new Map<string, GroupMember[]>(teamIds.map((id) => [id, []]));
    for (const row of await listTeamsScimMembers(executor, orgId, teamIds)) byTeam.get(row.team_id)?.push({ value: row.member_id, display: row.email });
    return byTeam;
  }

  return {
    /** A page of groups by id, filtered (400 invalidFilter on an attribute not in the Groups map); members loaded only when returned. */
    async list(principal: ScimPrincipal, orgIdOrSlug: string, query: Static<typeof ScimListQuery>) {
      const context = await loadScimContext(db, principal, orgIdOrSlug, SCIM_SCOPES.readGroups);
      const filter = query.filter === undefined ? null : parseScimFilter(query.filter);
      const selection = parseAttributeSelection(query);
      const window = listWindow(query);
      const { total, teams } = await listGroupTeams(db, context.org.id, filter, window);
      const members = isAttributeReturned(selection, 'members') ? await membersOf(db, context.org.id, teams.map((team) => team.id)) : null;
      const base = scimUrl(config, context.org.slug);
      const resources = teams.map((team) => selectAttributes(presentGroup(base, team, members?.get(team.id) ?? null), selection));
      return listResponse(resources, total, window);
    },

    /** One active team as a Group; 404 "Group not found." otherwise. */
    async get(principal: ScimPrincipal, orgIdOrSlug: string, teamId: string, query: Static<typeof ScimAttributesQuery>) {
      const context = await loadScimContext(db, principal, orgIdOrSlug, SCIM_SCOPES.readGroups);
      const selection = parseAttributeSelection(query);
      const team = await findGroupTeam(db, context.org.id, teamId);
      if (!team) throw groupNotFound();
      const members = isAttributeReturned(selection, 'members') ? ((await membersOf(db, context.org.id, [team.id])).get(team.id) ?? []) : null;
      return selectAttributes(presentGroup(scimUrl(config, context.org.slug), team, members), selection);
    },

    /**
     * Creates an IdP-managed team named `displayName` (slugified for its slug) with the `externalId`
     * given; `members` in the body are ignored, as in Sentry (Okta PATCHes them right after). 400
     * invalidValue without a usable displayName or when its slug is unusable; 409 uniqueness when taken.
     */
    async create(principal: ScimPrincipal, orgIdOrSlug: string, body: unknown) {
      const fields = readGroupCreateBody(body);
      return db.transaction().execute(async (tx) => {
        const context = await loadScimContext(tx, principal, orgIdOrSlug, SCIM_SCOPES.writeGroups);
        const outcome = await createIdpTeam(tx, context.org.id, fields, context.actor);
        if ('refused' in outcome) throw refusal(outcome, true);
        return presentGroup(scimUrl(config, context.org.slug), outcome.team, []);
      });
    },

    /**
     * Applies a PATCH in one transaction with the team locked: every operation in order, every member
     * named must be a member of the organization (404 "User not found.", nothing applied), each join and
     * leave audited with the identity provider as actor; the team becomes IdP-managed. 404 for an
     * unknown group; 409 uniqueness when a rename's slug is taken.
     */
    async patch(principal: ScimPrincipal, orgIdOrSlug: string, teamId: string, body: unknown): Promise<void> {
      const operations = parsePatchBody(body);
      try {
        await db.transaction().execute(async (tx) => {
          const context = await loadScimContext(tx, principal, orgIdOrSlug, SCIM_SCOPES.writeGroups);
          const orgId = context.org.id;
          const team = await lockActiveTeam(tx, orgId, teamId);
          if (!team) throw groupNotFound();
          const current = await listTeamsScimMembers(tx, orgId, [team.id]);
          const { group, changes } = applyGroupPatch({ displayName: team.name, externalId: team.external_id, memberIds: current.map((row) => row.member_id) }, operations);
          const named = new Set([...groupPatchMemberIds(operations), ...changes.map((change) => change.memberId)]);
          const members = new Map((await lockScimMembers(tx, orgId, [...named])).map((member) => [member.id, member]));
          if (members.size !== named.size) throw scimError(404, USER_NOT_FOUND);
          const outcome = await changeIdpTeam(tx, orgId, team, { name: group.displayName, externalId: group.externalId }, context.actor);
          if ('refused' in outcome) throw refusal(outcome, false);
          const target = { id: team.id, slug: outcome.team.slug, name: outcome.team.name };
          for (const change of changes) {
            const membership = { orgId, team: target, member: members.get(change.memberId)!, actor: context.actor };
            await (change.kind === 'add' ? joinTeamAsIdp(tx, membership) : leaveTeamAsIdp(tx, membership));
          }
        });
      } catch (error) {
        // A rename racing another for the same slug: the loser hears what it would have a moment later.
        if (violatedUniqueConstraint(error) === 'teams_organization_slug_key') throw scimError(409, 'The slug is already in use.', 'uniqueness');
        throw error;
      }
    },

    /** Deletes the team as the team API does, the IdP lock lifted (the identity provider owns it); 404 for an unknown group. */
    async remove(principal: ScimPrincipal, orgIdOrSlug: string, teamId: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const context = await loadScimContext(tx, principal, orgIdOrSlug, SCIM_SCOPES.deleteGroups);
        const team = await lockActiveTeam(tx, context.org.id, teamId);
        if (!team) throw groupNotFound();
        await deleteTeam(tx, context.org.id, team, context.actor);
      });
    },
  };
}

export type ScimGroupService = ReturnType<typeof createScimGroupService>;
