import type { Tx } from '../platform/db/database.js';
import { recordAudit, type AuditActor } from '../audit/record-audit.js';
import type { OrgRoleId } from '../access/roles.js';
import { settingsChangedData, writeSettings, type SettingsBefore } from './org-settings.js';
import { emitOrganizationUpdated } from './org-webhooks.js';

/**
 * The organization settings an SSO provider changes, written here so that only organizations/ writes
 * the organizations table. Both run inside the caller's transaction, after it locked the row.
 */

/**
 * SSO and required 2FA exclude each other (as in Sentry): enabling SSO turns `require2FA` off and
 * records it as an `org.edit` entry, as the settings route would. Nothing happens when it is off.
 */
export async function turnOffTwoFactorForSso(tx: Tx, org: SettingsBefore & { id: string }, actor: AuditActor): Promise<boolean> {
  if (!org.require_2fa) return false;
  const settings = { require2FA: false };
  await writeSettings(tx, org.id, settings);
  const changes = settingsChangedData(org, {}, settings);
  await recordAudit(tx, { organizationId: org.id, event: 'ORG_EDIT', actor, targetObject: org.id, data: changes });
  await emitOrganizationUpdated(tx, org, changes);
  return true;
}

/** The organization's default role (what JIT members get); the caller audits it with its own entry. */
export async function setDefaultRole(tx: Tx, orgId: string, role: OrgRoleId): Promise<void> {
  await writeSettings(tx, orgId, { defaultRole: role });
}
