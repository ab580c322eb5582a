import { parseAttributePath } from './scim-attribute-path.js';
import { scimError } from './scim-errors.js';

/**
 * `attributes` and `excludedAttributes` (RFC 7644 §3.4.2.5, Roster's choice 20): comma-separated
 * attribute paths, names case-insensitive, URN prefix allowed. `schemas`, `id` and `meta` are always
 * returned; an excluded attribute's key is removed, never set to null (Entra refuses `"members": null`).
 */
export interface AttributeSelection {
  /** Lower-cased paths (`displayname`, `members.value`) to return; null: every default attribute. */
  only: string[] | null;
  /** Lower-cased paths to leave out. */
  excluded: string[];
}

const ALWAYS_RETURNED = new Set(['schemas', 'id', 'meta']);

export function parseAttributeSelection(query: { attributes?: string; excludedAttributes?: string }): AttributeSelection {
  return {
    only: query.attributes === undefined ? null : parseList(query.attributes, 'attributes'),
    excluded: query.excludedAttributes === undefined ? [] : parseList(query.excludedAttributes, 'excludedAttributes'),
  };
}

function parseList(text: string, parameter: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const path = parseAttributePath(part);
      if (!path) throw scimError(400, `${parameter}: "${part}" is not an attribute path.`, 'invalidValue');
      return path.path;
    });
}

/** Whether the answer will hold `attribute` (a top-level name, lower-cased): lets a read skip loading it. */
export function isAttributeReturned(selection: AttributeSelection, attribute: string): boolean {
  if (ALWAYS_RETURNED.has(attribute)) return true;
  if (selection.excluded.includes(attribute)) return false;
  return selection.only === null || selection.only.some((path) => path === attribute || path.startsWith(`${attribute}.`));
}

/** The resource with only the selected attributes (and sub-attributes, for `members.value`). */
export function selectAttributes<T extends { schemas: unknown; id: unknown; meta: unknown }>(resource: T, selection: AttributeSelection): Pick<T, 'schemas' | 'id' | 'meta'> & Partial<T> {
  const selected: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resource)) {
    const name = key.toLowerCase();
    if (!isAttributeReturned(selection, name)) continue;
    selected[key] = ALWAYS_RETURNED.has(name) ? value : selectSubAttributes(name, value, selection);
  }
  return selected as Pick<T, 'schemas' | 'id' | 'meta'> & Partial<T>;
}

function selectSubAttributes(name: string, value: unknown, selection: AttributeSelection): unknown {
  const prefix = `${name}.`;
  const only = selection.only?.includes(name) === false ? selection.only.filter((path) => path.startsWith(prefix)).map((path) => path.slice(prefix.length)) : null;
  const excluded = selection.excluded.filter((path) => path.startsWith(prefix)).map((path) => path.slice(prefix.length));
  if (only === null && excluded.length === 0) return value;
  const pick = (item: unknown) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return item;
    return Object.fromEntries(Object.entries(item).filter(([key]) => (only === null || only.includes(key.toLowerCase())) && !excluded.includes(key.toLowerCase())));
  };
  return Array.isArray(value) ? value.map(pick) : pick(value);
}
