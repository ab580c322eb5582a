import fc from 'fast-check';
import { parse as referenceParse, type Filter as ReferenceFilter } from 'scim2-parse-filter';
import { parseAttributePath } from '../../src/scim/scim-attribute-path.js';
import type { ScimCompareOperator, ScimFilter, ScimFilterValue } from '../../src/scim/scim-filter.js';

/**
 * scim2-parse-filter, an independent RFC 7644 filter parser, with its AST converted into Roster's,
 * and a fast-check generator of filters written as an identity provider would write them.
 */

function normalise(path: string, parent: string | null): string {
  const parsed = parseAttributePath(path);
  if (!parsed) throw new Error(`reference gave a path Roster cannot read: ${path}`);
  return parent === null ? parsed.path : `${parent}.${parsed.path}`;
}

function fromReference(filter: ReferenceFilter, parent: string | null): ScimFilter {
  switch (filter.op) {
    case 'and':
    case 'or': {
      const [first, second] = (filter as { filters: ReferenceFilter[] }).filters;
      // scim2-parse-filter writes `emails[type eq "work"].value eq "x"` as `and` of the valuePath and a
      // condition on `emails.value`; Roster keeps both conditions inside the valuePath.
      if (filter.op === 'and' && first?.op === '[]' && second && 'attrPath' in second && (filter as { filters: unknown[] }).filters.length === 2) {
        const valuePath = first as { attrPath: string; valFilter: ReferenceFilter };
        const path = normalise(valuePath.attrPath, null);
        if (normalise(second.attrPath as string, null).startsWith(`${path}.`)) {
          return { kind: 'valuePath', path, filter: { kind: 'and', filters: [fromReference(valuePath.valFilter, path), fromReference(second, null)] } };
        }
      }
      return { kind: filter.op, filters: (filter as { filters: ReferenceFilter[] }).filters.map((part) => fromReference(part, parent)) };
    }
    case 'not':
      return { kind: 'not', filter: fromReference((filter as { filter: ReferenceFilter }).filter, parent) };
    case '[]': {
      const valuePath = filter as { attrPath: string; valFilter: ReferenceFilter };
      const path = normalise(valuePath.attrPath, null);
      return { kind: 'valuePath', path, filter: fromReference(valuePath.valFilter, path) };
    }
    case 'pr':
      return { kind: 'present', path: normalise((filter as { attrPath: string }).attrPath, parent) };
    default: {
      const compare = filter as { op: ScimCompareOperator; attrPath: string; compValue: ScimFilterValue };
      return { kind: 'compare', path: normalise(compare.attrPath, parent), op: compare.op, value: compare.compValue };
    }
  }
}

/** What scim2-parse-filter reads in `text`, as Roster's AST. */
export function referenceFilter(text: string): ScimFilter {
  return canonical(fromReference(referenceParse(text), null));
}

/** Nested `and` in `and` (or `or` in `or`) flattened: the same meaning, one shape. */
export function canonical(filter: ScimFilter): ScimFilter {
  switch (filter.kind) {
    case 'and':
    case 'or':
      return {
        kind: filter.kind,
        filters: filter.filters.map(canonical).flatMap((part) => (part.kind === filter.kind ? part.filters : [part])),
      };
    case 'not':
      return { kind: 'not', filter: canonical(filter.filter) };
    case 'valuePath':
      return { kind: 'valuePath', path: filter.path, filter: canonical(filter.filter) };
    default:
      return filter;
  }
}

const OPERATORS: ScimCompareOperator[] = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le'];
const TOP_ATTRIBUTES = ['userName', 'displayName', 'externalId', 'active', 'id', 'name.givenName', 'emails.value', 'members.value'];
// Not the attributes of the dotted paths above: scim2-parse-filter writes `a[x].b op v` as `a[x] and
// a.b op v`, so a generated `(a[x] and a.b op v)` would read back as the sub-attribute form.
const MULTI_VALUED = ['ims', 'addresses', 'phoneNumbers'];
const SUB_ATTRIBUTES = ['value', 'type', 'primary', 'display'];
const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';

