import { detailError } from './errors.js';

/**
 * Keyset pagination behind Sentry's cursor format. A cursor reads `<key>:0:<is_prev>`: the page after
 * (or, with is_prev 1, before) the row whose id is `key`. Clients treat it as opaque and follow the
 * `Link` header, so page N costs what page 1 costs: `where id > key order by id limit n + 1`.
 */
export interface Cursor {
  /** The id to continue from; null for the first page. */
  key: string | null;
  /** True when walking back towards the first page. */
  isPrev: boolean;
}

export const DEFAULT_PER_PAGE = 100;
export const MAX_PER_PAGE = 100;

export function parseCursor(raw: string | undefined): Cursor {
  if (raw === undefined || raw === '') return { key: null, isPrev: false };
  const match = /^(\d{1,18}):(-?\d{1,9}):([01])$/.exec(raw);
  if (!match) throw detailError(400, 'Invalid cursor parameter.', 'invalid_cursor');
  return { key: match[1] === '0' ? null : match[1]!, isPrev: match[3] === '1' };
}

export interface Page<T> {
  rows: T[];
  /** The Link header value for this page. */
  link: string;
}

/**
 * Turns the rows a keyset query returned (up to `perPage + 1`, in walking order) into a page and its
 * Link header. `idOf` gives a row's key; `order` is how the list is sorted for the client.
 */
export function keysetPage<T>(
  fetched: T[],
  { cursor, perPage, url, idOf }: { cursor: Cursor; perPage: number; url: string; idOf: (row: T) => string },
): Page<T> {
  const hasMore = fetched.length > perPage;
  const rows = fetched.slice(0, perPage);
  if (cursor.isPrev) rows.reverse();
  const first = rows[0];
  const last = rows[rows.length - 1];
  const hasPrevious = cursor.isPrev ? hasMore : cursor.key !== null;
  const hasNext = cursor.isPrev ? true : hasMore;
  const previous = `${first ? idOf(first) : (cursor.key ?? '0')}:0:1`;
  const next = `${last ? idOf(last) : (cursor.key ?? '0')}:0:0`;
  return {
    rows,
    link: [linkPart(url, previous, 'previous', hasPrevious && first !== undefined), linkPart(url, next, 'next', hasNext && last !== undefined)].join(', '),
  };
}

function linkPart(url: string, cursor: string, rel: string, results: boolean): string {
  const target = new URL(url);
  target.searchParams.set('cursor', cursor);
  return `<${target.toString()}>; rel="${rel}"; results="${results}"; cursor="${cursor}"`;
}
