import { computeAccess, DEFAULT_SCOPE_OPTIONS, expandTokenScopes, type Access } from '../../src/access/access.js';
import { ALL_SCOPES, ORG_ROLES, type OrgRoleId, type Scope } from '../../src/access/roles.js';
import type { Harness } from '../helpers/harness.js';
import { hashSecret, newSecret } from '../../src/platform/lib/secrets.js';
import { SCIM_TOKEN_PREFIX, SCIM_TOKEN_SCOPES } from '../../src/sso/scim-token.js';
import type { ForeignOrg, HomeOrg, Superuser, TeamSlug, WorldMember } from './world.js';

/**
 * Every kind of requester the matrix tries (issue 5). `admin` is the retired role, seeded directly.
 * `superuser-narrow` is the superuser with a `member:read` token (issue 13 item 1): its token, not
 * its superuser flag, bounds what it may do. `scim-home` is the home organization's SCIM token, `scim-foreign`
 * a third organization's (issue 16): no user stands behind either; they open SCIM routes only, and
 * only their own organization's.
 */
export const REQUESTER_KINDS = [
  'owner',
  'manager',
  'admin',
  'member',
  'billing',
  'scopeless',
  'superuser',
  'superuser-narrow',
  'outsider',
  'anonymous',
  'scim-home',
  'scim-foreign',
] as const;
export const NARROW_TOKEN_SCOPES: readonly Scope[] = ['member:read'];
export type RequesterKind = (typeof REQUESTER_KINDS)[number];

export interface Requester {
  kind: RequesterKind;
  /** Null for `anonymous`. */
  userId: string | null;
  email: string | null;
  token: string | null;
  isSuperuser: boolean;
  /** The requester's membership of the home organization. */
  member: WorldMember | null;
  /** Its access to the home organization, computed by the rules in src/access/access.ts. */
  access: Access;
  /** The scopes of the token it uses. */
  tokenScopes: readonly Scope[] | null;
  /** Undoes what making the requester changed in the home organization (a SCIM token's provider), after its cell. */
  release?: () => Promise<void>;
}

export const isScimKind = (kind: RequesterKind) => kind === 'scim-home' || kind === 'scim-foreign';

/** A new SCIM token for an organization whose provider has SCIM on, written as enabling SCIM writes it. */
async function insertScimToken(h: Harness, orgId: string): Promise<string> {
  const token = `${SCIM_TOKEN_PREFIX}${newSecret()}`;
  await h.database.db
    .insertInto('scim_tokens')
    .values({ organization_id: orgId, token_hash: hashSecret(token), token_last_characters: token.slice(-4) })
    .execute();
  return token;
}

/** Turns SCIM on for the organization's provider, giving it a SAML provider first when it has none; returns what undoes it. */
async function scimOn(h: Harness, orgId: string): Promise<() => Promise<void>> {
  const db = h.database.db;
  const before = await db.selectFrom('auth_providers').select('scim_enabled').where('organization_id', '=', orgId).executeTakeFirst();
  await db
    .insertInto('auth_providers')
    .values({ organization_id: orgId, provider: 'saml2', allow_unlinked: true, config: JSON.stringify({ idp_entity_id: 'https://idp.example/scim' }), scim_enabled: true })
    .onConflict((oc) => oc.column('organization_id').doUpdateSet({ scim_enabled: true }))
    .execute();
  return async () => {
    await db.deleteFrom('scim_tokens').where('organization_id', '=', orgId).execute();
    if (!before) await db.deleteFrom('auth_providers').where('organization_id', '=', orgId).execute();
    else await db.updateTable('auth_providers').set({ scim_enabled: before.scim_enabled }).where('organization_id', '=', orgId).execute();
  };
}

