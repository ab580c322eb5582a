import { deleteOrganizationAuditEntries } from './audit/org-deletion.queries.js';
import { deleteDeadSessions, deleteExpiredOneTimeTokens } from './identity/identity-purge.queries.js';
import { deleteOrganizationMembers, deleteOrganizationMemberTeams } from './members/member-deletion.queries.js';
import { createOrgDeletionJob, type OrgDeletionStep } from './organizations/org-deletion.job.js';
import { deleteOrganizationOptions } from './organizations/org-deletion.queries.js';
import type { Db } from './platform/db/database.js';
import { createPurgeJob, type PurgeStep } from './platform/jobs/purge-job.js';
import type { ScheduledJob } from './platform/jobs/scheduled-job.js';
import { DAY_MS, type Clock } from './platform/lib/clock.js';
import { deleteEndedRateLimitWindows } from './platform/lib/rate-limit.queries.js';
import { deleteOrganizationEmails, deleteSentEmails } from './platform/mail/outbox.queries.js';
import { deleteOrganizationWebhookMessages, deleteSentWebhookMessages } from './platform/webhooks/webhook-outbox.queries.js';
import { deleteOldWebhookDeliveries, deleteOrganizationWebhookDeliveries, deleteOrganizationWebhookEndpoints } from './webhooks/webhook-retention.queries.js';
import { deleteOrganizationDeprovisioned } from './members/member-scim.queries.js';
import {
  deleteExpiredScimTokens,
  deleteOrganizationIdentities,
  deleteOrganizationPendingSignins,
  deleteOrganizationProvider,
  deleteOrganizationSamlIds,
  deleteOrganizationScimTokens,
  deleteOrganizationSessionMarks,
} from './sso/sso-deletion.queries.js';
import { deleteExpiredPendingSignins, deleteExpiredSamlIds } from './sso/sso-signin.queries.js';
import { deleteOrganizationAccessRequests, deleteOrganizationTeams } from './teams/team-deletion.queries.js';

/** How long the record of a sent email (its Message-ID, recipient and subject; the body is dropped at sending) is kept. */
export const SENT_EMAIL_RETENTION_DAYS = 7;

/** How long a delivered webhook message (its payload) is kept, for redelivery by hand (issue 18). */
export const SENT_WEBHOOK_RETENTION_DAYS = 7;

/** How long the webhook delivery log keeps an attempt, after its message is gone (issue 18). */
export const WEBHOOK_DELIVERY_LOG_RETENTION_DAYS = 30;

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

/**
 * What an organization's deletion deletes, in this order (a table others point at after them), each
 * step from the module that owns its table. A module with rows of its own adds its step here. The
 * webhooks' delivery log and messages go before the endpoints both point at. API tokens belong to
 * users, not organizations: their access to the organization ends with the memberships; its SCIM
 * tokens are its own and go.
 */
export const ORG_DELETION_STEPS: readonly OrgDeletionStep[] = [
  { name: 'memberTeams', deleteBatch: deleteOrganizationMemberTeams },
  { name: 'accessRequests', deleteBatch: deleteOrganizationAccessRequests },
  { name: 'members', deleteBatch: deleteOrganizationMembers },
  { name: 'teams', deleteBatch: deleteOrganizationTeams },
  { name: 'ssoIdentities', deleteBatch: deleteOrganizationIdentities },
  { name: 'ssoPendingSignins', deleteBatch: deleteOrganizationPendingSignins },
  { name: 'ssoSessionMarks', deleteBatch: deleteOrganizationSessionMarks },
  { name: 'samlSeenIds', deleteBatch: deleteOrganizationSamlIds },
  { name: 'scimTokens', deleteBatch: deleteOrganizationScimTokens },
  { name: 'scimDeprovisioned', deleteBatch: deleteOrganizationDeprovisioned },
  { name: 'ssoProvider', deleteBatch: deleteOrganizationProvider },
  { name: 'webhookDeliveries', deleteBatch: deleteOrganizationWebhookDeliveries },
  { name: 'webhookMessages', deleteBatch: deleteOrganizationWebhookMessages },
  { name: 'webhookEndpoints', deleteBatch: deleteOrganizationWebhookEndpoints },
  { name: 'emails', deleteBatch: deleteOrganizationEmails },
  { name: 'options', deleteBatch: deleteOrganizationOptions },
  { name: 'auditEntries', deleteBatch: deleteOrganizationAuditEntries },
];

/**
 * What `purge-expired` deletes, each step from the module that owns its table. A module that keeps
 * rows for a time adds its step here. A webhook message delivered 7 days ago goes, while its attempts
 * stay in the delivery log (which names the event itself) for 30 days.
 */
export const PURGE_STEPS: readonly PurgeStep[] = [
  { name: 'sessions', purge: deleteDeadSessions },
  { name: 'oneTimeTokens', purge: deleteExpiredOneTimeTokens },
  { name: 'rateLimitCounters', purge: deleteEndedRateLimitWindows },
  { name: 'ssoPendingSignins', purge: deleteExpiredPendingSignins },
  { name: 'samlSeenIds', purge: deleteExpiredSamlIds },
  { name: 'scimTokens', purge: deleteExpiredScimTokens },
  { name: 'sentEmails', purge: (tx, now, limit) => deleteSentEmails(tx, daysBefore(now, SENT_EMAIL_RETENTION_DAYS), limit) },
  { name: 'sentWebhookMessages', purge: (tx, now, limit) => deleteSentWebhookMessages(tx, daysBefore(now, SENT_WEBHOOK_RETENTION_DAYS), limit) },
  { name: 'webhookDeliveries', purge: (tx, now, limit) => deleteOldWebhookDeliveries(tx, daysBefore(now, WEBHOOK_DELIVERY_LOG_RETENTION_DAYS), limit) },
];

/** The scheduled jobs every serving process runs (src/platform/jobs/job-runner.ts), and `roster jobs run` runs once. */
export function createScheduledJobs({ db, clock }: { db: Db; clock: Clock }): ScheduledJob[] {
  return [
    // A deletion is due 24 hours after it was asked for; a run every 15 minutes deletes it within 24 h 15 min.
    createOrgDeletionJob({ db, clock, steps: ORG_DELETION_STEPS, everySeconds: 15 * 60 }),
    createPurgeJob({ db, steps: PURGE_STEPS, everySeconds: 60 * 60 }),
  ];
}
