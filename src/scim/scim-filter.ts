import { isAttributeName, parseAttributePath } from './scim-attribute-path.js';
import { invalidFilter, tokenizeFilter, type FilterToken } from './scim-filter-lexer.js';

export type ScimCompareOperator = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';
export type ScimFilterValue = string | number | boolean | null;

/**
 * A parsed filter. Paths are normalised: URN prefix dropped, lower-cased (`username`, `emails.value`).
 * Inside a valuePath the conditions name the full path (`emails[type eq "work"]` holds `emails.type`),
 * and a sub-attribute after the brackets is one more condition on the same element:
 * `emails[type eq "work"].value eq "x"` is the valuePath `emails` with `emails.type eq "work" and
 * emails.value eq "x"`, which is what it means (RFC 7644 §3.4.2.2).
 */
export type ScimFilter =
  | { kind: 'compare'; path: string; op: ScimCompareOperator; value: ScimFilterValue }
  | { kind: 'present'; path: string }
  | { kind: 'and' | 'or'; filters: ScimFilter[] }
  | { kind: 'not'; filter: ScimFilter }
  | { kind: 'valuePath'; path: string; filter: ScimFilter };

/** Parentheses, `not` and brackets nest at most this deep: a deeper filter is refused, not a stack overflow. */
export const MAX_FILTER_DEPTH = 32;

