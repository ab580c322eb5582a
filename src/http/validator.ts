import AjvModule, { type Options } from 'ajv';
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

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? bodyAjv : textAjv).compile(schema);
