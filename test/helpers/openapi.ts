import fs from 'node:fs';
import assert from 'node:assert/strict';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';

/** Sentry's official OpenAPI description, kept in the repository (see its NOTICE.md for source and licence). */
const OPENAPI_PATH = new URL('../fixtures/sentry-openapi/openapi.json', import.meta.url);
const document = JSON.parse(fs.readFileSync(OPENAPI_PATH, 'utf8')) as {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>;
};

const ajv = new AjvModule.default({ allErrors: true, strict: false });
addFormatsModule.default(ajv);

/** OpenAPI 3.0's `nullable: true` in JSON Schema terms (`type: [t, "null"]`). */
function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'nullable' || key.startsWith('x-') || key === 'example') continue;
    result[key] = toJsonSchema(value);
  }
  const source = schema as Record<string, unknown>;
  if (source.nullable === true) {
    if (typeof source.type === 'string') result.type = [source.type, 'null'];
    if (Array.isArray(result.enum)) result.enum = [...(result.enum as unknown[]), null];
  }
  return result;
}

const validators = new Map<string, ReturnType<typeof ajv.compile>>();

/**
 * Asserts that `body` is what Sentry's OpenAPI file says `method path` answers with `status`.
 * `notRequired` names top-level fields the file requires but Roster leaves out on purpose
 * (decisions.md, Clarifications: out-of-scope fields are not sent with made-up defaults).
 */
export function assertMatchesOpenApi(method: string, path: string, status: number, body: unknown, notRequired: readonly string[] = []): void {
  const key = `${method} ${path} ${status} ${notRequired.join(',')}`;
  let validate = validators.get(key);
  if (!validate) {
    const operation = document.paths[path]?.[method.toLowerCase()];
    assert.ok(operation, `the OpenAPI file has no ${method} ${path}`);
    const schema = operation.responses[String(status)]?.content?.['application/json']?.schema;
    assert.ok(schema, `the OpenAPI file has no JSON schema for ${key}`);
    const jsonSchema = toJsonSchema(schema) as { required?: string[] };
    if (jsonSchema.required) jsonSchema.required = jsonSchema.required.filter((field) => !notRequired.includes(field));
    validate = ajv.compile(jsonSchema);
    validators.set(key, validate);
  }
  const valid = validate(body);
  assert.ok(valid, `${key} does not match the OpenAPI schema: ${ajv.errorsText(validate.errors, { separator: '\n' })}`);
}

/** Fields of Sentry's PUT organization response that decisions.md leaves out (out of scope), or that belong to the teams resource. */
export const OUT_OF_SCOPE_ORG_FIELDS = [
  'aggregatedDataConsent', 'autoEnableCodeReview', 'autoOpenPrs', 'defaultAutofixAutomationTuning',
  'defaultAutomatedRunStoppingPoint', 'defaultCodeReviewTriggers', 'defaultCodingAgent',
  'defaultCodingAgentIntegrationId', 'defaultSeerScannerAutomation', 'enableSeerCoding', 'hideAiFeatures',
  'isDynamicallySampled', 'issueAlertsThreadFlag', 'metricAlertsThreadFlag', 'projects', 'relayDsnEndpoint',
  'relayPiiConfig', 'trustedRelays', 'teams',
] as const;
