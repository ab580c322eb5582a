import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse as referenceParse } from 'scim2-parse-filter';
import type { ApiError } from '../../src/platform/http/errors.js';
import { MAX_FILTER_DEPTH, parseScimFilter, type ScimFilter } from '../../src/scim/scim-filter.js';
import { MAX_FILTER_LENGTH } from '../../src/scim/scim-filter-lexer.js';
import { canonical, generatedFilter, referenceFilter } from '../helpers/scim-filter-reference.js';

const cmp = (path: string, op: string, value: unknown) => ({ kind: 'compare', path, op, value }) as ScimFilter;

function refused(text: string, detail: RegExp) {
  assert.throws(
    () => parseScimFilter(text),
    (error: ApiError) => {
      assert.equal(error.status, 400);
      const body = error.body as { schemas: string[]; status: string; scimType: string; detail: string };
      assert.deepEqual(body.schemas, ['urn:ietf:params:scim:api:messages:2.0:Error']);
      assert.equal(body.status, '400');
      assert.equal(body.scimType, 'invalidFilter');
      assert.match(body.detail, detail);
      return true;
    },
    text,
  );
}

describe('SCIM filter parser (scim-filter.ts)', () => {
  it('reads every comparison operator and pr', () => {
    for (const op of ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le']) {
      assert.deepEqual(parseScimFilter(`userName ${op} "bjensen"`), cmp('username', op, 'bjensen'));
    }
    assert.deepEqual(parseScimFilter('title pr'), { kind: 'present', path: 'title' });
  });

  it('and binds tighter than or; parentheses override; chains are one list', () => {
    const [a, b, c] = ['a eq 1', 'b eq 2', 'c eq 3'];
    const A = cmp('a', 'eq', 1), B = cmp('b', 'eq', 2), C = cmp('c', 'eq', 3);
    assert.deepEqual(parseScimFilter(`${a} or ${b} and ${c}`), { kind: 'or', filters: [A, { kind: 'and', filters: [B, C] }] });
    assert.deepEqual(parseScimFilter(`${a} and ${b} or ${c}`), { kind: 'or', filters: [{ kind: 'and', filters: [A, B] }, C] });
    assert.deepEqual(parseScimFilter(`${a} and (${b} or ${c})`), { kind: 'and', filters: [A, { kind: 'or', filters: [B, C] }] });
    assert.deepEqual(parseScimFilter(`${a} and ${b} and ${c}`), { kind: 'and', filters: [A, B, C] });
    assert.deepEqual(parseScimFilter(`((${a}))`), A);
  });

  it('not applies to a parenthesised filter', () => {
    assert.deepEqual(parseScimFilter('not (a eq 1) and b pr'), {
      kind: 'and',
      filters: [{ kind: 'not', filter: cmp('a', 'eq', 1) }, { kind: 'present', path: 'b' }],
    });
    assert.deepEqual(parseScimFilter('NOT(a eq 1 or b eq 2)'), { kind: 'not', filter: { kind: 'or', filters: [cmp('a', 'eq', 1), cmp('b', 'eq', 2)] } });
  });

  it('valuePaths name the full path of their conditions; a sub-attribute after one is a condition on the same element', () => {
    assert.deepEqual(parseScimFilter('emails[type eq "work" and primary eq true]'), {
      kind: 'valuePath',
      path: 'emails',
      filter: { kind: 'and', filters: [cmp('emails.type', 'eq', 'work'), cmp('emails.primary', 'eq', true)] },
    });
    assert.deepEqual(parseScimFilter('emails[type eq "work"].value eq "x@example.com"'), {
      kind: 'valuePath',
      path: 'emails',
      filter: { kind: 'and', filters: [cmp('emails.type', 'eq', 'work'), cmp('emails.value', 'eq', 'x@example.com')] },
    });
    assert.deepEqual(parseScimFilter('members[value eq "12"] or displayName eq "x"'), {
      kind: 'or',
      filters: [{ kind: 'valuePath', path: 'members', filter: cmp('members.value', 'eq', '12') }, cmp('displayname', 'eq', 'x')],
    });
    assert.deepEqual(parseScimFilter('emails[not (type eq "home")].value pr'), {
      kind: 'valuePath',
      path: 'emails',
      filter: { kind: 'and', filters: [{ kind: 'not', filter: cmp('emails.type', 'eq', 'home') }, { kind: 'present', path: 'emails.value' }] },
    });
  });

  it('strips schema URN prefixes and lower-cases names, operators and keywords', () => {
    assert.deepEqual(parseScimFilter('urn:ietf:params:scim:schemas:core:2.0:User:userName eq "a"'), cmp('username', 'eq', 'a'));
    assert.deepEqual(parseScimFilter('urn:ietf:params:scim:schemas:core:2.0:User:name.givenName sw "B"'), cmp('name.givenname', 'sw', 'B'));
    assert.deepEqual(parseScimFilter('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "7"'), cmp('employeenumber', 'eq', '7'));
    assert.deepEqual(parseScimFilter('USERNAME EQ "A" AND Active Eq TRUE Or Title PR'), {
      kind: 'or',
      filters: [{ kind: 'and', filters: [cmp('username', 'eq', 'A'), cmp('active', 'eq', true)] }, { kind: 'present', path: 'title' }],
    });
    assert.deepEqual(parseScimFilter('meta.$ref pr'), { kind: 'present', path: 'meta.$ref' });
    assert.deepEqual(parseScimFilter('urn:ietf:params:scim:schemas:core:2.0:User:Emails[Type EQ "work"].VALUE Eq "x"'), {
      kind: 'valuePath',
      path: 'emails',
      filter: { kind: 'and', filters: [cmp('emails.type', 'eq', 'work'), cmp('emails.value', 'eq', 'x')] },
    });
  });

  it('reads values as JSON: escapes, true/false/null, numbers; a bare word as a string', () => {
    assert.deepEqual(parseScimFilter(String.raw`displayName eq "a\"b\\c\u00e9\n"`), cmp('displayname', 'eq', 'a"b\\cé\n'));
    assert.deepEqual(parseScimFilter('displayName eq "x) or (y eq \\"1\\""'), cmp('displayname', 'eq', 'x) or (y eq "1"'));
    assert.deepEqual(parseScimFilter('a eq false'), cmp('a', 'eq', false));
    assert.deepEqual(parseScimFilter('a eq NULL'), cmp('a', 'eq', null));
    assert.deepEqual(parseScimFilter('a gt -1.5e2'), cmp('a', 'gt', -150));
    assert.deepEqual(parseScimFilter('a eq 0'), cmp('a', 'eq', 0));
    assert.deepEqual(parseScimFilter('externalId eq jyoung'), cmp('externalid', 'eq', 'jyoung'));
    assert.deepEqual(parseScimFilter('externalId eq jyoung@example.com and a pr'), {
      kind: 'and',
      filters: [cmp('externalid', 'eq', 'jyoung@example.com'), { kind: 'present', path: 'a' }],
    });
    assert.deepEqual(parseScimFilter('a eq 007'), cmp('a', 'eq', '007'), 'not a JSON number: a bare word');
  });

  it('refuses anything else with 400 invalidFilter and a detail that says what', () => {
    refused('', /empty/);
    refused('   ', /empty/);
    refused('userName', /expected an operator after "username"/);
    refused('userName eq', /expected a value for "username"/);
    refused('userName is "x"', /expected an operator after "username", found "is"/);
    refused('userName eq "x" and', /expected an attribute, found end of filter/);
    refused('userName eq "x" userName eq "y"', /unexpected "userName" at position 16/);
    refused('userName eq "x" "y"', /unexpected "y" at position 16/);
    refused('userName eq "x', /not closed/);
    refused(String.raw`userName eq "\x"`, /not a valid JSON string/);
    refused('(userName eq "x"', /expected "\)"/);
    refused('userName eq "x")', /unexpected "\)"/);
    refused('not userName eq "x"', /"not" must be followed by "\("/);
    refused('emails[type eq "work"', /expected "\]"/);
    refused('emails[type[value eq 1]]', /cannot be nested/);
    refused('emails[urn:ietf:params:scim:schemas:core:2.0:User:type eq "w"]', /not an attribute path/);
    refused('name.givenName[value eq 1]', /sub-attribute before/);
    refused('emails[type eq "w"].9x eq 1', /not an attribute name/);
    refused('1userName eq "x"', /not an attribute path/);
    refused('a.b.c eq 1', /not an attribute path/);
    refused('userName eq and', /expected a value/);
    refused('and eq 1', /expected an attribute/);
    refused('userName eq "x" or ()', /expected an attribute, found "\)"/);
    refused('userName co [', /expected a value/);
  });

  it('bounds the input: length and nesting refused with 400, not a stack overflow', () => {
    refused(`userName eq "${'x'.repeat(MAX_FILTER_LENGTH)}"`, /longer than 4096/);
    refused(`${'('.repeat(MAX_FILTER_DEPTH + 1)}a pr${')'.repeat(MAX_FILTER_DEPTH + 1)}`, /nested deeper than 32/);
    refused(`${'not ('.repeat(500)}a pr${')'.repeat(500)}`, /nested deeper than 32/);
    const deepest = `${'('.repeat(MAX_FILTER_DEPTH - 1)}a pr${')'.repeat(MAX_FILTER_DEPTH - 1)}`;
    assert.deepEqual(parseScimFilter(deepest), { kind: 'present', path: 'a' });
    const long = Array.from({ length: 300 }, (_, i) => `a eq ${i}`).join(' or ');
    assert.equal((parseScimFilter(long) as { filters: unknown[] }).filters.length, 300);
  });
});