/** A third organization with SCIM on and its token, made once per harness: the `scim-foreign` requester. */
const elsewhere = new WeakMap<Harness, Promise<string>>();
function scimTokenElsewhere(h: Harness): Promise<string> {
  let token = elsewhere.get(h);
  if (!token) {
    token = (async () => {
      const org = await h.database.db
        .insertInto('organizations')
        .values({ slug: `scim-elsewhere-${Math.random().toString(36).slice(2, 9)}`, name: 'SCIM elsewhere' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await scimOn(h, org.id);
      return insertScimToken(h, org.id);
    })();
    elsewhere.set(h, token);
  }
  return token;
}

/**
 * The scopes a token must lack so that it holds none of `needed`: every scope whose expansion
 * (`*:admin` brings `*:write` and `*:read`, …) would give one of them back is left out.
 */
export function scopesLacking(needed: readonly Scope[]): Scope[] {
  return ALL_SCOPES.filter((scope) => !expandTokenScopes([scope]).some((granted) => needed.includes(granted)));
}

export interface World {
  h: Harness;
  home: HomeOrg;
  foreign: ForeignOrg;
  superuser: Superuser;
}

export function accessInHome(world: World, member: WorldMember | null, isSuperuser: boolean, tokenScopes: readonly Scope[] | null): Access {
  const memberships = member
    ? Object.entries(member.teams).map(([slug, role]) => ({ teamId: world.home.teams[slug as TeamSlug], role: role ?? null }))
    : [];
  return computeAccess({
    orgRoleId: member?.role ?? null,
    tokenScopes,
    isSuperuser,
    openMembership: world.home.openMembership,
    teamRolesEnabled: true,
    options: DEFAULT_SCOPE_OPTIONS,
    memberships,
  });
}

/**
 * The requester of a kind. `scopeless` is the owner's account with a new token that lacks every
 * scope the endpoint accepts (`needed`), so only its token can be the reason for a refusal.
 */
export async function requesterOf(world: World, kind: RequesterKind, needed: readonly Scope[]): Promise<Requester> {
  const { home, foreign, superuser } = world;
  if (kind === 'anonymous') {
    return { kind, userId: null, email: null, token: null, isSuperuser: false, member: null, access: accessInHome(world, null, false, []), tokenScopes: null };
  }
  if (kind === 'superuser') {
    return { kind, ...superuser, isSuperuser: true, member: null, access: accessInHome(world, null, true, ALL_SCOPES), tokenScopes: ALL_SCOPES };
  }
  if (kind === 'superuser-narrow') {
    const token = (await world.h.services.tokens.create(superuser.userId, NARROW_TOKEN_SCOPES)).token;
    return { kind, ...superuser, token, isSuperuser: true, member: null, access: accessInHome(world, null, true, NARROW_TOKEN_SCOPES), tokenScopes: NARROW_TOKEN_SCOPES };
  }
  if (kind === 'scim-home' || kind === 'scim-foreign') {
    const release = kind === 'scim-home' ? await scimOn(world.h, home.id) : undefined;
    const token = kind === 'scim-home' ? await insertScimToken(world.h, home.id) : await scimTokenElsewhere(world.h);
    const scopes = kind === 'scim-home' ? SCIM_TOKEN_SCOPES : [];
    return { kind, userId: null, email: null, token, isSuperuser: false, member: null, access: accessInHome(world, null, false, []), tokenScopes: scopes, ...(release ? { release } : {}) };
  }
  if (kind === 'outsider') {
    return { kind, ...foreign.outsider, isSuperuser: false, member: null, access: accessInHome(world, null, false, ALL_SCOPES), tokenScopes: ALL_SCOPES };
  }
  const member = home.members[kind === 'scopeless' ? 'owner1' : `${kind}1`]!;
  const tokenScopes = kind === 'scopeless' ? scopesLacking(needed) : ALL_SCOPES;
  const token = kind === 'scopeless' ? (await world.h.services.tokens.create(member.userId!, tokenScopes)).token : member.token;
  return {
    kind,
    userId: member.userId,
    email: member.email,
    token,
    isSuperuser: false,
    member,
    access: accessInHome(world, member, false, tokenScopes),
    tokenScopes,
  };
}

const priority = (role: OrgRoleId) => ORG_ROLES.findIndex((candidate) => candidate.id === role);

/** The org role just above (+1) or below (-1) a role, or null at either end. */
export function neighbourRole(role: OrgRoleId, step: 1 | -1): OrgRoleId | null {
  return ORG_ROLES[priority(role) + step]?.id ?? null;
}
