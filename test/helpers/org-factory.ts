import { sql } from 'kysely';
import type { Harness } from './harness.js';

/**
 * Small factories over `h.seed`: each call builds a fresh organization whose people are named by
 * keys (`owner`, `alice`, …), so every test owns its data. Emails and the slug are made unique.
 */
export interface MemberSpec {
  role: 'billing' | 'member' | 'admin' | 'manager' | 'owner';
  pending?: boolean;
  teams?: Array<string | { slug: string; role: 'contributor' | 'admin' | null }>;
  /** Key of the member who sent the invite. */
  invitedBy?: string;
  tokenExpiresAt?: string;
  flags?: Record<string, boolean>;
  totp?: boolean;
}

export interface OrgSpec {
  members: Record<string, MemberSpec>;
  teams?: string[];
  /** People who are not members (a superuser, an outsider). */
  users?: Record<string, { superuser?: boolean }>;
  authProvider?: { provider: string };
  features?: Record<string, boolean>;
  settings?: Record<string, unknown>;
  /** Extra tokens with chosen scopes: name → [person key, scopes]. */
  tokens?: Record<string, [string, string[]]>;
}

export interface BuiltOrg {
  slug: string;
  id: string;
  emails: Record<string, string>;
  /** Member ids by person key. */
  ids: Record<string, string>;
  teams: Record<string, string>;
  /** A token with every scope for each person with an account, plus the named extra tokens. */
  tokens: Record<string, string>;
  inviteLinks: Record<string, string>;
  /** `/api/0/organizations/{slug}/members/{id of key, or the raw id}/` */
  memberUrl(keyOrId: string): string;
}

let counter = 0;

export async function buildOrg(h: Harness, spec: OrgSpec): Promise<BuiltOrg> {
  const n = ++counter;
  const slug = `org-${n}-${Math.random().toString(36).slice(2, 7)}`;
  const emailOf = (key: string) => `${key}.${slug}@example.com`;
  const keys = [...Object.keys(spec.members), ...Object.keys(spec.users ?? {})];
  const emails = Object.fromEntries(keys.map((key) => [key, emailOf(key)]));
  const seeded = await h.seed({
    users: [
      ...Object.entries(spec.members)
        .filter(([, member]) => !member.pending)
        .map(([key, member]) => ({ email: emailOf(key), name: key, ...(member.totp ? { totpSecret: 'JBSWY3DPEHPK3PXP' } : {}) })),
      ...Object.entries(spec.users ?? {}).map(([key, user]) => ({ email: emailOf(key), name: key, superuser: user.superuser ?? false })),
    ],
    organizations: [
      {
        slug,
        name: `Org ${n}`,
        ...(spec.features ? { features: spec.features } : {}),
        ...(spec.settings ? { settings: spec.settings } : {}),
        ...(spec.authProvider ? { authProvider: spec.authProvider } : {}),
        teams: (spec.teams ?? []).map((team) => ({ slug: team })),
        members: Object.entries(spec.members).map(([key, member]) => ({
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
  for (const key of keys) if (seeded.users[emailOf(key)]) tokens[key] = seeded.users[emailOf(key)]!.token;
  Object.keys(spec.tokens ?? {}).forEach((name, index) => (tokens[name] = seeded.tokens[index]!));
  const ids = byEmail(org.members);
  return {
    slug,
    id: org.id,
    emails,
    ids,
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

/** The audit entries of an organization, oldest first, with their event names. */
export async function auditEntries(h: Harness, orgId: string) {
  return h.database.db
    .selectFrom('audit_log_entries')
    .select(['event', 'actor_id', 'target_object', 'target_user_id', 'data'])
    .where('organization_id', '=', orgId)
    .orderBy('id')
    .execute();
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
