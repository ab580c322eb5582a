import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { ScimCompareOperator, ScimFilter, ScimFilterValue } from './scim-filter.js';
import { invalidFilter } from './scim-filter-lexer.js';
import { readBoolean } from './scim-values.js';

/**
 * How a column compares: `caseInsensitiveString` (RFC 7643 caseExact false, e.g. userName),
 * `caseExactString` (externalId), `integerId` (a bigint id, a digit string in SCIM), `boolean`.
 */
export type ScimColumnType = 'caseInsensitiveString' | 'caseExactString' | 'integerId' | 'boolean';

/** One leaf of a filter, as a custom mapping receives it (`value` is null for `pr`). */
export interface ScimCondition {
  path: string;
  op: ScimCompareOperator | 'pr';
  value: ScimFilterValue;
}

export type ScimAttributeMapping =
  | { column: string; type: ScimColumnType }
  /** For what is not one column: an EXISTS over a multi-valued attribute, or a constant (`emails.type`). */
  | { build: (condition: ScimCondition) => Expression<SqlBool> };

/** Filterable attributes by normalised path (`username`, `emails.value`, `members.value`). */
export type ScimAttributeMap = Readonly<Record<string, ScimAttributeMapping>>;

/**
 * Translates a parsed filter into a WHERE condition. An attribute missing from `attributes` → 400
 * `invalidFilter` naming it. Every leaf is two-valued (an absent attribute is false, never SQL null),
 * so `not` and `ne` match the rows that lack the attribute. A valuePath is the condition on its
 * element's sub-attributes: the map's mappings correlate them (one element per row, or an EXISTS).
 */
export function scimFilterToSql(filter: ScimFilter, attributes: ScimAttributeMap): Expression<SqlBool> {
  switch (filter.kind) {
    case 'and':
    case 'or':
      return sql<SqlBool>`(${sql.join(filter.filters.map((part) => scimFilterToSql(part, attributes)), sql.raw(` ${filter.kind} `))})`;
    case 'not':
      return sql<SqlBool>`(not ${scimFilterToSql(filter.filter, attributes)})`;
    case 'valuePath':
      return scimFilterToSql(filter.filter, attributes);
    case 'present':
      return conditionSql({ path: filter.path, op: 'pr', value: null }, attributes);
    case 'compare':
      return conditionSql({ path: filter.path, op: filter.op, value: filter.value }, attributes);
  }
}

function conditionSql(condition: ScimCondition, attributes: ScimAttributeMap): Expression<SqlBool> {
  const mapping = Object.hasOwn(attributes, condition.path) ? attributes[condition.path] : undefined;
  if (!mapping) throw invalidFilter(`Invalid filter: filtering by "${condition.path}" is not supported.`);
  if ('build' in mapping) return mapping.build(condition);
  return scimColumnCondition(mapping.column, mapping.type, condition);
}

/**
 * One condition on one column, for custom mappings too (the member id inside a group's EXISTS).
 * Values of a JSON type the attribute cannot hold → 400 `invalidFilter` naming it; a string for an id
 * that is no id (`id eq "abc"`) is a SCIM string no row has, so it matches nothing (`ne`: everything).
 */
export function scimColumnCondition(column: string, type: ScimColumnType, condition: ScimCondition): RawBuilder<SqlBool> {
  const ref = sql.ref(column);
  const { op, value } = condition;
  if (op === 'pr') return type === 'caseInsensitiveString' || type === 'caseExactString' ? sql<SqlBool>`coalesce(${ref} <> '', false)` : sql<SqlBool>`(${ref} is not null)`;
  if (value === null) {
    if (op === 'eq') return sql<SqlBool>`(${ref} is null)`;
    if (op === 'ne') return sql<SqlBool>`(${ref} is not null)`;
    throw wrongType(condition, 'null can only be compared with eq or ne');
  }
  if (op === 'ne') return sql<SqlBool>`(not ${scimColumnCondition(column, type, { ...condition, op: 'eq' })})`;
  switch (type) {
    case 'caseInsensitiveString':
    case 'caseExactString':
      if (typeof value !== 'string') throw wrongType(condition, 'expects a string');
      return stringCondition(type === 'caseInsensitiveString' ? sql`lower(${ref})` : sql`${ref}`, type === 'caseInsensitiveString', op, value);
    case 'boolean':
      return booleanCondition(ref, condition);
    case 'integerId':
      return idCondition(ref, condition);
  }
}

const ORDER_OPERATORS = { gt: '>', ge: '>=', lt: '<', le: '<=' } as const;

function stringCondition(column: RawBuilder<unknown>, lower: boolean, op: Exclude<ScimCompareOperator, 'ne'>, value: string): RawBuilder<SqlBool> {
  const operand = (text: string) => (lower ? sql`lower(${text})` : sql`${text}`);
  if (op === 'eq') return sql<SqlBool>`coalesce(${column} = ${operand(value)}, false)`;
  if (op === 'co' || op === 'sw' || op === 'ew') {
    // LIKE's wildcards in the value are literal characters to SCIM.
    const escaped = value.replace(/[\\%_]/g, (char) => `\\${char}`);
    const pattern = `${op === 'sw' ? '' : '%'}${escaped}${op === 'ew' ? '' : '%'}`;
    return sql<SqlBool>`coalesce(${column} like ${operand(pattern)} escape '\\', false)`;
  }
  // Byte order, the same on every engine whatever the database's collation.
  return sql<SqlBool>`coalesce(${column} collate "C" ${sql.raw(ORDER_OPERATORS[op])} ${operand(value)}, false)`;
}

function booleanCondition(ref: RawBuilder<unknown>, condition: ScimCondition): RawBuilder<SqlBool> {
  const value = readBoolean(condition.value);
  if (typeof value !== 'boolean') throw wrongType(condition, 'expects true or false');
  if (condition.op !== 'eq') throw wrongType(condition, 'is a boolean: only eq, ne and pr apply');
  return sql<SqlBool>`coalesce(${ref} = ${value}, false)`;
}

const MAX_BIGINT = 9223372036854775807n;

function idCondition(ref: RawBuilder<unknown>, condition: ScimCondition): RawBuilder<SqlBool> {
  const { op, value } = condition;
  if (typeof value === 'boolean') throw wrongType(condition, 'expects an id');
  const text = String(value);
  if (op === 'co' || op === 'sw' || op === 'ew') {
    return stringCondition(sql`cast(${ref} as text)`, false, op, text);
  }
  const id = /^\d{1,19}$/.test(text) && BigInt(text) <= MAX_BIGINT ? text : null;
  if (id === null) {
    if (op === 'eq') return sql<SqlBool>`false`;
    throw wrongType(condition, 'is compared in order only with an id');
  }
  const operator = op === 'eq' ? '=' : ORDER_OPERATORS[op as keyof typeof ORDER_OPERATORS];
  return sql<SqlBool>`coalesce(${ref} ${sql.raw(operator)} cast(${id} as bigint), false)`;
}

function wrongType(condition: ScimCondition, why: string) {
  return invalidFilter(`Invalid filter: "${condition.path}" ${why}.`);
}
