import type { ScimFilter } from './scim-filter.js';
import type { PatchOperation } from './scim-patch.js';
import { invalidValue } from './scim-patch.js';
import { isObject } from './scim-values.js';

/** Sentry's limit on a team name. */
export const MAX_GROUP_NAME_LENGTH = 64;
const MAX_EXTERNAL_ID_LENGTH = 512;

/**
 * A Groups POST body: `displayName` required (400 invalidValue, where Sentry fails with a 500 —
 * Roster's choice 8), `externalId` optional (null or absent: none); everything else is ignored.
 */
export function readGroupCreateBody(body: unknown): { name: string; externalId: string | null } {
  if (!isObject(body)) throw invalidValue('The body must be a JSON object.');
  const { displayName, externalId } = body;
  if (displayName === undefined || displayName === null) throw invalidValue('displayName: this field is required.');
  if (typeof displayName !== 'string' || displayName.trim() === '') throw invalidValue('displayName: must be a non-empty string.');
  if (displayName.length > MAX_GROUP_NAME_LENGTH) throw invalidValue(`displayName: at most ${MAX_GROUP_NAME_LENGTH} characters.`);
  if (externalId !== undefined && externalId !== null && (typeof externalId !== 'string' || externalId === '' || externalId.length > MAX_EXTERNAL_ID_LENGTH)) {
    throw invalidValue(`externalId: must be a string of 1 to ${MAX_EXTERNAL_ID_LENGTH} characters.`);
  }
  return { name: displayName, externalId: typeof externalId === 'string' ? externalId : null };
}

/**
 * Every member id a Groups PATCH names, in value lists and in `members[value eq "…"]` filters, whether
 * or not the operation changes anything: each must be a member of the organization (Sentry's 404
 * "User not found.").
 */
export function groupPatchMemberIds(operations: PatchOperation[]): string[] {
  const ids: string[] = [];
  for (const { path, value } of operations) {
    if (path === null) {
      const key = isObject(value) ? Object.keys(value).find((name) => name.toLowerCase() === 'members') : undefined;
      if (key !== undefined) ids.push(...valueIds((value as Record<string, unknown>)[key]));
    } else if (path.attribute === 'members' || path.attribute === 'members.value') {
      if (path.filter) ids.push(...filterIds(path.filter));
      else ids.push(...valueIds(value));
    }
  }
  return ids;
}

function valueIds(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return items.flatMap((item) => {
    if (!isObject(item)) return [];
    const key = Object.keys(item).find((name) => name.toLowerCase() === 'value');
    const id = key === undefined ? undefined : item[key];
    return typeof id === 'string' ? [id] : [];
  });
}

function filterIds(filter: ScimFilter): string[] {
  switch (filter.kind) {
    case 'and':
    case 'or':
      return filter.filters.flatMap(filterIds);
    case 'not':
    case 'valuePath':
      return filterIds(filter.filter);
    case 'compare':
      return filter.op === 'eq' && typeof filter.value === 'string' ? [filter.value] : [];
    default:
      return [];
  }
}
