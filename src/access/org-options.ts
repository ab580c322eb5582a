/**
 * The organization options in scope (sentry-behavior.md §9.1, less what decisions.md leaves out),
 * stored as organization_options rows; a missing row means the default.
 */
export interface OrgOptionSpec {
  apiKey: string;
  key: string;
  kind: 'bool' | 'list' | 'string' | 'crashReports';
  default: unknown;
}

export const ORG_OPTIONS: readonly OrgOptionSpec[] = [
  { apiKey: 'dataScrubber', key: 'sentry:require_scrub_data', kind: 'bool', default: false },
  { apiKey: 'sensitiveFields', key: 'sentry:sensitive_fields', kind: 'list', default: [] },
  { apiKey: 'safeFields', key: 'sentry:safe_fields', kind: 'list', default: [] },
  { apiKey: 'scrapeJavaScript', key: 'sentry:scrape_javascript', kind: 'bool', default: true },
  { apiKey: 'dataScrubberDefaults', key: 'sentry:require_scrub_defaults', kind: 'bool', default: false },
  { apiKey: 'storeCrashReports', key: 'sentry:store_crash_reports', kind: 'crashReports', default: 0 },
  { apiKey: 'attachmentsRole', key: 'sentry:attachments_role', kind: 'string', default: 'member' },
  { apiKey: 'debugFilesRole', key: 'sentry:debug_files_role', kind: 'string', default: 'admin' },
  { apiKey: 'eventsMemberAdmin', key: 'sentry:events_member_admin', kind: 'bool', default: true },
  { apiKey: 'alertsMemberWrite', key: 'sentry:alerts_member_write', kind: 'bool', default: true },
  { apiKey: 'scrubIPAddresses', key: 'sentry:require_scrub_ip_address', kind: 'bool', default: false },
  { apiKey: 'allowJoinRequests', key: 'sentry:join_requests', kind: 'bool', default: true },
];

export type OrgOptionValues = Record<string, unknown>;

/** The value of every in-scope option by its API key, defaults filled in. */
export function optionValues(stored: Readonly<Record<string, unknown>>): OrgOptionValues {
  const values: OrgOptionValues = {};
  for (const option of ORG_OPTIONS) values[option.apiKey] = stored[option.key] ?? option.default;
  return values;
}

/** Sentry feature flags as per-organization settings, with self-hosted Sentry's defaults. */
export const FEATURE_DEFAULTS = {
  'team-roles': true,
  'invite-members': true,
  'invite-billing': false,
  'invite-members-rate-limits': true,
} as const;

export type FeatureName = keyof typeof FEATURE_DEFAULTS;

export function featureEnabled(features: Readonly<Record<string, boolean>>, name: FeatureName): boolean {
  return features[name] ?? FEATURE_DEFAULTS[name];
}

export function enabledFeatures(features: Readonly<Record<string, boolean>>): string[] {
  return (Object.keys(FEATURE_DEFAULTS) as FeatureName[])
    .filter((name) => featureEnabled(features, name))
    .map((name) => `organizations:${name}`);
}
