import type { Harness } from './harness.js';

export interface OrgSpec {
  settings?: Record<string, unknown>;
  features?: Record<string, boolean>;
  authProvider?: { provider: string; allowUnlinked?: boolean };
  teams?: string[];
  /** Members by a short key (their email becomes `<key>.<n>@example.com`); default: one owner. */
  members?: Array<{ key: string; role: string; teams?: string[]; totp?: boolean; superuser?: boolean }>;
  /** Extra tokens with chosen scopes, by name. */
  tokens?: Record<string, { member: string; scopes: string[] }>;
}

export interface TestOrg {
  slug: string;
  id: string;
  /** A token with every scope for each member key, and the extra tokens by name. */
  tokens: Record<string, string>;
  teams: Record<string, string>;
  memberIds: Record<string, string>;
  userIds: Record<string, string>;
  emailOf(key: string): string;
}

let counter = 0;

/** Seeds a fresh organization of its own for one test, with unique slugs and addresses. */
export async function makeOrg(h: Harness, spec: OrgSpec = {}): Promise<TestOrg> {
  const n = `${process.pid}x${++counter}`;
  const slug = `org-${n}`;
  const emailOf = (key: string) => `${key}.${n}@example.com`;
  const members = spec.members ?? [{ key: 'owner', role: 'owner' }];
  const tokenEntries = Object.entries(spec.tokens ?? {});
  const seeded = await h.seed({
    users: members.map((m) => ({
      email: emailOf(m.key),
      name: m.key,
      ...(m.totp ? { totpSecret: 'JBSWY3DPEHPK3PXP' } : {}),
      ...(m.superuser ? { superuser: true } : {}),
    })),
    organizations: [
      {
        slug,
        name: `Org ${n}`,
        ...(spec.settings ? { settings: spec.settings } : {}),
        ...(spec.features ? { features: spec.features } : {}),
        ...(spec.authProvider ? { authProvider: spec.authProvider } : {}),
        teams: (spec.teams ?? []).map((team) => ({ slug: team })),
        members: members
          .filter((m) => !m.superuser)
          .map((m) => ({ email: emailOf(m.key), role: m.role, teams: (m.teams ?? []).map((team) => ({ slug: team })) })),
      },
    ],
    tokens: tokenEntries.map(([, token]) => ({ user: emailOf(token.member), scopes: token.scopes })),
  });
  const org = seeded.organizations[slug]!;
  const tokens: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  const memberIds: Record<string, string> = {};
  for (const m of members) {
    tokens[m.key] = seeded.users[emailOf(m.key)]!.token;
    userIds[m.key] = seeded.users[emailOf(m.key)]!.id;
    if (org.members[emailOf(m.key)]) memberIds[m.key] = org.members[emailOf(m.key)]!;
  }
  tokenEntries.forEach(([name], index) => (tokens[name] = seeded.tokens[index]!));
  return { slug, id: org.id, tokens, teams: org.teams, memberIds, userIds, emailOf };
}