// The filters Okta and Entra send (spec scim.md §2.1–2.3), and the grammar's corners.
const TABLE = [
  'userName eq "bjensen@example.com"',
  'userName eq "7f4e9a0c-1b2d-4e5f-8a9b-0c1d2e3f4a5b"',
  'externalId eq "00u1abcd"',
  'emails[type eq "work"].value eq "b@example.com"',
  'displayName eq "Team A"',
  'id eq "12" and manager eq "13"',
  'members[value eq "12"]',
  'urn:ietf:params:scim:schemas:core:2.0:User:userName eq "x"',
  'title pr and userType eq "Employee"',
  'title pr or userType eq "Intern"',
  'userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")',
  'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
  'userType eq "Employee" and emails[type eq "work" and value co "@example.com"]',
  'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
  'meta.lastModified gt "2011-05-13T04:42:34Z" and meta.lastModified le "2011-05-13T04:42:34Z"',
  'a eq 1 or b eq 2 and c eq 3 or d eq 4',
  'not (a eq true) and b eq null or c ge 10',
  'USERNAME SW "J" AND NOT (Active EQ false)',
];

describe('SCIM filters against an independent parser (scim2-parse-filter)', () => {
  it('mean the same over a table of real and corner-case filters', () => {
    for (const text of TABLE) assert.deepEqual(canonical(parseScimFilter(text)), referenceFilter(text), text);
  });

  it('mean the same over generated filters, and mean what they were generated from', () => {
    fc.assert(
      fc.property(generatedFilter, ({ text, ast }) => {
        const ours = canonical(parseScimFilter(text));
        assert.deepEqual(ours, canonical(ast), text);
        assert.deepEqual(ours, referenceFilter(text), text);
      }),
      { numRuns: 500 },
    );
  });

  it('differ where Roster reads JSON escapes and tolerates a bare word (the reference does neither)', () => {
    assert.deepEqual(parseScimFilter(String.raw`a eq "x\ny"`), cmp('a', 'eq', 'x\ny'));
    assert.notDeepEqual(referenceFilter(String.raw`a eq "x\ny"`), cmp('a', 'eq', 'x\ny'));
    assert.throws(() => referenceParse('externalId eq jyoung'));
  });
});
