import { sql } from 'kysely';
import type { Harness } from './harness.js';

/**
 * The one organization factory: each call builds a fresh organization whose people are named by
 * keys (`owner`, `alice`, …), so every test owns its data. The slug and emails are unique unless the
 * test names the slug (suites whose URLs are written out in full).
 */
export const TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

export interface MemberSpec {
  role: 'billing' | 'member' | 'admin' | 'manager' | 'owner';
  pending?: boolean;
  teams?: Array<string | { slug: string; role: 'contributor' | 'admin' | null }>;
  /** Key of the member who sent the invite. */
  invitedBy?: string;
  tokenExpiresAt?: string;
  flags?: Record<string, boolean>;
  /** Enrolled in TOTP (with TOTP_SECRET). */
  totp?: boolean;
  /** false: the account's address is not verified (the seed verifies it otherwise). */
  verified?: boolean;
  /** The person's name; default: the key. */
  name?: string;
}

export interface OrgSpec {
  /** Default: a unique `org-<n>-<random>`. */
  slug?: string;
  /** Default: the slug when the test names it, else `Org <n>`. */
  name?: string;
  /** Default: one owner, keyed `owner`. */
  members?: Record<string, MemberSpec>;
  teams?: string[];
  /** People who are not members (a superuser, an outsider). */
  users?: Record<string, { superuser?: boolean; totp?: boolean }>;
  authProvider?: { provider: string; allowUnlinked?: boolean };
  features?: Record<string, boolean>;
  settings?: Record<string, unknown>;
  /** Extra tokens with chosen scopes: name → [person key, scopes]. */
  tokens?: Record<string, [string, string[]]>;
}

export interface BuiltOrg {
  slug: string;
  id: string;
  name: string;
  /** The address of a person key: `<key>.<slug>@example.com`. */
  emailOf(key: string): string;
  /** Member ids by person key. */
  ids: Record<string, string>;
  /** User ids by person key, for everyone with an account. */
  userIds: Record<string, string>;
  teams: Record<string, string>;
  /** A token with every scope for each person with an account, plus the named extra tokens. */
  tokens: Record<string, string>;
  inviteLinks: Record<string, string>;
  /** `/api/0/organizations/{slug}/members/{id of key, or the raw id}/` */
  memberUrl(keyOrId: string): `/api/0/organizations/${string}/members/${string}/`;
}

let counter = 0;

export async function buildOrg(h: Harness, spec: OrgSpec = {}): Promise<BuiltOrg> {
  const n = ++counter;
  const slug = spec.slug ?? `org-${n}-${Math.random().toString(36).slice(2, 7)}`;
  const name = spec.name ?? spec.slug ?? `Org ${n}`;
  const members = spec.members ?? { owner: { role: 'owner' } };
  const emailOf = (key: string) => `${key}.${slug}@example.com`;
  const keys = [...Object.keys(members), ...Object.keys(spec.users ?? {})];
  const person = (key: string, totp: boolean | undefined, name = key) => ({
    email: emailOf(key),
    name,
    ...(totp ? { totpSecret: TOTP_SECRET } : {}),
  });
  const seeded = await h.seed({
    users: [
      ...Object.entries(members)
        .filter(([, member]) => !member.pending)
        .map(([key, member]) => ({ ...person(key, member.totp, member.name), ...(member.verified === false ? { emailVerified: false } : {}) })),
      ...Object.entries(spec.users ?? {}).map(([key, user]) => ({ ...person(key, user.totp), superuser: user.superuser ?? false })),
    ],
    organizations: [
      {
        slug,
        name,
        ...(spec.features ? { features: spec.features } : {}),
        ...(spec.settings ? { settings: spec.settings } : {}),
        ...(spec.authProvider ? { authProvider: spec.authProvider } : {}),
        teams: (spec.teams ?? []).map((team) => ({ slug: team })),
        members: Object.entries(members).map(([key, member]) => ({
          email: emailOf(key),
          role: member.role,
          ...(member.pending ? { pending: true } : {}),
          ...(member.invitedBy ? { invitedBy: emailOf(member.invitedBy) } : {}),
          ...(member.tokenExpiresAt ? { tokenExpiresAt: member.tokenExpiresAt } : {}),
          ...(member.flags ? { flags: member.flags } : {}),
          teams: (member.teams ?? []).map((team) => (typeof team === 'string' ? { slug: team } : team)),
        })),
      },
    ],
    tokens: Object.values(spec.tokens ?? {}).map(([key, scopes]) => ({ user: emailOf(key), scopes })),
  });
  const org = seeded.organizations[slug]!;
  const byEmail = (record: Record<string, string>) =>
    Object.fromEntries(keys.filter((key) => record[emailOf(key)] !== undefined).map((key) => [key, record[emailOf(key)]!]));
  const tokens: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  for (const key of keys) {
    const user = seeded.users[emailOf(key)];
    if (user) [tokens[key], userIds[key]] = [user.token, user.id];
  }
  Object.keys(spec.tokens ?? {}).forEach((tokenName, index) => (tokens[tokenName] = seeded.tokens[index]!));
  const ids = byEmail(org.members);
  return {
    slug,
    id: org.id,
    name,
    emailOf,
    ids,
    userIds,
    teams: org.teams,
    tokens,
    inviteLinks: byEmail(org.inviteLinks),
    memberUrl: (keyOrId) => `/api/0/organizations/${slug}/members/${ids[keyOrId] ?? keyOrId}/`,
  };
}

