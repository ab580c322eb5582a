import crypto from 'node:crypto';
import type { Config } from '../config.js';
import type { Db, Executor } from '../platform/db/database.js';
import type { Requester } from '../access/requester.js';
import { displayName } from '../access/requester.js';
import { findUserById, hasTwoFactor } from '../identity/users.queries.js';
import { recordAudit } from '../audit/record-audit.js';
import { emitOrganizationUpdated } from './org-webhooks.js';
import { violatedUniqueConstraint } from '../platform/db/constraint-errors.js';
import { ApiError } from '../platform/http/errors.js';
import type { Clock } from '../platform/lib/clock.js';
import { enqueueEmail } from '../platform/mail/outbox.js';
import { orgDeleteConfirmEmail } from '../platform/mail/templates/org-delete-confirm.js';
import { canRemoveMember, hasScope } from '../access/access.js';
import { IMAGE_CONTENT_TYPES, imageFormat } from './avatar.js';
import { applyMemberCompliance, planMemberCompliance } from './member-compliance.js';
import { orgAuditData } from './org-audit.js';
import { loadOrgContext } from '../access/org-context.js';
import { settingsChangedData, writeSettings } from './org-settings.js';
import {
  findActiveOwnerUsers,
  findAvatarImage,
  findOrgOptionRows,
  markPendingDeletion,
  orgHasAvatarImage,
  restoreOrganization,
  updateOrgAvatar,
} from './org-settings.queries.js';
import type { UpdateOrganizationBody } from './org-settings.schemas.js';
import { validateSettings } from './org-settings.validation.js';
import { isOrgSlugTaken } from './organizations.queries.js';
import { organizationDetails } from './organization-details.js';

/** Sentry schedules the deletion of an organization a day after it is asked for. */
export const DELETION_DELAY_HOURS = 24;

export interface OrgSettingsServiceDeps {
  db: Db;
  config: Pick<Config, 'publicUrl'>;
  clock: Clock;
}

