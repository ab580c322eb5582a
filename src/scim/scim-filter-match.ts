import { readBoolean } from './scim-values.js';
import type { ScimCompareOperator, ScimFilter, ScimFilterValue } from './scim-filter.js';

/**
 * Whether one element of a multi-valued attribute (an email `{value, type, primary}`, a member
 * `{value}`) meets a valuePath's condition, for PATCH paths such as `emails[type eq "work"]`.
 * Sub-attribute names are case-insensitive; strings compare case-insensitively (the sub-attributes
 * Roster keeps, email addresses, types and ids, are all caseExact false); "True"/"False" are booleans.
 */
export function elementMatches(filter: ScimFilter, element: Readonly<Record<string, unknown>>, parent: string): boolean {
  switch (filter.kind) {
    case 'and':
      return filter.filters.every((part) => elementMatches(part, element, parent));
    case 'or':
      return filter.filters.some((part) => elementMatches(part, element, parent));
    case 'not':
      return !elementMatches(filter.filter, element, parent);
    case 'valuePath':
      return false;
    case 'present': {
      const value = subAttribute(element, filter.path, parent);
      return value !== undefined && value !== null && value !== '';
    }
    case 'compare':
      return compare(subAttribute(element, filter.path, parent), filter.op, filter.value);
  }
}

function subAttribute(element: Readonly<Record<string, unknown>>, path: string, parent: string): unknown {
  const name = path.startsWith(`${parent}.`) ? path.slice(parent.length + 1) : path;
  const key = Object.keys(element).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : element[key];
}

function compare(actual: unknown, op: ScimCompareOperator, expected: ScimFilterValue): boolean {
  if (op === 'ne') return !compare(actual, 'eq', expected);
  if (expected === null) return op === 'eq' && (actual === undefined || actual === null);
  if (typeof expected === 'boolean') return op === 'eq' && readBoolean(actual) === expected;
  if (typeof expected === 'number') return typeof actual === 'number' ? order(actual - expected, op) : false;
  if (typeof actual !== 'string') return false;
  const [left, right] = [actual.toLowerCase(), expected.toLowerCase()];
  if (op === 'co') return left.includes(right);
  if (op === 'sw') return left.startsWith(right);
  if (op === 'ew') return left.endsWith(right);
  return order(left < right ? -1 : left > right ? 1 : 0, op);
}

function order(difference: number, op: ScimCompareOperator): boolean {
  if (op === 'eq') return difference === 0;
  if (op === 'gt') return difference > 0;
  if (op === 'ge') return difference >= 0;
  if (op === 'lt') return difference < 0;
  if (op === 'le') return difference <= 0;
  return false;
}