/** Any letter case: attribute names and keywords are case-insensitive. */
const anyCase = (word: string) =>
  fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }).map((upper) => [...word].map((char, i) => (upper[i] ? char.toUpperCase() : char.toLowerCase())).join(''));

// No backslashes or control characters: scim2-parse-filter keeps every backslash but `\"` literally,
// where JSON (and Roster) reads escapes (a difference the unit test shows on its own).
const stringValue = fc.string({ unit: fc.constantFrom(...'abcXYZ019 @.-_%"[]()é'), maxLength: 8 });
const value: fc.Arbitrary<ScimFilterValue> = fc.oneof(stringValue, fc.nat(100000), fc.boolean(), fc.constant(null), fc.constant(1.5));

interface Generated {
  text: string;
  ast: ScimFilter;
}

function condition(names: string[], parent: string | null, withUrn: boolean): fc.Arbitrary<Generated> {
  const name = fc.tuple(fc.constantFrom(...names), withUrn ? fc.boolean() : fc.constant(false)).chain(([attribute, urn]) =>
    anyCase(attribute).map((written) => ({ written: urn ? `${USER_URN}:${written}` : written, path: parent === null ? attribute.toLowerCase() : `${parent}.${attribute.toLowerCase()}` })),
  );
  const present = fc.tuple(name, anyCase('pr')).map(([n, pr]): Generated => ({ text: `${n.written} ${pr}`, ast: { kind: 'present', path: n.path } }));
  const compare = fc.tuple(name, fc.constantFrom(...OPERATORS), value).chain(([n, op, v]) =>
    anyCase(op).map((writtenOp): Generated => ({ text: `${n.written} ${writtenOp} ${JSON.stringify(v)}`, ast: { kind: 'compare', path: n.path, op, value: v } })),
  );
  return fc.oneof({ arbitrary: compare, weight: 4 }, { arbitrary: present, weight: 1 });
}

/** Logical combinations of `leaf`, parenthesised where precedence needs it (and sometimes where not). */
function logical(leaf: fc.Arbitrary<Generated>, depth: number): fc.Arbitrary<Generated> {
  if (depth === 0) return leaf;
  const inner = logical(leaf, depth - 1);
  const junction = fc.tuple(fc.constantFrom('and' as const, 'or' as const), fc.array(fc.tuple(inner, fc.boolean()), { minLength: 2, maxLength: 3 })).chain(([kind, parts]) =>
    anyCase(kind).map((keyword): Generated => ({
      text: parts.map(([part, extra]) => (extra || (kind === 'and' && part.ast.kind === 'or') ? `(${part.text})` : part.text)).join(` ${keyword} `),
      ast: { kind, filters: parts.map(([part]) => part.ast) },
    })),
  );
  const negation = fc.tuple(inner, anyCase('not')).map(([part, not]): Generated => ({ text: `${not} (${part.text})`, ast: { kind: 'not', filter: part.ast } }));
  return fc.oneof({ arbitrary: leaf, weight: 3 }, { arbitrary: junction, weight: 2 }, { arbitrary: negation, weight: 1 });
}

const valuePath: fc.Arbitrary<Generated> = fc.constantFrom(...MULTI_VALUED).chain((attribute) => {
  const path = attribute.toLowerCase();
  const inner = logical(condition(SUB_ATTRIBUTES, path, false), 1);
  const suffix = fc.option(condition(SUB_ATTRIBUTES, path, false), { nil: undefined });
  return fc.tuple(anyCase(attribute), inner, suffix).map(([written, filter, after]): Generated => {
    if (!after) return { text: `${written}[${filter.text}]`, ast: { kind: 'valuePath', path, filter: filter.ast } };
    return {
      text: `${written}[${filter.text}].${after.text}`,
      ast: { kind: 'valuePath', path, filter: { kind: 'and', filters: [filter.ast, after.ast] } },
    };
  });
});

/** Filters with their meaning, as Roster's AST. */
export const generatedFilter: fc.Arbitrary<Generated> = logical(fc.oneof({ arbitrary: condition(TOP_ATTRIBUTES, null, true), weight: 3 }, { arbitrary: valuePath, weight: 1 }), 3);