export function createOrgSettingsService({ db, config, clock }: OrgSettingsServiceDeps) {
  async function presentAfterChange(tx: Executor, requester: Requester, orgId: string) {
    const context = await loadOrgContext(tx, requester, orgId);
    return { context, body: await organizationDetails(tx, config, context) };
  }

  return {
    /**
     * Changes settings, all in one transaction under the organization row lock: validation first, then
     * flags, options, name, slug, default role, avatar, restoration, one `org.edit` entry when something
     * changed, and 2FA / email-verification enforcement. 403 without org:write, 400 field errors, 413 for
     * an image over 5 MB, 409 when another organization takes the slug at the same moment.
     */
    async update(requester: Requester, idOrSlug: string, body: UpdateOrganizationBody) {
      try {
        return await db.transaction().execute(async (tx) => {
          // The organization row lock serializes this request with every other settings change and
          // owner-changing write, so enforcement never acts on an owner count another request changes.
          const context = await loadOrgContext(tx, requester, idOrSlug, { anyScope: ['org:write', 'org:admin'], forUpdate: true });
          const { org } = context;
          const storedOptions = await findOrgOptionRows(tx, org.id);
          const valid = await validateSettings(body, {
            isAdmin: hasScope(context.access, 'org:admin'),
            hasAuthProvider: context.authProvider !== null,
            storedOptions,
            slugTakenByAnother: (slug) => isOrgSlugTaken(tx, slug, org.id),
            requesterHasTwoFactor: () => hasTwoFactor(tx, requester.userId),
            requesterEmailVerified: async () => (await findUserById(tx, requester.userId))?.email_verified === true,
            hasStoredAvatar: () => orgHasAvatarImage(tx, org.id),
          });

          // Sentry enforces whenever the body says true, even when the requirement was already on. Who
          // is detached is decided here, before any write, from member rows locked until commit.
          // Enforcement suspends only whom the requester could remove: a manager never suspends an owner.
          const compliance = await planMemberCompliance(
            tx,
            org.id,
            { twoFactor: valid.enforceTwoFactor, emailVerification: valid.enforceEmailVerification },
            (role) => canRemoveMember(context.access, role),
          );

          const changedData = settingsChangedData(org, storedOptions, valid.settings);
          if (compliance.askToComply.length > 0) changedData.members_asked_to_comply = compliance.askToComply.map((row) => row.email).join(', ');
          await writeSettings(tx, org.id, valid.settings);
          if (valid.avatar) {
            const image = valid.avatar.image?.image ?? null;
            await updateOrgAvatar(tx, org.id, { type: valid.avatar.type, image, uuid: image ? crypto.randomUUID().replace(/-/g, '') : null });
          }
          // Only `cancelDeletion` (from org:admin) restores. Sentry also logs org.restore and cancels the
          // schedule for any PUT on an organization pending deletion (sentry-behavior.md §12 item 11),
          // which would make a routine settings change silently undo a deletion; Roster does not.
          const restored = valid.cancelDeletion && (await restoreOrganization(tx, org.id));

          const after = await presentAfterChange(tx, requester, org.id);
          if (restored) {
            await recordAudit(tx, { organizationId: org.id, event: 'ORG_RESTORE', actor: requester, targetObject: org.id, data: orgAuditData(after.context.org) });
          }
          if (Object.keys(changedData).length > 0) {
            await recordAudit(tx, { organizationId: org.id, event: 'ORG_EDIT', actor: requester, targetObject: org.id, data: changedData });
          }
          await emitOrganizationUpdated(tx, after.context.org, changedData);
          const asked = await applyMemberCompliance(tx, { config, now: clock.now() }, compliance, { orgName: after.context.org.name, actor: requester });
          const enforced = valid.enforceTwoFactor || valid.enforceEmailVerification;
          return enforced ? { ...after.body, membersAskedToComply: asked } : after.body;
        });
      } catch (error) {
        // Both checked the slug as free and one committed first: Sentry's answer to a slug collision.
        if (violatedUniqueConstraint(error) === 'organizations_slug_key') {
          throw new ApiError(409, { slug: ['An organization with this slug already exists.'] }, 'slug_conflict');
        }
        throw error;
      }
    },

    /**
     * Queues the organization for deletion in 24 hours (org:admin, else 403): status pending deletion,
     * `org.remove` audit entry, an email to every owner with the restore link. Deleting an organization
     * already pending deletion changes nothing and keeps its schedule.
     */
    async remove(requester: Requester, idOrSlug: string) {
      return db.transaction().execute(async (tx) => {
        const context = await loadOrgContext(tx, requester, idOrSlug, { anyScope: ['org:admin'], forUpdate: true });
        const { org } = context;
        const now = clock.now();
        const deletionAt = new Date(now.getTime() + DELETION_DELAY_HOURS * 60 * 60 * 1000);
        if (!(await markPendingDeletion(tx, org.id, deletionAt))) {
          return organizationDetails(tx, config, context);
        }
        const after = await presentAfterChange(tx, requester, org.id);
        await recordAudit(tx, { organizationId: org.id, event: 'ORG_REMOVE', actor: requester, targetObject: org.id, data: orgAuditData(after.context.org) });
        const restoreUrl = `${config.publicUrl}/organizations/${org.slug}/restore/`;
        for (const owner of await findActiveOwnerUsers(tx, org.id)) {
          await enqueueEmail(tx, {
            organizationId: org.id,
            to: owner.email,
            ...orgDeleteConfirmEmail({
              organizationName: org.name,
              organizationSlug: org.slug,
              username: displayName(requester),
              ipAddress: requester.ip || null,
              deletionAt,
              etaHours: DELETION_DELAY_HOURS,
              restoreUrl,
            }),
          });
        }
        return after.body;
      });
    },

    /** An uploaded organization avatar by its uuid (no authentication, as Sentry serves them); null when unknown. */
    async avatar(uuid: string): Promise<{ image: Buffer; contentType: string } | null> {
      const row = await findAvatarImage(db, uuid);
      if (!row?.avatar_image) return null;
      // PGlite returns bytea as a Uint8Array, pg as a Buffer.
      const image = Buffer.from(row.avatar_image);
      const format = imageFormat(image);
      return { image, contentType: format ? IMAGE_CONTENT_TYPES[format] : 'application/octet-stream' };
    },
  };
}

export type OrgSettingsService = ReturnType<typeof createOrgSettingsService>;
