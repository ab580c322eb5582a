import type { ParsedMail } from 'mailparser';
import type { Harness } from './harness.js';

/** Small factories for the organization-settings suites: one organization per test, people by key. */

export const TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

export interface PersonSpec {
  role: 'billing' | 'member' | 'admin' | 'manager' | 'owner';
  twoFactor?: boolean;
  verified?: boolean;
  teams?: string[];
}

export interface SeededOrg {
  id: string;
  slug: string;
  token: Record<string, string>;
  userId: Record<string, string>;
  memberId: Record<string, string>;
  teamId: Record<string, string>;
  email(key: string): string;
}

export async function seedOrg(
  h: Harness,
  slug: string,
  people: Record<string, PersonSpec>,
  extra: { settings?: Record<string, unknown>; authProvider?: { provider: string }; teams?: string[]; name?: string } = {},
): Promise<SeededOrg> {
  const email = (key: string) => `${key.toLowerCase()}@${slug}.example.com`;
  const entries = Object.entries(people);
  const result = await h.seed({
    users: entries.map(([key, spec]) => ({
      email: email(key),
      name: key[0]!.toUpperCase() + key.slice(1),
      emailVerified: spec.verified ?? true,
      ...(spec.twoFactor ? { totpSecret: TOTP_SECRET } : {}),
    })),
    organizations: [
      {
        slug,
        name: extra.name ?? slug,
        ...(extra.settings ? { settings: extra.settings } : {}),
        ...(extra.authProvider ? { authProvider: extra.authProvider } : {}),
        teams: (extra.teams ?? []).map((team) => ({ slug: team, name: team })),
        members: entries.map(([key, spec]) => ({
          email: email(key),
          role: spec.role,
          teams: (spec.teams ?? []).map((team) => ({ slug: team })),
        })),
      },
    ],
  });
  const org = result.organizations[slug]!;
  const by = <T>(pick: (key: string) => T) => Object.fromEntries(entries.map(([key]) => [key, pick(key)]));
  return {
    id: org.id,
    slug,
    token: by((key) => result.users[email(key)]!.token),
    userId: by((key) => result.users[email(key)]!.id),
    memberId: by((key) => org.members[email(key)]!),
    teamId: org.teams,
    email,
  };
}

export function auditEntries(h: Harness, orgId: string, event?: number) {
  let query = h.database.db.selectFrom('audit_log_entries').selectAll().where('organization_id', '=', orgId).orderBy('id');
  if (event !== undefined) query = query.where('event', '=', event);
  return query.execute();
}

export function member(h: Harness, orgId: string, memberId: string) {
  return h.database.db.selectFrom('members').selectAll().where('organization_id', '=', orgId).where('id', '=', memberId).executeTakeFirstOrThrow();
}

export function orgRow(h: Harness, orgId: string) {
  return h.database.db.selectFrom('organizations').selectAll().where('id', '=', orgId).executeTakeFirstOrThrow();
}

export function recipients(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((address) => address.value.map((entry) => entry.address ?? ''));
}

export function mailsTo(messages: ParsedMail[], address: string): ParsedMail[] {
  return messages.filter((mail) => recipients(mail).includes(address));
}

/** Sentry's audit event ids used by these suites (sentry-behavior.md §10). */
export const EVENT = { MEMBER_PENDING: 8, ORG_EDIT: 11, ORG_REMOVE: 12, ORG_RESTORE: 13 } as const;

/** Fields of Sentry's PUT organization response that decisions.md leaves out (out of scope), or that belong to the teams resource. */
export const OUT_OF_SCOPE_ORG_FIELDS = [
  'aggregatedDataConsent', 'autoEnableCodeReview', 'autoOpenPrs', 'defaultAutofixAutomationTuning',
  'defaultAutomatedRunStoppingPoint', 'defaultCodeReviewTriggers', 'defaultCodingAgent',
  'defaultCodingAgentIntegrationId', 'defaultSeerScannerAutomation', 'enableSeerCoding', 'hideAiFeatures',
  'isDynamicallySampled', 'issueAlertsThreadFlag', 'metricAlertsThreadFlag', 'projects', 'relayDsnEndpoint',
  'relayPiiConfig', 'trustedRelays', 'teams',
] as const;
