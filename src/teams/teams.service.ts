import type { Static } from '@sinclair/typebox';
import { IDP_MANAGED_TEAM } from '../access/idp-managed.js';
import type { Config } from '../config.js';
import type { Db, Tx } from '../platform/db/database.js';
import type { Requester } from '../access/requester.js';
import type { Clock } from '../platform/lib/clock.js';
import { recordAudit } from '../audit/record-audit.js';
import { violatedUniqueConstraint } from '../platform/db/constraint-errors.js';
import { ApiError, fieldError, permissionDenied } from '../platform/http/errors.js';
import { keysetBounds, pageOf, type PageRequest } from '../platform/http/pagination.js';
import { loadOrgContext, type OrgContext } from '../access/org-context.js';
import { presentOrganizationSummary } from '../access/org-summary.js';
import { insertMemberTeam } from '../members/member-teams.queries.js';
import { presentMember } from '../members/members.presenter.js';
import { storedTeamRole } from '../access/team-roles.js';
import type { Scope } from '../access/roles.js';
import { TEAM_SCOPES, loadTeamContext } from './team-context.js';
import { resolveTeamFilter } from './team-filter.js';
import { teamObject, teamObjects } from './team-objects.js';
import { parseTeamSearch } from './team-search.js';
import { derivedTeamSlugs } from './team-slug.js';
import { deleteTeam } from './team-deletion.js';
import { insertTeam, isTeamSlugTaken, listTeamMemberViews, listTeamViews, updateTeam } from './teams.queries.js';
import { presentTeam, teamAuditData } from './teams.presenter.js';
import type { CreateTeamBody, UpdateTeamBody } from './teams.schemas.js';

const ORG_READ_SCOPES: readonly Scope[] = ['org:read', 'org:write', 'org:admin'];
const TEAM_CREATE_SCOPES: readonly Scope[] = ['org:write', 'org:admin', 'team:write'];
const SLUG_CONFLICT = 'A team with this slug already exists.';

const slugConflict = () => new ApiError(409, { non_field_errors: [SLUG_CONFLICT], detail: SLUG_CONFLICT }, 'slug_conflict');
const slugInUse = (slug: string) => fieldError('slug', `The slug "${slug}" is already in use.`);


export interface TeamServiceDeps {
  db: Db;
  config: Pick<Config, 'publicUrl'>;
  clock: Clock;
}

