import AjvModule, { type Options, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

/**
 * Two validators: request bodies are JSON and are checked as sent (no type coercion, like DRF's
 * serializers), while query strings and path parameters arrive as text and are coerced.
 */
// Both are CommonJS packages whose class and function sit on `default` when imported from ESM.
const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;

function createAjv(coerce: boolean) {
  const options: Options = {
    coerceTypes: coerce ? 'array' : false,
    useDefaults: true,
    removeAdditional: true,
    allErrors: false,
    verbose: true,
    strict: false,
  };
  const ajv = new Ajv(options);
  addFormats(ajv);
  // A schema may carry its own message for any failure (Sentry's wording for slugs, emails, …).
  ajv.addKeyword({ keyword: 'errorMessage', schemaType: 'string' });
  return ajv;
}

const bodyAjv = createAjv(false);
const textAjv = createAjv(true);

/**
 * Where a string (value or key) holds a NUL character: `/field` for the top-level field it is in (the
 * field an error is reported under), `''` for a bare string, null when there is none. Walks with its
 * own stack, not by recursion: a body may nest a hundred thousand levels deep in fields the schema
 * does not name, and recursion would overflow the call stack on it.
 */
export function nullCharacterPath(root: unknown): string | null {
  const pending: Array<[unknown, string]> = [[root, '']];
  while (pending.length > 0) {
    const [value, field] = pending.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return field;
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    for (const [key, item] of Object.entries(value)) {
      const itemField = field || `/${key}`;
      if (key.includes('\u0000')) return itemField;
      pending.push([item, itemField]);
    }
  }
  return null;
}

/**
 * DRF's CharField refuses NUL characters ("Null characters are not allowed.", a field error), and
 * PostgreSQL cannot store them in text or jsonb at all: without this check such a string reached
 * the database and came back as a 500. Every request part a schema validates is checked, after the schema.
 */
function refusingNullCharacters(validate: ValidateFunction): ValidateFunction {
  const wrapped = ((data: unknown, context?: unknown) => {
    const valid = context === undefined ? validate(data) : validate(data, context as never);
    wrapped.errors = validate.errors;
    if (!valid) return false;
    const path = nullCharacterPath(data);
    if (path === null) return true;
    wrapped.errors = [{ keyword: 'nullCharacters', instancePath: path, schemaPath: '', params: {}, message: 'Null characters are not allowed.' }];
    return false;
  }) as ValidateFunction;
  // Fastify passes the parent object (so that Ajv may replace a coerced root) only to Ajv's own functions.
  return Object.assign(wrapped, { schema: validate.schema, schemaEnv: validate.schemaEnv });
}

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  refusingNullCharacters((httpPart === 'body' ? bodyAjv : textAjv).compile(schema));
