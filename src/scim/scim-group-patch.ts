import { CORE_GROUP_SCHEMA } from './scim-attribute-path.js';
import { elementMatches } from './scim-filter-match.js';
import type { ScimFilter } from './scim-filter.js';
import { invalidPath, invalidValue, type PatchOpName, type PatchOperation, type PatchPath } from './scim-patch.js';
import { isObject } from './scim-values.js';

export interface ScimGroupState {
  displayName: string;
  externalId: string | null;
  memberIds: string[];
}

/** One membership change, in the order the operations made it. */
export interface MembershipChange {
  kind: 'add' | 'remove';
  memberId: string;
}

export const INVALID_REPLACE_ATTRIBUTE = 'Invalid Replace attr. Only displayName and members supported.';

/**
 * Applies a Groups PATCH (spec scim.md §1.5, Roster's choices 8 and 19) and returns the new state with
 * the membership changes it makes: adding a member already there and removing one who is not are no
 * changes; `remove` of `members` with a value list removes every listed member (Entra's legacy shape),
 * without value or filter all of them; `replace` of `members` is the set difference. A member id that
 * is not a digit string → 400 `invalidValue` (whether it is in the organization is the caller's
 * question); a path other than displayName, externalId and members → 400 `invalidPath`. Atomic: the
 * input is never changed.
 */
export function applyGroupPatch(group: ScimGroupState, operations: PatchOperation[]): { group: ScimGroupState; changes: MembershipChange[] } {
  const next: ScimGroupState = { ...group, memberIds: [...group.memberIds] };
  const changes: MembershipChange[] = [];
  for (const { op, path, value } of operations) {
    if (path) applyAtPath(next, changes, op, path, value);
    else applyObject(next, changes, op, value as Record<string, unknown>);
  }
  return { group: next, changes };
}

/** Okta's rename `{"op": "replace", "value": {"id": "…", "displayName": "…"}}`; `id` is read-only. */
function applyObject(group: ScimGroupState, changes: MembershipChange[], op: PatchOpName, value: Record<string, unknown>): void {
  for (const [key, field] of Object.entries(value)) {
    const name = key.toLowerCase();
    if (name === 'id' || name === 'schemas' || name === 'meta') continue;
    applyAtPath(group, changes, op, { text: key, schema: null, attribute: name, filter: null, subAttribute: null }, field);
  }
}

function applyAtPath(group: ScimGroupState, changes: MembershipChange[], op: PatchOpName, path: PatchPath, value: unknown): void {
  const refuse = () => invalidPath(op === 'replace' ? INVALID_REPLACE_ATTRIBUTE : `"${path.text}" is not an attribute Roster's Groups support: only displayName, externalId and members.`);
  if (path.schema !== null && path.schema !== CORE_GROUP_SCHEMA.toLowerCase()) throw refuse();
  if (path.attribute === 'members' || path.attribute === 'members.value') {
    if (path.subAttribute !== null && path.subAttribute !== 'value') throw refuse();
    return patchMembers(group, changes, op, path, value);
  }
  if (path.filter !== null) throw refuse();
  if (path.attribute === 'displayname') {
    if (op === 'remove') throw invalidValue('"displayName" is required and cannot be removed.');
    if (typeof value !== 'string' || value.trim() === '') throw invalidValue('"displayName" must be a non-empty string.');
    group.displayName = value;
  } else if (path.attribute === 'externalid') {
    if (op !== 'remove' && value !== null && typeof value !== 'string') throw invalidValue('"externalId" must be a string.');
    group.externalId = op === 'remove' ? null : (value as string | null);
  } else {
    throw refuse();
  }
}

function patchMembers(group: ScimGroupState, changes: MembershipChange[], op: PatchOpName, path: PatchPath, value: unknown): void {
  const add = (id: string) => {
    if (group.memberIds.includes(id)) return;
    group.memberIds.push(id);
    changes.push({ kind: 'add', memberId: id });
  };
  const remove = (id: string) => {
    if (!group.memberIds.includes(id)) return;
    group.memberIds = group.memberIds.filter((memberId) => memberId !== id);
    changes.push({ kind: 'remove', memberId: id });
  };
  if (path.filter !== null) {
    if (op !== 'remove') throw invalidPath(`"${path.text}": a member filter is only for "remove".`);
    checkFilterIds(path.filter);
    const filter = path.filter;
    for (const id of group.memberIds.filter((memberId) => elementMatches(filter, { value: memberId }, 'members'))) remove(id);
    return;
  }
  if (op === 'add') {
    for (const id of memberIds(value, path.text)) add(id);
  } else if (op === 'remove') {
    const ids = value === undefined ? [...group.memberIds] : memberIds(value, path.text);
    for (const id of ids) remove(id);
  } else {
    const wanted = memberIds(value, path.text);
    for (const id of group.memberIds.filter((memberId) => !wanted.includes(memberId))) remove(id);
    for (const id of wanted) add(id);
  }
}

/** `[{"value": "12", "display": …, "$ref": null}]` (or one such object) → ["12"]. */
function memberIds(value: unknown, text: string): string[] {
  const items = value === null ? [] : Array.isArray(value) ? value : [value];
  return items.map((item) => {
    if (!isObject(item)) throw invalidValue(`"${text}" needs member objects such as {"value": "12"}.`);
    const key = Object.keys(item).find((candidate) => candidate.toLowerCase() === 'value');
    return memberId(key === undefined ? undefined : item[key]);
  });
}

function memberId(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{1,19}$/.test(value)) throw invalidValue(`Member id ${JSON.stringify(value) ?? 'undefined'} is not a member id.`);
  return value;
}

/** The ids in `members[value eq "…"]` must be member ids, as those in a value list. */
function checkFilterIds(filter: ScimFilter): void {
  switch (filter.kind) {
    case 'and':
    case 'or':
      return filter.filters.forEach(checkFilterIds);
    case 'not':
    case 'valuePath':
      return checkFilterIds(filter.filter);
    default:
      if (filter.path !== 'members.value') throw invalidPath(`Members can only be filtered by "value", not "${filter.path}".`);
      if (filter.kind === 'compare' && filter.op === 'eq') memberId(filter.value);
  }
}
