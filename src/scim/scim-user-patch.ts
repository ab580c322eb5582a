import { CORE_USER_SCHEMA } from './scim-attribute-path.js';
import { invalidPath, invalidValue, parsePatchPath, type PatchOpName, type PatchOperation, type PatchPath } from './scim-patch.js';
import { patchEmails, type ScimEmail } from './scim-user-emails-patch.js';
import { isObject, readBoolean } from './scim-values.js';

/** What a SCIM User PATCH can change about a member (spec scim.md, Roster's choices 5 and 12). */
export interface ScimUserState {
  userName: string;
  active: boolean;
  name: { givenName?: string; familyName?: string; formatted?: string } | null;
  displayName: string | null;
  externalId: string | null;
  emails: ScimEmail[];
  sentryOrgRole: string | null;
}

/**
 * Attributes of RFC 7643's core User that Roster does not store: Entra sends them on every sync, and
 * refusing them would put its job in quarantine, so they are ignored, as are the read-only `id`,
 * `meta`, `schemas`, `groups`, the name parts Roster does not keep, and every attribute of a schema
 * extension (enterprise `employeeNumber`, `manager`, …, and custom ones). A core name outside this
 * list and Roster's own → 400 `invalidPath`.
 */
export const IGNORED_USER_ATTRIBUTES: ReadonlySet<string> = new Set([
  'id', 'meta', 'schemas', 'groups', 'nickname', 'title', 'usertype', 'profileurl', 'locale', 'preferredlanguage',
  'timezone', 'password', 'addresses', 'phonenumbers', 'ims', 'photos', 'entitlements', 'roles', 'x509certificates',
  'name.middlename', 'name.honorificprefix', 'name.honorificsuffix',
]);

const NAME_PARTS = { givenname: 'givenName', familyname: 'familyName', formatted: 'formatted' } as const;

/**
 * Applies the operations in order and returns the new state; the first refused one throws (400
 * `invalidValue` / `invalidPath`) and the input is left untouched. `active: false` is only a value
 * here: the caller decides that it deprovisions.
 */
export function applyUserPatch(user: ScimUserState, operations: PatchOperation[]): ScimUserState {
  const next = structuredClone(user);
  for (const { op, path, value } of operations) {
    if (path) applyAtPath(next, op, path, value);
    else applyObject(next, op, value as Record<string, unknown>);
  }
  return next;
}

/** A pathless add/replace: each key is a path (plain, dotted, URN-prefixed), a core-URN key nests them. */
function applyObject(user: ScimUserState, op: PatchOpName, value: Record<string, unknown>): void {
  for (const [key, field] of Object.entries(value)) {
    if (key.toLowerCase() === CORE_USER_SCHEMA.toLowerCase()) {
      if (!isObject(field)) throw invalidValue(`"${key}" must be an object of attributes.`);
      applyObject(user, op, field);
    } else {
      const path = parsePatchPath(key);
      // Replacing the resource's `name` replaces all of it (RFC 7644 §3.5.2.3, no path); with the
      // path `name`, the parts not given are kept.
      if (op === 'replace' && path.attribute === 'name' && (path.schema ?? CORE_USER_SCHEMA.toLowerCase()) === CORE_USER_SCHEMA.toLowerCase()) user.name = null;
      applyAtPath(user, op, path, field);
    }
  }
}

function applyAtPath(user: ScimUserState, op: PatchOpName, path: PatchPath, value: unknown): void {
  if (path.schema !== null && path.schema !== CORE_USER_SCHEMA.toLowerCase()) {
    if (path.schema.startsWith('urn:ietf:params:scim:schemas:core:')) throw invalidPath(`"${path.text}" is not an attribute of a User.`);
    return;
  }
  const top = path.attribute.split('.')[0]!;
  if (IGNORED_USER_ATTRIBUTES.has(top) || IGNORED_USER_ATTRIBUTES.has(path.attribute)) return;
  if (top === 'emails') {
    user.emails = patchEmails(user.emails, op, path, value);
    return;
  }
  if (path.filter !== null) throw invalidPath(`"${path.text}": only emails can be filtered.`);
  if (top === 'name') return patchName(user, op, path, value);
  if (path.attribute.includes('.')) throw invalidPath(`"${path.text}" is not an attribute of a User.`);
  switch (top) {
    case 'username':
      if (op === 'remove') throw invalidValue('"userName" is required and cannot be removed.');
      if (typeof value !== 'string' || value.trim() === '') throw invalidValue('"userName" must be a non-empty string.');
      user.userName = value;
      return;
    case 'active': {
      if (op === 'remove') throw invalidValue('"active" cannot be removed.');
      const active = readBoolean(value);
      if (active === undefined) throw invalidValue('"active" must be true or false.');
      user.active = active;
      return;
    }
    case 'displayname':
      user.displayName = optionalString(op, value, 'displayName');
      return;
    case 'externalid':
      user.externalId = optionalString(op, value, 'externalId');
      return;
    case 'sentryorgrole':
      // An empty role clears it, as in Sentry's PUT: the identity provider stops managing the role.
      user.sentryOrgRole = optionalString(op, value, 'sentryOrgRole') || null;
      return;
    default:
      throw invalidPath(`"${path.text}" is not an attribute of a User.`);
  }
}

function optionalString(op: PatchOpName, value: unknown, attribute: string): string | null {
  if (op === 'remove' || value === null) return null;
  if (typeof value !== 'string') throw invalidValue(`"${attribute}" must be a string.`);
  return value;
}

/** `name` merges the parts it is given (RFC 7644 §3.5.2.1, .3); `name.givenName` sets one part. */
function patchName(user: ScimUserState, op: PatchOpName, path: PatchPath, value: unknown): void {
  const part = path.attribute.split('.')[1];
  if (part === undefined) {
    if (op === 'remove' || value === null) {
      user.name = null;
      return;
    }
    if (!isObject(value)) throw invalidValue('"name" must be an object.');
    for (const [key, field] of Object.entries(value)) setNamePart(user, op, key.toLowerCase(), field);
    return;
  }
  setNamePart(user, op, part, value);
}

function setNamePart(user: ScimUserState, op: PatchOpName, part: string, value: unknown): void {
  if (!Object.hasOwn(NAME_PARTS, part)) {
    if (IGNORED_USER_ATTRIBUTES.has(`name.${part}`)) return;
    throw invalidPath(`"name.${part}" is not an attribute of a User.`);
  }
  const key = NAME_PARTS[part as keyof typeof NAME_PARTS];
  const name = { ...user.name };
  const text = optionalString(op, value, `name.${key}`);
  if (text === null) delete name[key];
  else name[key] = text;
  user.name = name;
}