const COMPARE_OPERATORS = new Set<string>(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le']);
const KEYWORDS = new Set(['and', 'or', 'not', 'pr', ...COMPARE_OPERATORS]);
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** Parses a filter (RFC 7644 §3.4.2.2); anything else → 400 `invalidFilter` naming what is wrong. */
export function parseScimFilter(text: string): ScimFilter {
  const parser = new FilterParser(tokenizeFilter(text));
  if (parser.atEnd()) throw invalidFilter('Invalid filter: it is empty.');
  const filter = parser.parseOr(null, 0);
  if (!parser.atEnd()) throw invalidFilter(`Invalid filter: unexpected ${parser.describeNext()}.`);
  return filter;
}

class FilterParser {
  private index = 0;

  constructor(private readonly tokens: FilterToken[]) {}

  atEnd(): boolean {
    return this.index >= this.tokens.length;
  }

  describeNext(): string {
    const token = this.tokens[this.index];
    if (!token) return 'end of filter';
    const text = token.kind === 'word' ? `"${token.text}"` : token.kind === 'string' ? JSON.stringify(token.value) : `"${token.kind}"`;
    return `${text} at position ${token.at}`;
  }

  /** `or` binds loosest; `parent` is the valuePath attribute the conditions belong to, if any. */
  parseOr(parent: string | null, depth: number): ScimFilter {
    const filters = [this.parseAnd(parent, depth)];
    while (this.nextIsKeyword('or')) {
      this.index += 1;
      filters.push(this.parseAnd(parent, depth));
    }
    return filters.length === 1 ? filters[0]! : { kind: 'or', filters };
  }

  private parseAnd(parent: string | null, depth: number): ScimFilter {
    const filters = [this.parseUnary(parent, depth)];
    while (this.nextIsKeyword('and')) {
      this.index += 1;
      filters.push(this.parseUnary(parent, depth));
    }
    return filters.length === 1 ? filters[0]! : { kind: 'and', filters };
  }

  private parseUnary(parent: string | null, depth: number): ScimFilter {
    if (depth >= MAX_FILTER_DEPTH) throw invalidFilter(`Invalid filter: nested deeper than ${MAX_FILTER_DEPTH} levels.`);
    if (this.nextIsKeyword('not')) {
      this.index += 1;
      if (this.tokens[this.index]?.kind !== '(') throw invalidFilter(`Invalid filter: "not" must be followed by "(", not ${this.describeNext()}.`);
      return { kind: 'not', filter: this.parseGroup(parent, depth + 1) };
    }
    if (this.tokens[this.index]?.kind === '(') return this.parseGroup(parent, depth + 1);
    return this.parseAttributeExpression(parent, depth);
  }

  private parseGroup(parent: string | null, depth: number): ScimFilter {
    this.expect('(');
    const filter = this.parseOr(parent, depth);
    this.expect(')');
    return filter;
  }

  private parseAttributeExpression(parent: string | null, depth: number): ScimFilter {
    const token = this.tokens[this.index];
    if (token?.kind !== 'word' || KEYWORDS.has(token.text.toLowerCase())) {
      throw invalidFilter(`Invalid filter: expected an attribute, found ${this.describeNext()}.`);
    }
    this.index += 1;
    if (this.tokens[this.index]?.kind === '[') return this.parseValuePath(token, parent, depth);
    return this.parseCondition(this.attributePath(token, parent));
  }

  /** `emails[type eq "work"]`, optionally followed by `.value op value` on the same element. */
  private parseValuePath(token: FilterToken & { kind: 'word' }, parent: string | null, depth: number): ScimFilter {
    if (parent !== null) throw invalidFilter(`Invalid filter: a valuePath cannot be nested inside "${parent}[...]".`);
    const path = this.attributePath(token, null);
    if (path.includes('.')) throw invalidFilter(`Invalid filter: "${token.text}" has a sub-attribute before "[".`);
    this.expect('[');
    const inner = this.parseOr(path, depth + 1);
    this.expect(']');
    const next = this.tokens[this.index];
    if (next?.kind !== 'word' || !next.text.startsWith('.') || next.at !== this.tokens[this.index - 1]!.at + 1) {
      return { kind: 'valuePath', path, filter: inner };
    }
    const subAttribute = next.text.slice(1);
    if (!isAttributeName(subAttribute)) throw invalidFilter(`Invalid filter: "${subAttribute}" after "${token.text}[...]" is not an attribute name.`);
    this.index += 1;
    const condition = this.parseCondition(`${path}.${subAttribute.toLowerCase()}`);
    const filters = inner.kind === 'and' ? [...inner.filters, condition] : [inner, condition];
    return { kind: 'valuePath', path, filter: { kind: 'and', filters } };
  }

  private parseCondition(path: string): ScimFilter {
    const operator = this.tokens[this.index];
    const op = operator?.kind === 'word' ? operator.text.toLowerCase() : '';
    if (op === 'pr') {
      this.index += 1;
      return { kind: 'present', path };
    }
    if (!COMPARE_OPERATORS.has(op)) throw invalidFilter(`Invalid filter: expected an operator after "${path}", found ${this.describeNext()}.`);
    this.index += 1;
    return { kind: 'compare', path, op: op as ScimCompareOperator, value: this.parseValue(path) };
  }

  /** A JSON string, `true`/`false`/`null`, a JSON number, or (tolerated) a bare word taken as a string. */
  private parseValue(path: string): ScimFilterValue {
    const token = this.tokens[this.index];
    if (token?.kind === 'string') {
      this.index += 1;
      return token.value;
    }
    if (token?.kind !== 'word' || KEYWORDS.has(token.text.toLowerCase())) {
      throw invalidFilter(`Invalid filter: expected a value for "${path}", found ${this.describeNext()}.`);
    }
    this.index += 1;
    const lower = token.text.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    if (lower === 'null') return null;
    if (JSON_NUMBER.test(token.text)) return Number(token.text);
    return token.text;
  }

  private attributePath(token: FilterToken & { kind: 'word' }, parent: string | null): string {
    const parsed = parseAttributePath(token.text);
    if (!parsed || (parent !== null && (parsed.schema !== null || parsed.path.includes('.')))) {
      throw invalidFilter(`Invalid filter: "${token.text}" is not an attribute path.`);
    }
    return parent === null ? parsed.path : `${parent}.${parsed.path}`;
  }

  private nextIsKeyword(keyword: string): boolean {
    const token = this.tokens[this.index];
    return token?.kind === 'word' && token.text.toLowerCase() === keyword;
  }

  private expect(kind: '(' | ')' | '[' | ']'): void {
    if (this.tokens[this.index]?.kind !== kind) throw invalidFilter(`Invalid filter: expected "${kind}", found ${this.describeNext()}.`);
    this.index += 1;
  }
}