/**
 * Everything a member request could change in an organization, to assert that a refused request
 * changed nothing: members, team memberships, audit entries, queued emails and rate-limit counters.
 */
export async function orgState(h: Harness, orgId: string) {
  const db = h.database.db;
  const [members, memberTeams, audit, outbox, counters] = await Promise.all([
    db.selectFrom('members').selectAll().where('organization_id', '=', orgId).orderBy('id').execute(),
    db.selectFrom('member_teams').selectAll().where('organization_id', '=', orgId).orderBy('id').execute(),
    db.selectFrom('audit_log_entries').select(['id', 'event', 'data']).where('organization_id', '=', orgId).orderBy('id').execute(),
    db.selectFrom('email_outbox').select(['id', 'recipient', 'subject']).where('organization_id', '=', orgId).orderBy('id').execute(),
    // Failed authentications are counted on purpose (they are rate-limited); they are not the organization's state.
    sql<{ bucket: string; count: number }>`select bucket, count from rate_limit_counters where bucket not like 'auth-fail:%' order by bucket`.execute(db),
  ]);
  return { members, memberTeams, audit, outbox, counters: counters.rows };
}

/** The audit entries of an organization, oldest first; only those of `event` when given. */
export function auditEntries(h: Harness, orgId: string, event?: number) {
  let query = h.database.db.selectFrom('audit_log_entries').selectAll().where('organization_id', '=', orgId).orderBy('id');
  if (event !== undefined) query = query.where('event', '=', event);
  return query.execute();
}

/** Sentry's audit event ids some suites filter by (sentry-behavior.md §10). */
export const EVENT = { MEMBER_PENDING: 8, ORG_EDIT: 11, ORG_REMOVE: 12, ORG_RESTORE: 13 } as const;

/** A member's stored row. */
export function memberRow(h: Harness, orgId: string, memberId: string) {
  return h.database.db.selectFrom('members').selectAll().where('organization_id', '=', orgId).where('id', '=', memberId).executeTakeFirstOrThrow();
}

/** An organization's stored row. */
export function orgRow(h: Harness, orgId: string) {
  return h.database.db.selectFrom('organizations').selectAll().where('id', '=', orgId).executeTakeFirstOrThrow();
}

/** The team memberships of a member as `slug → stored role`. */
export async function teamRolesOf(h: Harness, orgId: string, memberId: string): Promise<Record<string, string | null>> {
  const rows = await h.database.db
    .selectFrom('member_teams as mt')
    .innerJoin('teams as t', (join) => join.onRef('t.organization_id', '=', 'mt.organization_id').onRef('t.id', '=', 'mt.team_id'))
    .select(['t.slug', 'mt.role'])
    .where('mt.organization_id', '=', orgId)
    .where('mt.member_id', '=', memberId)
    .orderBy('t.slug')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.slug, row.role]));
}
