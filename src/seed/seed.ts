import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Config } from '../config.js';
import type { Db, Tx } from '../platform/db/database.js';
import type { TokenService } from '../identity/tokens.service.js';
import { EVERY_SCOPE } from '../identity/tokens.service.js';
import { insertTotpAuthenticator, insertUser, findUserByEmail } from '../identity/users.queries.js';
import { insertMemberTeams } from '../members/member-teams.queries.js';
import { insertMember } from '../members/members.queries.js';
import { MEMBER_FLAG_COLUMNS, inviteLink, issueInviteToken } from '../members/invite-token.js';
import { storedTeamRole } from '../access/team-roles.js';
import { writeSettings, FLAG_SETTINGS } from '../organizations/org-settings.js';
import { ORG_OPTIONS } from '../access/org-options.js';
import type { Clock } from '../platform/lib/clock.js';
import { normalizeEmail } from '../platform/lib/email.js';
import { Fixture, type FixtureMember } from './fixture.schema.js';

export class SeedError extends Error {
  override name = 'SeedError';
}

export interface SeedResult {
  users: Record<string, { id: string; token: string }>;
  organizations: Record<
    string,
    { id: string; teams: Record<string, string>; members: Record<string, string>; inviteLinks: Record<string, string> }
  >;
  tokens: string[];
}

// verbose: an error carries its schema, so a schema's own message (a name's, say) is the one shown.
const ajv = new AjvModule.default({ allErrors: false, strict: false, verbose: true });
addFormatsModule.default(ajv);
const validateFixture = ajv.compile(Fixture);

const KNOWN_SETTINGS = new Set(['name', 'defaultRole', ...FLAG_SETTINGS.map((flag) => flag.apiKey), ...ORG_OPTIONS.map((option) => option.apiKey)]);

