import assert from 'node:assert/strict';
import AjvModule, { type ValidateFunction } from 'ajv';
import SCIMMY from 'scimmy';
import {
  URN,
  enterpriseUserDefinition,
  groupDefinition,
  resourceJsonSchema,
  resourceTypeDefinition,
  schemaDefinition,
  serviceProviderConfigDefinition,
  userDefinition,
} from './scim-schema-definitions.js';

/**
 * Assertions that a SCIM answer is what RFC 7643/7644 define (spec scim.md, issue 16's "independent
 * reference"): each body passes the JSON Schema made from scimmy's definitions (exact wire types) and
 * scimmy's own coerce (required attributes, characteristics). Every SCIM answer in the tests goes
 * through one of these.
 */
const ajv = new AjvModule.default({ allErrors: true, strict: false });

type Definition = typeof userDefinition;
const KINDS = {
  User: { definition: userDefinition, validate: ajv.compile(resourceJsonSchema(userDefinition, [enterpriseUserDefinition])) },
  Group: { definition: groupDefinition, validate: ajv.compile(resourceJsonSchema(groupDefinition)) },
} as const;
export type ScimKind = keyof typeof KINDS;

function check(validate: ValidateFunction, body: unknown, what: string): void {
  if (!validate(body)) assert.fail(`${what} is not valid: ${ajv.errorsText(validate.errors, { dataVar: what })}\n${JSON.stringify(body)}`);
}

function coerce(definition: Definition, body: unknown, what: string): void {
  try {
    definition.coerce(body, 'out');
  } catch (error) {
    assert.fail(`${what} is refused by scimmy's ${definition.name} schema: ${(error as Error).message}\n${JSON.stringify(body)}`);
  }
}

/** A User or Group resource as Roster returns it. */
export function assertScimResource(kind: ScimKind, body: unknown): void {
  check(KINDS[kind].validate, body, kind);
  coerce(KINDS[kind].definition, body, kind);
}

const validateListResponse = ajv.compile({
  type: 'object',
  additionalProperties: false,
  required: ['schemas', 'totalResults'],
  properties: {
    schemas: { type: 'array', items: { const: URN.listResponse }, minItems: 1, maxItems: 1 },
    totalResults: { type: 'integer', minimum: 0 },
    startIndex: { type: 'integer', minimum: 1 },
    itemsPerPage: { type: 'integer', minimum: 0 },
    Resources: { type: 'array' },
  },
});

/** A ListResponse (RFC 7644 §3.4.2) of `kind` resources: integers as numbers, a page no longer than the total. */
export function assertScimListResponse(kind: ScimKind, body: unknown): void {
  check(validateListResponse, body, 'ListResponse');
  const list = body as { totalResults: number; itemsPerPage?: number; Resources?: unknown[] };
  try {
    new SCIMMY.Messages.ListResponse(body as never);
  } catch (error) {
    assert.fail(`ListResponse is refused by scimmy: ${(error as Error).message}`);
  }
  if (list.totalResults > 0) assert.ok(Array.isArray(list.Resources), 'ListResponse: Resources is required when totalResults > 0');
  const resources = list.Resources ?? [];
  assert.ok(resources.length <= list.totalResults, `ListResponse: ${resources.length} Resources but totalResults ${list.totalResults}`);
  if (list.itemsPerPage !== undefined) assert.equal(list.itemsPerPage, resources.length, 'ListResponse: itemsPerPage is the size of this page');
  for (const resource of resources) assertScimResource(kind, resource);
}

const SCIM_TYPES = ['invalidFilter', 'tooMany', 'uniqueness', 'mutability', 'invalidSyntax', 'invalidPath', 'noTarget', 'invalidValue', 'invalidVers', 'sensitive'];
const validateError = ajv.compile({
  type: 'object',
  additionalProperties: false,
  required: ['schemas', 'status'],
  properties: {
    schemas: { type: 'array', items: { const: URN.error }, minItems: 1, maxItems: 1 },
    status: { type: 'string', pattern: '^[1-5][0-9][0-9]$' },
    scimType: { enum: SCIM_TYPES },
    detail: { type: 'string' },
  },
});

/** An Error (RFC 7644 §3.12): the Error URN, `status` a string of digits, a scimType of the RFC's list that fits the status. */
export function assertScimError(body: unknown): void {
  check(validateError, body, 'Error');
  const { status, scimType } = body as { status: string; scimType?: string };
  if (scimType === undefined) return;
  try {
    new SCIMMY.Messages.ErrorResponse({ status: Number(status) as 400, scimType: scimType as 'invalidValue' });
  } catch (error) {
    assert.fail(`Error: ${(error as Error).message}`);
  }
}

const validateServiceProviderConfig = ajv.compile(resourceJsonSchema(serviceProviderConfigDefinition));
/** The ServiceProviderConfig (RFC 7643 §5): a single resource, not a list. */
export function assertServiceProviderConfig(body: unknown): void {
  check(validateServiceProviderConfig, body, 'ServiceProviderConfig');
  coerce(serviceProviderConfigDefinition, body, 'ServiceProviderConfig');
}

const validateResourceType = ajv.compile(resourceJsonSchema(resourceTypeDefinition));
/** One ResourceType (RFC 7643 §6). */
export function assertResourceType(body: unknown): void {
  check(validateResourceType, body, 'ResourceType');
  coerce(resourceTypeDefinition, body, 'ResourceType');
}

const validateSchema = ajv.compile(resourceJsonSchema(schemaDefinition));
const DESCRIBED = new Map<string, Definition>([
  [URN.user, userDefinition],
  [URN.group, groupDefinition],
  [URN.enterpriseUser, enterpriseUserDefinition],
]);

/**
 * One Schema resource (RFC 7643 §7). When it describes User, Group or the enterprise extension, each
 * attribute it lists must exist in scimmy's definition with the same type and multiValued (Roster
 * lists only what it stores, but never something the RFC does not define, or defines otherwise).
 */
export function assertSchemaDefinition(body: unknown): void {
  check(validateSchema, body, 'Schema');
  coerce(schemaDefinition, body, 'Schema');
  type Described = { name: string; type: string; multiValued: boolean };
  const schema = body as { id: string; attributes: Array<Described & { subAttributes?: Described[] }> };
  const reference = DESCRIBED.get(schema.id);
  if (!reference) return;
  // describe() holds scimmy's Attribute objects; their JSON is the RFC's attribute definition.
  const known = (JSON.parse(JSON.stringify(reference.describe())) as typeof schema).attributes;
  for (const attribute of schema.attributes) {
    const match = known.find((candidate) => candidate.name === attribute.name);
    assert.ok(match, `Schema ${schema.id}: "${attribute.name}" is not an attribute of scimmy's ${reference.name}`);
    assert.deepEqual([attribute.type, attribute.multiValued], [match.type, match.multiValued], `Schema ${schema.id}: "${attribute.name}" has the wrong type`);
    for (const sub of attribute.subAttributes ?? []) {
      const subMatch: Described | undefined = match.subAttributes?.find((candidate) => candidate.name === sub.name);
      assert.ok(subMatch, `Schema ${schema.id}: "${attribute.name}.${sub.name}" is not defined`);
      assert.deepEqual([sub.type, sub.multiValued], [subMatch.type, subMatch.multiValued], `Schema ${schema.id}: "${attribute.name}.${sub.name}" has the wrong type`);
    }
  }
}
