import { isAllowedEmailAddress, normalizeEmail } from '../platform/lib/email.js';
import type { ScimProfile } from '../platform/db/schema.js';
import { ORG_ROLES } from '../access/roles.js';
import { scimError } from './scim-errors.js';
import type { ScimEmail } from './scim-user-emails-patch.js';
import type { ScimUserState } from './scim-user-patch.js';
import { isObject, readBoolean } from './scim-values.js';

// What a SCIM User body (POST, PUT) or PATCH result means for a member: its address, its role, its
// profile. Bodies are read leniently (spec scim.md §2.4): attribute names in any case, nulls for
// absent attributes, unknown attributes ignored.

export const INVALID_ROLE = 'Invalid organization role.';
export const USER_EXISTS = 'User already exists in the database.';
const MAX_EXTERNAL_ID = 512;

/** The attribute of a body whatever its case (RFC 7643 §2.1), null and absent alike as undefined. */
function attribute(body: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(body).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : body[key];
  return value === null ? undefined : value;
}

function optionalText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function readEmails(value: unknown): ScimEmail[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item): ScimEmail[] => {
    if (!isObject(item)) return [];
    const address = attribute(item, 'value');
    if (typeof address !== 'string' || address.trim() === '') return [];
    const type = attribute(item, 'type');
    const primary = readBoolean(attribute(item, 'primary'));
    return [{ value: address.trim(), ...(typeof type === 'string' ? { type } : {}), ...(primary !== undefined ? { primary } : {}) }];
  });
}

function readName(value: unknown): ScimUserState['name'] {
  if (!isObject(value)) return null;
  const name: NonNullable<ScimUserState['name']> = {};
  for (const part of ['givenName', 'familyName', 'formatted'] as const) {
    const text = optionalText(attribute(value, part));
    if (text !== null) name[part] = text;
  }
  return Object.keys(name).length > 0 ? name : null;
}

/** A POST or PUT body as the state a PATCH works on; `active` is true unless the body says false. */
export function readUserBody(body: unknown): ScimUserState {
  if (!isObject(body)) throw scimError(400, 'The body must be a SCIM User object.', 'invalidSyntax');
  const userName = attribute(body, 'userName');
  if (userName !== undefined && typeof userName !== 'string') throw scimError(400, '"userName" must be a string.', 'invalidValue');
  const role = attribute(body, 'sentryOrgRole');
  if (role !== undefined && typeof role !== 'string') throw scimError(400, '"sentryOrgRole" must be a string.', 'invalidValue');
  const active = attribute(body, 'active');
  if (active !== undefined && readBoolean(active) === undefined) throw scimError(400, '"active" must be true or false.', 'invalidValue');
  const externalId = attribute(body, 'externalId');
  if (externalId !== undefined && typeof externalId !== 'string') throw scimError(400, '"externalId" must be a string.', 'invalidValue');
  const displayName = attribute(body, 'displayName');
  return {
    userName: userName ?? '',
    active: active === undefined ? true : readBoolean(active)!,
    name: readName(attribute(body, 'name')),
    displayName: optionalText(displayName),
    externalId: optionalText(externalId),
    emails: readEmails(attribute(body, 'emails')),
    sentryOrgRole: optionalText(role),
  };
}

/**
 * The address a User stands for (Roster's choice 13): `userName` when it is an email address, else
 * the primary work address of `emails` (else the first); none → 400 `invalidValue`.
 */
export function resolveUserEmail(user: Pick<ScimUserState, 'userName' | 'emails'>): string {
  if (user.userName.trim() === '' && user.emails.length === 0) throw scimError(400, '"userName" is required.', 'invalidValue');
  const candidates = [user.userName, ...orderedEmails(user.emails).map((email) => email.value)].map((text) => text.trim());
  const email = candidates.find((text) => isAllowedEmailAddress(text));
  if (!email) throw scimError(400, '"userName" must be an email address, or "emails" must hold one.', 'invalidValue');
  return normalizeEmail(email);
}

function orderedEmails(emails: readonly ScimEmail[]): ScimEmail[] {
  const rank = (email: ScimEmail) => (email.primary === true && email.type?.toLowerCase() === 'work' ? 0 : email.primary === true ? 1 : email.type?.toLowerCase() === 'work' ? 2 : 3);
  return [...emails].sort((a, b) => rank(a) - rank(b));
}

/** A role the identity provider may give (§1.4): one that exists, lower-cased, without org:admin (so never owner); else 400. */
export function provisionableRole(text: string): string {
  const id = text.trim().toLowerCase();
  const role = ORG_ROLES.find((candidate) => candidate.id === id);
  if (!role || role.scopes.includes('org:admin')) throw scimError(400, INVALID_ROLE, 'invalidValue');
  return role.id;
}

/** The profile kept for a member (choice 12), null when there is nothing to keep. */
export function profileOf(user: ScimUserState): { externalId: string | null; profile: ScimProfile | null } {
  if (user.externalId !== null && user.externalId.length > MAX_EXTERNAL_ID) {
    throw scimError(400, `"externalId" must be at most ${MAX_EXTERNAL_ID} characters.`, 'invalidValue');
  }
  const profile: ScimProfile = {
    ...(user.name && Object.keys(user.name).length > 0 ? { name: user.name } : {}),
    ...(user.displayName !== null ? { displayName: user.displayName } : {}),
    ...(user.emails.length > 0 ? { emails: user.emails } : {}),
  };
  return { externalId: user.externalId, profile: Object.keys(profile).length > 0 ? profile : null };
}

/** What a role sync (PUT, or a PATCH of sentryOrgRole) does to a member (§1.4 PUT). */
export type RoleSync = { role: string; roleRestricted: boolean };

/**
 * Sentry's PUT role rules (§1.4): an owner keeps its role and is no longer role-restricted; a given role
 * is set and restricted (unchanged when it is already so); no role hands the role back to Roster,
 * resetting it to the organization's default unless Roster manages it already (a non-default role
 * that was never restricted). 400 "Invalid organization role." for a role the IdP may not give.
 */
export function planRoleSync(member: { role: string; idp_role_restricted: boolean }, requested: string | null, defaultRole: string): RoleSync {
  if (member.role === 'owner') return { role: member.role, roleRestricted: false };
  if (requested !== null) return { role: provisionableRole(requested), roleRestricted: true };
  if (member.role !== defaultRole && !member.idp_role_restricted) return { role: member.role, roleRestricted: false };
  return { role: provisionableRole(defaultRole), roleRestricted: false };
}
