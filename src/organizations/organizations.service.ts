import type { Static } from '@sinclair/typebox';
import type { Config } from '../config.js';
import type { Db, Executor } from '../platform/db/database.js';
import type { Requester } from '../access/requester.js';
import type { Clock } from '../platform/lib/clock.js';
import { violatedUniqueConstraint } from '../platform/db/constraint-errors.js';
import { fieldError } from '../platform/http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { insertMember } from '../members/members.queries.js';
import { loadOrgContext } from '../access/org-context.js';
import { orgAuditData } from './org-audit.js';
import { enforceOrgCreateRateLimit } from './org-create-rate-limit.js';
import {
  findOrganizationsOfUser,
  insertOrganization,
  isOrgSlugTaken,
} from './organizations.queries.js';
import { presentOrganizationSummary } from '../access/org-summary.js';
import { organizationDetails, type DetailsView } from './organization-details.js';
import type { CreateOrganizationBody } from './organizations.schemas.js';
import { RESERVED_ORG_SLUGS, orgSlugProblem, slugSuffix, slugifyName } from '../platform/lib/slug.js';

export interface OrganizationServiceDeps {
  db: Db;
  config: Pick<Config, 'publicUrl'>;
  clock: Clock;
}

export function createOrganizationService({ db, config, clock }: OrganizationServiceDeps) {
  /** A free slug for a new organization: the given one (400 when it breaks a rule or is taken), else one from the name. */
  async function chooseSlug(executor: Executor, name: string, requested: string | undefined): Promise<string> {
    if (requested !== undefined) {
      const problem = orgSlugProblem(requested);
      if (problem) throw fieldError('slug', problem);
      if (await isOrgSlugTaken(executor, requested)) throw fieldError('slug', `The slug "${requested}" is already in use.`);
      return requested;
    }
    let slug = slugifyName(name);
    if (slug.length < 3 || /^\d+$/.test(slug) || RESERVED_ORG_SLUGS.has(slug)) slug = `${slug || 'org'}-${slugSuffix()}`;
    while (await isOrgSlugTaken(executor, slug)) slug = `${slugifyName(name, 42)}-${slugSuffix()}`;
    return slug;
  }

  return {
    /** The requester's organizations (only those it owns with `owner`). */
    async list(requester: Requester, ownerOnly: boolean) {
      const rows = await findOrganizationsOfUser(db, requester.userId, ownerOnly);
      return rows.map(({ auth_provider, ...org }) => presentOrganizationSummary(config, org, auth_provider !== null));
    },

    /** One organization in detail, with what `view` asks for; 404 when it does not exist or the requester is not a member. */
    async get(requester: Requester, idOrSlug: string, view: DetailsView) {
      const context = await loadOrgContext(db, requester, idOrSlug, { anyScope: ['org:read', 'org:write', 'org:admin'] });
      return organizationDetails(db, config, context, view);
    },

    /** Creates an organization owned by the requester; 400 on a bad or taken slug, 429 past the creation limits. */
    async create(requester: Requester, body: Static<typeof CreateOrganizationBody>) {
      const name = body.name.trim();
      if (!name) throw fieldError('name', 'This field may not be blank.');
      try {
        return await db.transaction().execute(async (tx) => {
          await enforceOrgCreateRateLimit(tx, { userId: requester.userId, ip: requester.ip, now: clock.now() });
          const slug = await chooseSlug(tx, name, body.slug);
          const created = await insertOrganization(tx, { slug, name });
          await insertMember(tx, { organization_id: created.id, user_id: requester.userId, role: 'owner' });
          const context = await loadOrgContext(tx, requester, created.id);
          await recordAudit(tx, {
            organizationId: created.id,
            event: 'ORG_ADD',
            actor: requester,
            targetObject: created.id,
            data: orgAuditData(context.org),
          });
          return organizationDetails(tx, config, context);
        });
      } catch (error) {
        if (violatedUniqueConstraint(error) === 'organizations_slug_key') {
          throw fieldError('slug', `The slug "${body.slug ?? name}" is already in use.`);
        }
        throw error;
      }
    },
  };
}

export type OrganizationService = ReturnType<typeof createOrganizationService>;
