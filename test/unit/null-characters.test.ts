import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nullCharacterPath } from '../../src/platform/http/validator.js';

describe('nullCharacterPath: where a request part holds a NUL character (DRF: "Null characters are not allowed.")', () => {
  it('names the top-level field a NUL is in, however deep, in a value or in a key', () => {
    assert.equal(nullCharacterPath({ name: 'ok', email: 'a\u0000b' }), '/email');
    assert.equal(nullCharacterPath({ teamRoles: [{ teamSlug: 'x', role: '\u0000' }] }), '/teamRoles');
    assert.equal(nullCharacterPath({ teams: [{ ['bad\u0000key']: 1 }] }), '/teams');
    assert.equal(nullCharacterPath({ ['\u0000']: 'x' }), '/\u0000');
    assert.equal(nullCharacterPath('bare\u0000string'), '');
  });

  it('is null when there is none (numbers, booleans and null are not strings)', () => {
    assert.equal(nullCharacterPath({ name: 'fine', n: 0, b: false, z: null, list: ['a', 'b'] }), null);
    assert.equal(nullCharacterPath(undefined), null);
  });

  it('walks a value nested 100,000 levels deep without overflowing the stack', () => {
    let deep: unknown = 'end\u0000';
    for (let i = 0; i < 100_000; i++) deep = i % 2 ? [deep] : { a: deep };
    assert.equal(nullCharacterPath({ field: deep }), '/field');
  });
});
