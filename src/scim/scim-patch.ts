import { ApiError } from '../platform/http/errors.js';
import { parseAttributePath } from './scim-attribute-path.js';
import { scimError } from './scim-errors.js';
import { parseScimFilter, type ScimFilter } from './scim-filter.js';
import { isObject } from './scim-values.js';

/**
 * A PATCH request's operations (RFC 7644 §3.5.2), read with the tolerances identity providers need
 * (spec scim.md §2.4): `op` in any case, URN-prefixed paths, valuePaths. The resource-specific
 * appliers are scim-user-patch.ts and scim-group-patch.ts.
 */
export type PatchOpName = 'add' | 'remove' | 'replace';

export interface PatchPath {
  /** The path as sent, for error details. */
  text: string;
  /** The schema URN the path carried, lower-cased (null: none). */
  schema: string | null;
  /** Lower-cased attribute, with a sub-attribute when dotted: `active`, `name.givenname`, `emails`. */
  attribute: string;
  /** The valuePath's condition, paths in full (`emails.type`); null without brackets. */
  filter: ScimFilter | null;
  /** The lower-cased sub-attribute after the brackets (`emails[…].value` → `value`). */
  subAttribute: string | null;
}

export interface PatchOperation {
  op: PatchOpName;
  path: PatchPath | null;
  /** undefined when the operation had no `value`. */
  value: unknown;
}

export const MAX_PATCH_OPERATIONS = 100;
const OPS = new Set<string>(['add', 'remove', 'replace']);

export const invalidValue = (detail: string) => scimError(400, detail, 'invalidValue');
export const invalidPath = (detail: string) => scimError(400, detail, 'invalidPath');

/**
 * Validates `{schemas?, Operations}`: a structure that is not that → 400 `invalidSyntax`; more than 100
 * operations, an unknown `op`, or an `add`/`replace` without a usable value → 400 `invalidValue`;
 * `remove` without a path → 400 `noTarget`; a path that is no attribute path → 400 `invalidPath`.
 */
export function parsePatchBody(body: unknown): PatchOperation[] {
  if (!isObject(body)) throw scimError(400, 'The body must be a JSON object with "Operations".', 'invalidSyntax');
  if (body.schemas !== undefined && (!Array.isArray(body.schemas) || !body.schemas.every((schema) => typeof schema === 'string'))) {
    throw scimError(400, '"schemas" must be a list of strings.', 'invalidSyntax');
  }
  const operations = body.Operations;
  if (!Array.isArray(operations)) throw scimError(400, '"Operations" is required and must be a list.', 'invalidSyntax');
  if (operations.length > MAX_PATCH_OPERATIONS) throw invalidValue(`Too many patch ops sent, limit is ${MAX_PATCH_OPERATIONS}.`);
  return operations.map((operation, index) => parseOperation(operation, index));
}

function parseOperation(operation: unknown, index: number): PatchOperation {
  if (!isObject(operation)) throw scimError(400, `Operations[${index}] must be an object.`, 'invalidSyntax');
  const op = typeof operation.op === 'string' ? operation.op.toLowerCase() : '';
  if (!OPS.has(op)) throw invalidValue(`Operations[${index}].op must be "add", "remove" or "replace".`);
  if (operation.path !== undefined && typeof operation.path !== 'string') throw invalidPath(`Operations[${index}].path must be a string.`);
  const path = operation.path === undefined ? null : parsePatchPath(operation.path);
  const { value } = operation;
  if (op === 'remove' && path === null) throw scimError(400, `Operations[${index}]: "remove" needs a path.`, 'noTarget');
  if (op !== 'remove' && value === undefined) throw invalidValue(`Operations[${index}]: "${op}" needs a value.`);
  if (op !== 'remove' && path === null && !isObject(value)) throw invalidValue(`Operations[${index}]: "${op}" without a path needs an object value.`);
  return { op: op as PatchOpName, path, value };
}

const VALUE_PATH = /^([^[\]]+\[[^]*\])(?:\.([^.[\]]+))?$/;

/**
 * Reads `attr`, `attr.sub`, `urn:…:attr`, `attr[filter]` or `attr[filter].sub`; anything else → 400
 * `invalidPath` naming the path.
 */
export function parsePatchPath(text: string): PatchPath {
  const bracketed = VALUE_PATH.exec(text);
  if (!bracketed) {
    const parsed = parseAttributePath(text);
    if (!parsed) throw invalidPath(`"${text}" is not a valid attribute path.`);
    return { text, schema: parsed.schema, attribute: parsed.path, filter: null, subAttribute: null };
  }
  const [, valuePath, subAttribute] = bracketed as unknown as [string, string, string | undefined];
  let filter: ScimFilter;
  try {
    filter = parseScimFilter(valuePath);
  } catch (error) {
    const detail = error instanceof ApiError ? (error.body as { detail?: string }).detail : undefined;
    throw invalidPath(`"${text}" is not a valid attribute path${detail ? `: ${detail}` : '.'}`);
  }
  if (filter.kind !== 'valuePath') throw invalidPath(`"${text}" is not a valid attribute path.`);
  if (subAttribute !== undefined && !parseAttributePath(subAttribute)) throw invalidPath(`"${text}" is not a valid attribute path.`);
  const schema = parseAttributePath(valuePath.slice(0, valuePath.indexOf('[')))?.schema ?? null;
  return { text, schema, attribute: filter.path, filter: filter.filter, subAttribute: subAttribute?.toLowerCase() ?? null };
}
