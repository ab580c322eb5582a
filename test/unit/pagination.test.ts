import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../src/platform/http/errors.js';
import { decodeCursor, encodeCursor, keysetBounds, linkHeader, pageOf, parsePageRequest, type PageRequest } from '../../src/platform/http/pagination.js';

/** Rows 1..n and what a query with keysetBounds would return for them. */
function read(n: number, request: PageRequest) {
  const bounds = keysetBounds(request);
  let ids = Array.from({ length: n }, (_, i) => i + 1);
  if (bounds.id !== null) ids = ids.filter((id) => (bounds.comparison === '<' ? id < Number(bounds.id) : id > Number(bounds.id)));
  ids.sort((a, b) => (bounds.order === 'asc' ? a - b : b - a));
  return ids.slice(0, bounds.fetch).map((id) => ({ id: String(id) }));
}

const page = (n: number, limit: number, cursor?: string, order: 'asc' | 'desc' = 'desc') => {
  const request = parsePageRequest({ per_page: String(limit), cursor }, { order });
  return pageOf(read(n, request), request, (row) => row.id);
};
const ids = (p: { items: Array<{ id: string }> }) => p.items.map((row) => Number(row.id));

describe('keyset cursor pagination (http/pagination.ts)', () => {
  it('per_page defaults to 100, at most 100, with Sentry\'s texts', () => {
    assert.equal(parsePageRequest({}).limit, 100);
    assert.equal(parsePageRequest({ per_page: '7' }).limit, 7);
    const fails = (query: { per_page?: string; cursor?: string }, detail: string) =>
      assert.throws(() => parsePageRequest(query), (error: ApiError) => error.status === 400 && (error.body as { detail: string }).detail === detail);
    fails({ per_page: '101' }, 'Invalid per_page value. Cannot exceed 100.');
    fails({ per_page: '0' }, 'Invalid per_page parameter.');
    fails({ per_page: 'ten' }, 'Invalid per_page parameter.');
    fails({ cursor: 'abc' }, 'Invalid cursor parameter.');
    fails({ cursor: '10:5:0' }, 'Invalid cursor parameter.');
    fails({ cursor: '99999999999999999999:0:0' }, 'Invalid cursor parameter.');
  });

  it('cursors round-trip in Sentry\'s three-part form', () => {
    assert.equal(encodeCursor({ id: 42n, direction: 'next' }), '42:0:0');
    assert.deepEqual(decodeCursor('42:0:1'), { id: 42n, direction: 'previous' });
    assert.equal(decodeCursor(undefined), null);
  });

  it('walks forward newest first, each page starting after the last one, to the end', () => {
    const first = page(7, 3);
    assert.deepEqual(ids(first), [7, 6, 5]);
    assert.deepEqual(first.previous, { cursor: '7:0:1', results: false });
    assert.deepEqual(first.next, { cursor: '5:0:0', results: true });
    const second = page(7, 3, first.next.cursor);
    assert.deepEqual(ids(second), [4, 3, 2]);
    assert.equal(second.previous.results, true);
    const third = page(7, 3, second.next.cursor);
    assert.deepEqual(ids(third), [1]);
    assert.equal(third.next.results, false);
  });

  it('walks back with the previous cursor, still newest first', () => {
    const third = page(7, 3, '2:0:0');
    const back = page(7, 3, third.previous.cursor);
    assert.deepEqual(ids(back), [4, 3, 2]);
    assert.equal(back.previous.results, true);
    assert.equal(back.next.results, true);
    const top = page(7, 3, back.previous.cursor);
    assert.deepEqual(ids(top), [7, 6, 5]);
    assert.equal(top.previous.results, false);
  });

  it('walks an oldest-first list forward and back (the member list)', () => {
    const first = page(7, 3, undefined, 'asc');
    assert.deepEqual(ids(first), [1, 2, 3]);
    assert.deepEqual(first.previous, { cursor: '1:0:1', results: false });
    const second = page(7, 3, first.next.cursor, 'asc');
    assert.deepEqual(ids(second), [4, 5, 6]);
    const third = page(7, 3, second.next.cursor, 'asc');
    assert.deepEqual(ids(third), [7]);
    assert.equal(third.next.results, false);
    const back = page(7, 3, third.previous.cursor, 'asc');
    assert.deepEqual(ids(back), [4, 5, 6]);
    assert.equal(back.previous.results, true);
    const top = page(7, 3, back.previous.cursor, 'asc');
    assert.deepEqual(ids(top), [1, 2, 3]);
    assert.equal(top.previous.results, false);
    const empty = page(3, 2, '3:0:0', 'asc');
    assert.deepEqual(ids(empty), []);
    assert.deepEqual(ids(page(3, 2, empty.previous.cursor, 'asc')), [2, 3]);
  });

  it('an empty page still points back to where it was asked from', () => {
    const empty = page(3, 2, '1:0:0');
    assert.deepEqual(ids(empty), []);
    assert.equal(empty.next.results, false);
    assert.deepEqual(ids(page(3, 2, empty.previous.cursor)), [2, 1]);
    const none = page(0, 2);
    assert.deepEqual(none.previous.results || none.next.results, false);
  });

  it('builds Sentry\'s Link header, keeping the query except the cursor', () => {
    const header = linkHeader('http://roster.test', '/api/0/x/?event=member.add&cursor=9:0:0&per_page=2', page(7, 2, '9:0:0'));
    assert.equal(
      header,
      '<http://roster.test/api/0/x/?event=member.add&per_page=2&cursor=7:0:1>; rel="previous"; results="true"; cursor="7:0:1", ' +
        '<http://roster.test/api/0/x/?event=member.add&per_page=2&cursor=6:0:0>; rel="next"; results="true"; cursor="6:0:0"',
    );
    assert.match(linkHeader('http://roster.test', '/api/0/x/', page(1, 5)), /^<http:\/\/roster\.test\/api\/0\/x\/\?cursor=1:0:1>; rel="previous"; results="false"/);
  });
});
