import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseMemberQuery } from '../../src/members/member-query.js';
import { keysetPage, parseCursor } from '../../src/http/pagination.js';
import { ApiError } from '../../src/http/errors.js';

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

describe('keyset cursors in Sentry\'s format', () => {
  it('parses `<key>:0:<is_prev>` and refuses anything else with a 400', () => {
    assert.deepEqual(parseCursor(undefined), { key: null, isPrev: false });
    assert.deepEqual(parseCursor('42:0:1'), { key: '42', isPrev: true });
    assert.throws(() => parseCursor('abc'), (error: unknown) => error instanceof ApiError && error.status === 400);
  });

  it('builds previous and next links with results flags', () => {
    const rows = [{ id: '1' }, { id: '2' }, { id: '3' }];
    const page = keysetPage(rows, { cursor: { key: null, isPrev: false }, perPage: 2, url: 'http://x/api/0/list/?per_page=2', idOf: (r) => r.id });
    assert.deepEqual(page.rows.map((r) => r.id), ['1', '2']);
    assert.match(page.link, /rel="previous"; results="false"/);
    assert.match(page.link, /cursor=2%3A0%3A0>; rel="next"; results="true"; cursor="2:0:0"/);
  });
});