export function createTeamService({ db, config, clock }: TeamServiceDeps) {
  /** A new team under the given slug, or the first free slug derived from the name; 409 when none is free. */
  async function insertTeamWithSlug(tx: Tx, context: OrgContext, name: string, slug: string | null) {
    for (const candidate of slug ? [slug] : derivedTeamSlugs(name)) {
      const team = await insertTeam(tx, { orgId: context.org.id, slug: candidate, name });
      if (team) return team;
    }
    throw slugConflict();
  }

  return {
    /** Active teams by slug, filtered by `?team=` (§4) and `?query=`, a keyset page at a time. Needs org:read. */
    async list(requester: Requester, orgIdOrSlug: string, filters: { team?: string[]; query?: string }, request: PageRequest) {
      const context = await loadOrgContext(db, requester, orgIdOrSlug, { anyScope: ORG_READ_SCOPES });
      const search = parseTeamSearch(filters.query);
      const teamIds = await resolveTeamFilter(db, context, filters.team);
      const rows = await listTeamViews(db, context.org.id, context.member?.id ?? null, { teamIds, search, bounds: keysetBounds(request) });
      const page = pageOf(rows, request, (team) => team.id);
      return { body: page.items.map((team) => presentTeam(team, context)), page };
    },

    /**
     * Creates a team (slug given, or derived from the name) and puts the creator on it. Needs
     * team:write or org:write; 400 without name and slug, 409 when the slug is taken.
     */
    async create(requester: Requester, orgIdOrSlug: string, body: Static<typeof CreateTeamBody>) {
      const name = body.name?.trim() || null;
      const slug = body.slug ?? null;
      if (!name && !slug) throw new ApiError(400, { non_field_errors: ['Name or slug is required'] }, 'invalid');
      return db.transaction().execute(async (tx) => {
        const context = await loadOrgContext(tx, requester, orgIdOrSlug, { anyScope: TEAM_CREATE_SCOPES });
        const team = await insertTeamWithSlug(tx, context, name ?? slug!, slug);
        if (context.member) {
          // The creator administers the team it made. Every org role that may create a team already
          // has admin as its minimum team role, so (as in Sentry) the stored role is null.
          const membership = await insertMemberTeam(tx, {
            orgId: context.org.id,
            memberId: context.member.id,
            teamId: team.id,
            role: storedTeamRole('admin', context.member.role),
          });
          await recordAudit(tx, {
            organizationId: context.org.id,
            event: 'MEMBER_JOIN_TEAM',
            actor: requester,
            targetObject: membership?.id ?? null,
            targetUserId: requester.userId,
            data: { email: requester.email, team_slug: team.slug },
          });
        }
        await recordAudit(tx, {
          organizationId: context.org.id,
          event: 'TEAM_ADD',
          actor: requester,
          targetObject: team.id,
          data: teamAuditData(team),
        });
        return teamObject(tx, context, team.id);
      });
    },

    /** One active team with its organization (unless `collapse=organization`). Needs team:read on the team. */
    async get(requester: Requester, orgIdOrSlug: string, teamIdOrSlug: string, collapse: readonly string[] = []) {
      const { context, team } = await loadTeamContext(db, requester, orgIdOrSlug, teamIdOrSlug, TEAM_SCOPES.read);
      const body = await teamObject(db, context, team.id);
      if (collapse.includes('organization')) return body;
      return { ...body, organization: presentOrganizationSummary(config, context.org, context.authProvider !== null) };
    },

    /** Renames a team or changes its slug. Needs team:write on it; 403 for an IdP team, 400 on a taken slug. */
    async update(requester: Requester, orgIdOrSlug: string, teamIdOrSlug: string, body: Static<typeof UpdateTeamBody>) {
      const name = body.name?.trim();
      if (name === '') throw fieldError('name', 'This field may not be blank.');
      try {
        return await db.transaction().execute(async (tx) => {
          const { context, team } = await loadTeamContext(tx, requester, orgIdOrSlug, teamIdOrSlug, TEAM_SCOPES.write);
          if (team.idp_provisioned) throw permissionDenied(IDP_MANAGED_TEAM);
          if (body.slug !== undefined && (await isTeamSlugTaken(tx, context.org.id, body.slug, team.id))) throw slugInUse(body.slug);
          const changes = { ...(name !== undefined ? { name } : {}), ...(body.slug !== undefined ? { slug: body.slug } : {}) };
          // Sentry's serializer is partial: an empty body changes nothing but is still a (recorded) edit.
          const updated = Object.keys(changes).length > 0 ? await updateTeam(tx, context.org.id, team.id, changes) : team;
          await recordAudit(tx, {
            organizationId: context.org.id,
            event: 'TEAM_EDIT',
            actor: requester,
            targetObject: team.id,
            data: teamAuditData(updated),
          });
          return teamObject(tx, context, team.id);
        });
      } catch (error) {
        // Two renames to one slug at once: the loser hears what it would have heard a moment later.
        if (violatedUniqueConstraint(error) === 'teams_organization_slug_key' && body.slug) throw slugInUse(body.slug);
        throw error;
      }
    },

    /**
     * Schedules a team for deletion: it leaves every list and every member's teams at once, its slug is
     * free again, and its open access requests go. Needs team:admin on it; 403 for an IdP team.
     */
    async remove(requester: Requester, orgIdOrSlug: string, teamIdOrSlug: string) {
      await db.transaction().execute(async (tx) => {
        const { context, team } = await loadTeamContext(tx, requester, orgIdOrSlug, teamIdOrSlug, TEAM_SCOPES.admin);
        if (team.idp_provisioned) throw permissionDenied(IDP_MANAGED_TEAM);
        await deleteTeam(tx, context.org.id, team, requester);
      });
    },

    /** The team's approved members (pending invites included, inactive users not), by member id. Needs team:read. */
    async members(requester: Requester, orgIdOrSlug: string, teamIdOrSlug: string, request: PageRequest) {
      const { context, team } = await loadTeamContext(db, requester, orgIdOrSlug, teamIdOrSlug, TEAM_SCOPES.read);
      const rows = await listTeamMemberViews(db, context.org.id, team.id, keysetBounds(request));
      const now = clock.now();
      const page = pageOf(rows, request, (member) => member.id);
      return {
        body: page.items.map((member) => ({ ...presentMember(member, now), teamRole: member.team_role, teamSlug: team.slug })),
        page,
      };
    },

    /** The requester's active teams (every team for a superuser), by slug. Needs org:read. */
    async userTeams(requester: Requester, orgIdOrSlug: string) {
      const context = await loadOrgContext(db, requester, orgIdOrSlug, { anyScope: ORG_READ_SCOPES });
      return teamObjects(db, context, { memberOnly: true });
    },
  };
}

export type TeamService = ReturnType<typeof createTeamService>;
