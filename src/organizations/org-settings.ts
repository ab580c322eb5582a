import type { Tx } from '../platform/db/database.js';
import type { Selectable, Updateable } from 'kysely';
import type { OrganizationsTable } from '../platform/db/schema.js';
import { ORG_OPTIONS } from '../access/org-options.js';
import { pythonStr } from './python-str.js';

type FlagColumn = keyof Pick<
  OrganizationsTable,
  | 'allow_joinleave' | 'enhanced_privacy' | 'disable_shared_issues' | 'early_adopter' | 'require_2fa'
  | 'require_email_verification' | 'disable_member_project_creation' | 'prevent_superuser_access'
  | 'disable_member_invite'
>;

/** Settings kept as organization flags (sentry-behavior.md §9.2); `inverted` ones store the opposite. */
export const FLAG_SETTINGS: ReadonlyArray<{ apiKey: string; column: FlagColumn; inverted: boolean }> = [
  { apiKey: 'openMembership', column: 'allow_joinleave', inverted: false },
  { apiKey: 'allowSharedIssues', column: 'disable_shared_issues', inverted: true },
  { apiKey: 'enhancedPrivacy', column: 'enhanced_privacy', inverted: false },
  { apiKey: 'isEarlyAdopter', column: 'early_adopter', inverted: false },
  { apiKey: 'require2FA', column: 'require_2fa', inverted: false },
  { apiKey: 'requireEmailVerification', column: 'require_email_verification', inverted: false },
  { apiKey: 'allowMemberProjectCreation', column: 'disable_member_project_creation', inverted: true },
  { apiKey: 'allowSuperuserAccess', column: 'prevent_superuser_access', inverted: true },
  { apiKey: 'allowMemberInvite', column: 'disable_member_invite', inverted: true },
];

/** Turns `crashReports` settings into Sentry's stored count (true → -1, false → 0). */
export function storedOptionValue(kind: string, value: unknown): unknown {
  if (kind === 'crashReports') return value === true ? -1 : value === false || value === null ? 0 : value;
  return value;
}

/**
 * Writes already-validated settings: flag columns, name, default role and option rows. Validation,
 * side effects (2FA enforcement) and the audit entry belong to the caller.
 */
export async function writeSettings(tx: Tx, orgId: string, settings: Readonly<Record<string, unknown>>): Promise<void> {
  const columns: Updateable<OrganizationsTable> = {};
  for (const flag of FLAG_SETTINGS) {
    const value = settings[flag.apiKey];
    if (typeof value === 'boolean') columns[flag.column] = flag.inverted ? !value : value;
  }
  if (typeof settings.name === 'string') columns.name = settings.name;
  if (typeof settings.slug === 'string') columns.slug = settings.slug;
  if (typeof settings.defaultRole === 'string') columns.default_role = settings.defaultRole;
  if (Object.keys(columns).length > 0) {
    await tx.updateTable('organizations').set(columns).where('id', '=', orgId).execute();
  }
  for (const option of ORG_OPTIONS) {
    if (!(option.apiKey in settings)) continue;
    const value = JSON.stringify(storedOptionValue(option.kind, settings[option.apiKey]));
    await tx
      .insertInto('organization_options')
      .values({ organization_id: orgId, key: option.key, value })
      .onConflict((oc) => oc.columns(['organization_id', 'key']).doUpdateSet({ value }))
      .execute();
  }
}

/** What `changed_data` compares against: the organization before the change. */
export type SettingsBefore = Pick<Selectable<OrganizationsTable>, 'name' | 'slug' | 'default_role' | FlagColumn>;

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Sentry's `changed_data` for the `org.edit` audit entry (sentry-behavior.md §9.1–9.3), values written
 * as Python's `str()` does. An option without a stored row is recorded as "to <new>" only when the new
 * value is not the default; a stored one as "from <old> to <new>" only when it changes. Name, slug and
 * default role read "from <old> to <new>"; a flag that changes reads "to <new>" under the flag's name.
 * The avatar and `cancelDeletion` are not recorded.
 */
export function settingsChangedData(
  before: SettingsBefore,
  storedOptions: Readonly<Record<string, unknown>>,
  settings: Readonly<Record<string, unknown>>,
): Record<string, string> {
  const changed: Record<string, string> = {};
  for (const option of ORG_OPTIONS) {
    if (!(option.apiKey in settings)) continue;
    const value = storedOptionValue(option.kind, settings[option.apiKey]);
    if (!(option.key in storedOptions)) {
      if (!sameValue(value, option.default)) changed[option.apiKey] = `to ${pythonStr(value)}`;
    } else if (!sameValue(storedOptions[option.key], value)) {
      changed[option.apiKey] = `from ${pythonStr(storedOptions[option.key])} to ${pythonStr(value)}`;
    }
  }
  const fields: Array<[string, keyof SettingsBefore, string]> = [
    ['name', 'name', 'name'],
    ['slug', 'slug', 'slug'],
    ['defaultRole', 'default_role', 'default_role'],
  ];
  for (const [apiKey, column, auditKey] of fields) {
    const value = settings[apiKey];
    if (typeof value === 'string' && value !== before[column]) changed[auditKey] = `from ${pythonStr(before[column])} to ${pythonStr(value)}`;
  }
  for (const flag of FLAG_SETTINGS) {
    const value = settings[flag.apiKey];
    if (typeof value !== 'boolean') continue;
    const stored = flag.inverted ? !value : value;
    if (stored !== before[flag.column]) changed[flag.column] = `to ${pythonStr(stored)}`;
  }
  return changed;
}
