import fc from 'fast-check';

/**
 * Inputs for fuzzing the API: values that fit a route's JSON schema (as the OpenAPI document serves
 * it) and values that do not (wrong types, huge strings and lists, unicode with lone surrogates and
 * NUL, numbers as strings, negative and huge numbers, deep nesting), mixed so that a request often
 * gets past validation with one hostile field.
 */

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  not?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  maxLength?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
}

const nested = (depth: number): unknown => {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

/** Strings an attacker tries: control and format characters, lone surrogates, SQL and path tricks, huge ones. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\uffff',
  '\u202e\u0301',
  '😀'.repeat(40),
  "' or 1=1 --",
  '"; drop table members; --',
  '../../etc/passwd',
  '%00%2F',
  '<script>alert(1)</script>',
  'Acme\r\nBcc: a@evil.test',
  'tab\there\u2028',
  '${jndi:ldap://x}',
  '-1',
  '0',
  '1e309',
  '99999999999999999999999',
  '9223372036854775808',
  'me',
  'null',
  'true',
  'x'.repeat(70_000),
];

/** A few of them, one of each kind: for every query parameter of every route. */
export const QUERY_STRINGS: readonly string[] = ['', 'a\u0000b', '\ud800', '😀'.repeat(40), "' or 1=1 --", '-1', '99999999999999999999999', 'x'.repeat(70_000)];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constantFrom(-1, 0, 1.5, -(2 ** 63), 2 ** 64, Number.MAX_SAFE_INTEGER, 1e308, -1e-308) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constant(Array.from({ length: 5000 }, (_, i) => `item-${i}`)) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), hostileString, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom(nested(40), nested(400), {}, [], [[]], [{}]) },
);

/** A value the schema accepts, where the schema says enough to make one; hostile otherwise. */
export function fitting(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return hostileValue;
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((alternative) => fitting(alternative, depth + 1)));
  if (schema.allOf) return fitting(schema.allOf.filter((part) => !part.not).at(-1), depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      if (schema.format === 'email') return fc.emailAddress();
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).map((text) => text.slice(0, schema.maxLength ?? 200));
      return fc.string({ maxLength: Math.min(schema.maxLength ?? 64, 64) });
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 });
    case 'array':
      return fc.array(fitting(schema.items, depth + 1), { maxLength: Math.min(schema.maxItems ?? 4, 4) });
    case 'object':
      return objectFor(schema, depth + 1);
    default:
      return hostileValue;
  }
}

/** Mostly fitting, sometimes hostile. */
export const valueFor = (schema: JsonSchema | undefined): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 3, arbitrary: fitting(schema) }, { weight: 2, arbitrary: hostileValue });

/** An object with any subset of the schema's properties (each fitting or hostile) and sometimes unknown ones. */
export function objectFor(schema: JsonSchema, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const properties = Object.entries(schema.properties ?? {});
  const known = fc.record(Object.fromEntries(properties.map(([name, property]) => [name, depth > 0 ? fitting(property, depth) : valueFor(property)])), {
    requiredKeys: [],
  });
  const unknown = fc.dictionary(fc.string({ unit: 'binary', maxLength: 12 }), hostileValue, { maxKeys: 3 });
  return fc.tuple(known, fc.option(unknown, { freq: 3 })).map(([fields, extra]) => ({ ...(extra ?? {}), ...fields }));
}

/** A whole request body: mostly an object for the schema, sometimes any JSON value at all. */
export const bodyFor = (schema: JsonSchema | undefined): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 5, arbitrary: objectFor(schema ?? {}) }, { weight: 1, arbitrary: hostileValue });

/** Raw request payloads that are not well-formed JSON objects, with the content type they are sent with. */
export function rawPayloads(limit: number): Array<{ name: string; contentType: string; payload: string | Buffer }> {
  return [
    { name: 'malformed JSON', contentType: 'application/json', payload: '{"name": ' },
    { name: 'trailing garbage', contentType: 'application/json', payload: '{"name": "x"} trailing' },
    { name: 'deeply nested arrays', contentType: 'application/json', payload: `{"name":${'['.repeat(100_000)}${']'.repeat(100_000)}}` },
    { name: 'deeply nested objects', contentType: 'application/json', payload: `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}` },
    { name: 'deep nesting within the size limit', contentType: 'application/json', payload: `{"name":${'['.repeat(400)}${']'.repeat(400)}}` },
    { name: 'a bare string', contentType: 'application/json', payload: '"just a string"' },
    { name: 'a bare number', contentType: 'application/json', payload: '12345678901234567890' },
    { name: 'null', contentType: 'application/json', payload: 'null' },
    { name: 'an empty body', contentType: 'application/json', payload: '' },
    { name: 'escaped NUL', contentType: 'application/json', payload: '{"name":"\\u0000","email":"\\u0000","scopes":["\\u0000"]}' },
    { name: 'escaped lone surrogate', contentType: 'application/json', payload: '{"name":"\\ud800","slug":"\\udfff"}' },
    { name: 'invalid UTF-8', contentType: 'application/json', payload: Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
    { name: 'prototype keys', contentType: 'application/json', payload: '{"__proto__":{"isSuperuser":true},"constructor":{"prototype":{"x":1}}}' },
    { name: 'duplicate keys', contentType: 'application/json', payload: '{"name":"a","name":{"b":1}}' },
    { name: 'text/plain', contentType: 'text/plain', payload: 'hello' },
    { name: 'a form', contentType: 'application/x-www-form-urlencoded', payload: 'name=x&email=y' },
    { name: 'an unknown type', contentType: 'application/xml', payload: '<a>1</a>' },
    { name: 'over the size limit', contentType: 'application/json', payload: `{"name":"${'a'.repeat(limit)}"}` },
  ];
}

/**
 * A path segment, percent-encoded. A lone surrogate has no UTF-8 form, so it is sent as its WTF-8
 * bytes (what a careless client would send): invalid UTF-8 that the server must still answer well.
 */
export function encodeSegment(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');
    } else out += encodeURIComponent(char);
  }
  return out;
}
