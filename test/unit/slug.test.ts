import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ORG_SLUG_FORMAT_MESSAGE, orgSlugProblem, slugifyName } from '../../src/platform/lib/slug.js';

describe('§9.5 organization slug rules, in order', () => {
  const cases: Array<[string, string | null]> = [
    ['acme', null],
    ['acme-corp-2', null],
    ['123', ORG_SLUG_FORMAT_MESSAGE],
    ['-acme', ORG_SLUG_FORMAT_MESSAGE],
    ['acme-', ORG_SLUG_FORMAT_MESSAGE],
    ['ac_me', ORG_SLUG_FORMAT_MESSAGE],
    ['a'.repeat(51), ORG_SLUG_FORMAT_MESSAGE],
    ['ab', 'This slug "ab" is too short. Minimum of 3 characters.'],
    ['Acme', 'This slug "Acme" should not contain uppercase symbols.'],
    ['api', 'This slug "api" is reserved and not allowed.'],
    ['acme ', 'The slug "acme " should not contain any whitespace.'],
  ];
  for (const [slug, message] of cases) {
    it(`${JSON.stringify(slug)} → ${message ?? 'valid'}`, () => assert.equal(orgSlugProblem(slug), message));
  }

  it('derives slugs from names', () => {
    assert.equal(slugifyName('Acme Corp'), 'acme-corp');
    assert.equal(slugifyName('  Café_Team!  '), 'cafe-team');
  });
});
