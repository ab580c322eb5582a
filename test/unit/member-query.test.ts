import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseMemberQuery } from '../../src/members/member-query.js';

describe('§5.1 member search language', () => {
  it('groups key:value tokens by key and joins bare words under query', () => {
    const query = parseMemberQuery('role:owner role:manager has2fa:true alice smith');
    assert.deepEqual(Object.fromEntries(query), { role: ['owner', 'manager'], has2fa: ['true'], query: ['alice smith'] });
  });

  it('keeps spaces inside quotes and ignores AND, OR and empty parentheses', () => {
    const query = parseMemberQuery('email:"a@example.com" AND () OR "Mary Ann"');
    assert.deepEqual(Object.fromEntries(query), { email: ['a@example.com'], query: ['Mary Ann'] });
  });

  it('reads bracketed lists of values', () => {
    assert.deepEqual(parseMemberQuery('id:[1,2, 3]').get('id'), ['1', '2', '3']);
  });
});