/** Checks the fixture's shape; the message names the entry at fault (`organizations[0].members[1].email`). */
export function parseFixture(input: unknown): Fixture {
  if (validateFixture(input)) return input as Fixture;
  const error = validateFixture.errors?.[0];
  const where = (error?.instancePath ?? '').replace(/^\//, '').replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.') || 'fixture';
  const message = (error?.parentSchema as { errorMessage?: string } | undefined)?.errorMessage ?? error?.message ?? 'is invalid';
  throw new SeedError(`${where}: ${message}`);
}

/**
 * Loads a fixture in one transaction: all of it, or nothing. It loads what the fixture says (no owner
 * is required), but keeps the schema's invariants (normalized emails, redundant team roles as null).
 */
export async function seed(
  deps: { db: Db; tokens: TokenService; clock: Clock; config: Pick<Config, 'publicUrl'> },
  input: unknown,
): Promise<SeedResult> {
  const fixture = parseFixture(input);
  const { result, tokenRequests } = await deps.db.transaction().execute((tx) => loadFixture(tx, deps, fixture));
  // Tokens are made after the data commits, through the one service that makes tokens.
  for (const [email, entry] of Object.entries(result.users)) {
    entry.token = (await deps.tokens.create(entry.id, EVERY_SCOPE)).token;
    result.users[email] = entry;
  }
  for (const request of tokenRequests) {
    result.tokens.push((await deps.tokens.create(request.userId, request.scopes)).token);
  }
  return result;
}

async function loadFixture(tx: Tx, deps: { clock: Clock; config: Pick<Config, 'publicUrl'> }, fixture: Fixture) {
  const result: SeedResult = { users: {}, organizations: {}, tokens: [] };
  const userIds = new Map<string, string>();

  const ensureUser = async (email: string, where: string, fields: Parameters<typeof insertUser>[1] = { email }) => {
    const existing = userIds.get(email) ?? (await findUserByEmail(tx, email))?.id;
    if (existing) {
      if (fields !== undefined && fields.name !== undefined && !userIds.has(email)) throw new SeedError(`${where}: a user with email ${email} already exists`);
      userIds.set(email, existing);
      return existing;
    }
    const user = await insertUser(tx, { emailVerified: true, ...fields, email });
    userIds.set(email, user.id);
    result.users[email] = { id: user.id, token: '' };
    return user.id;
  };

  for (const [index, user] of (fixture.users ?? []).entries()) {
    const where = `users[${index}]`;
    const email = normalizeEmail(user.email);
    if (userIds.has(email) || (await findUserByEmail(tx, email))) throw new SeedError(`${where}: a user with email ${email} already exists`);
    const id = await ensureUser(email, where, {
      email,
      name: user.name ?? '',
      isSuperuser: user.superuser ?? false,
      emailVerified: user.emailVerified ?? true,
    });
    if (user.totpSecret) await insertTotpAuthenticator(tx, id, user.totpSecret, true);
  }

  for (const [orgIndex, org] of (fixture.organizations ?? []).entries()) {
    const where = `organizations[${orgIndex}]`;
    if (await tx.selectFrom('organizations').select('id').where('slug', '=', org.slug).executeTakeFirst()) {
      throw new SeedError(`${where}.slug: an organization with slug "${org.slug}" already exists`);
    }
    const unknownSetting = Object.keys(org.settings ?? {}).find((key) => !KNOWN_SETTINGS.has(key));
    if (unknownSetting) throw new SeedError(`${where}.settings.${unknownSetting}: unknown setting`);
    const created = await tx
      .insertInto('organizations')
      .values({ slug: org.slug, name: org.name, features: JSON.stringify(org.features ?? {}) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeSettings(tx, created.id, org.settings ?? {});
    if (org.authProvider) {
      await tx
        .insertInto('auth_providers')
        .values({ organization_id: created.id, provider: org.authProvider.provider, allow_unlinked: org.authProvider.allowUnlinked ?? false })
        .execute();
    }
    const entry: SeedResult['organizations'][string] = { id: created.id, teams: {}, members: {}, inviteLinks: {} };
    result.organizations[org.slug] = entry;

    for (const [teamIndex, team] of (org.teams ?? []).entries()) {
      if (entry.teams[team.slug]) throw new SeedError(`${where}.teams[${teamIndex}].slug: duplicate team "${team.slug}"`);
      const row = await tx
        .insertInto('teams')
        .values({ organization_id: created.id, slug: team.slug, name: team.name ?? team.slug, idp_provisioned: team.idpProvisioned ?? false })
        .returning('id')
        .executeTakeFirstOrThrow();
      entry.teams[team.slug] = row.id;
    }

    for (const [memberIndex, member] of (org.members ?? []).entries()) {
      await loadMember(tx, deps, entry, member, `${where}.members[${memberIndex}]`, created.id, ensureUser, userIds);
    }
  }

  const tokenRequests: Array<{ userId: string; scopes: string[] }> = [];
  for (const [index, token] of (fixture.tokens ?? []).entries()) {
    const userId = userIds.get(normalizeEmail(token.user)) ?? (await findUserByEmail(tx, normalizeEmail(token.user)))?.id;
    if (!userId) throw new SeedError(`tokens[${index}].user: no user with email ${token.user}`);
    tokenRequests.push({ userId, scopes: token.scopes ?? [...EVERY_SCOPE] });
  }
  return { result, tokenRequests };
}

async function loadMember(
  tx: Tx,
  deps: { clock: Clock; config: Pick<Config, 'publicUrl'> },
  entry: SeedResult['organizations'][string],
  member: FixtureMember,
  where: string,
  orgId: string,
  ensureUser: (email: string, where: string) => Promise<string>,
  userIds: Map<string, string>,
) {
  const email = normalizeEmail(member.email);
  if (entry.members[email]) throw new SeedError(`${where}.email: ${email} is listed twice`);
  const flags: Record<string, boolean> = {};
  for (const [name, value] of Object.entries(member.flags ?? {})) {
    const column = MEMBER_FLAG_COLUMNS[name as keyof typeof MEMBER_FLAG_COLUMNS];
    if (!column) throw new SeedError(`${where}.flags: unknown flag "${name}"`);
    flags[column] = value;
  }
  let inviterId: string | null = null;
  if (member.invitedBy) {
    inviterId = userIds.get(normalizeEmail(member.invitedBy)) ?? null;
    if (!inviterId) throw new SeedError(`${where}.invitedBy: no user with email ${member.invitedBy}`);
  }
  let row;
  if (member.pending) {
    const expiresAt = member.tokenExpiresAt ? new Date(member.tokenExpiresAt) : undefined;
    const invite = issueInviteToken(deps.clock.now(), expiresAt);
    row = await insertMember(tx, {
      organization_id: orgId,
      email,
      role: member.role,
      inviter_id: inviterId,
      token_hash: invite.hash,
      token_expires_at: invite.expiresAt,
      ...flags,
    });
    entry.inviteLinks[email] = inviteLink(deps.config, row.id, invite.token);
  } else {
    const userId = await ensureUser(email, where);
    row = await insertMember(tx, { organization_id: orgId, user_id: userId, role: member.role, inviter_id: inviterId, ...flags });
  }
  entry.members[email] = row.id;
  for (const [teamIndex, team] of (member.teams ?? []).entries()) {
    const teamId = entry.teams[team.slug];
    if (!teamId) throw new SeedError(`${where}.teams[${teamIndex}].slug: no team "${team.slug}" in this organization`);
    await insertMemberTeams(tx, orgId, row.id, [{ teamId, role: storedTeamRole(team.role ?? null, member.role) }]);
  }
}
