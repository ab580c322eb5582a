import { Type } from '@sinclair/typebox';
import { detailError } from './errors.js';

/**
 * Cursor pagination as Sentry's clients see it, keyset pagination inside (decisions.md § Scale).
 *
 * Wire: `?cursor=…&per_page=…` in, a `Link` header out with `rel="previous"` and `rel="next"` entries,
 * each with `results="true|false"` and `cursor="…"`. The cursor keeps Sentry's three-part look
 * (`<value>:<offset>:<is_prev>`) but is opaque: its value is the id of the row the page starts after,
 * so every page is one index range scan and page N costs what page 1 costs.
 *
 * Lists are ordered by a numeric id (bigint, as a string): newest first by default (the audit log),
 * or oldest first with `{ order: 'asc' }` (the member list, as Sentry orders it). Use:
 *
 *   const request = parsePageRequest(query, { order });      // 400 on a bad cursor or per_page
 *   const bounds = keysetBounds(request);                     // in the query function:
 *     query.where(idColumn, bounds.comparison, bounds.id)     //   when bounds.id is not null
 *          .orderBy(idColumn, bounds.order).limit(bounds.fetch)
 *   const page = pageOf(rows, request, (row) => row.id);      // trims, restores newest-first order
 *   reply.header('link', linkHeader(publicUrl, request.url, page));
 */

export const DEFAULT_PER_PAGE = 100;
export const MAX_PER_PAGE = 100;

/** Querystring fields of a paginated list; spread them into the route's querystring schema. */
export const PaginationQueryFields = {
  cursor: Type.Optional(Type.String({ maxLength: 64 })),
  per_page: Type.Optional(Type.String({ maxLength: 16 })),
};

export interface KeysetCursor {
  /** The id the page starts after (exclusive). */
  id: bigint;
  /** `next` reads on in the list's order, `previous` reads back towards its start. */
  direction: 'next' | 'previous';
}

export interface PageRequest {
  limit: number;
  cursor: KeysetCursor | null;
  /** How the list is ordered by id for the client: `desc` newest first, `asc` oldest first. */
  order: 'asc' | 'desc';
}

export interface PageLink {
  cursor: string;
  results: boolean;
}

export interface Page<T> {
  items: T[];
  previous: PageLink;
  next: PageLink;
}

const CURSOR_PATTERN = /^(\d{1,19}):0:([01])$/;
const MAX_ID = 2n ** 63n - 1n;

export function encodeCursor(cursor: KeysetCursor): string {
  return `${cursor.id}:0:${cursor.direction === 'previous' ? 1 : 0}`;
}

/** The cursor in `?cursor=`, or null when absent; 400 with Sentry's text when it is not one of ours. */
export function decodeCursor(text: string | undefined): KeysetCursor | null {
  if (text === undefined || text === '') return null;
  const match = CURSOR_PATTERN.exec(text);
  const id = match ? BigInt(match[1]!) : -1n;
  if (!match || id > MAX_ID) throw detailError(400, 'Invalid cursor parameter.', 'invalid_cursor');
  return { id, direction: match[2] === '1' ? 'previous' : 'next' };
}

/** `?per_page` (default 100, at most 100) and `?cursor`, with Sentry's 400 texts. */
export function parsePageRequest(
  query: { cursor?: string; per_page?: string },
  { defaultLimit = DEFAULT_PER_PAGE, maxLimit = MAX_PER_PAGE, order = 'desc' as 'asc' | 'desc' } = {},
): PageRequest {
  let limit = defaultLimit;
  if (query.per_page !== undefined) {
    if (!/^\d{1,9}$/.test(query.per_page) || Number(query.per_page) < 1) {
      throw detailError(400, 'Invalid per_page parameter.', 'invalid_per_page');
    }
    limit = Number(query.per_page);
    if (limit > maxLimit) throw detailError(400, `Invalid per_page value. Cannot exceed ${maxLimit}.`, 'invalid_per_page');
  }
  return { limit, cursor: decodeCursor(query.cursor), order };
}

export interface KeysetBounds {
  /** Compare the id column with `id` this way; no condition when `id` is null (the first page). */
  comparison: '<' | '>';
  id: string | null;
  order: 'asc' | 'desc';
  /** Rows to fetch: one more than the page, to learn whether another page follows. */
  fetch: number;
}

/** What a query function needs to read one page. */
export function keysetBounds(request: PageRequest): KeysetBounds {
  // Walking on follows the list's order; walking back reads the other way (and pageOf turns it round).
  const previous = request.cursor?.direction === 'previous';
  const ascending = previous ? request.order === 'desc' : request.order === 'asc';
  return {
    comparison: ascending ? '>' : '<',
    id: request.cursor ? String(request.cursor.id) : null,
    order: ascending ? 'asc' : 'desc',
    fetch: request.limit + 1,
  };
}

/**
 * Turns the rows read with `keysetBounds` into a page in the list's order, with the cursors of
 * its neighbours. Coming from a cursor, the page on the side we came from is assumed to exist.
 */
export function pageOf<T>(rows: readonly T[], request: PageRequest, idOf: (row: T) => string): Page<T> {
  const backwards = request.cursor?.direction === 'previous';
  const more = rows.length > request.limit;
  const kept = rows.slice(0, request.limit);
  const items = backwards ? kept.reverse() : kept;
  const first = items[0];
  const last = items[items.length - 1];
  const cursorId = request.cursor?.id;

  // Empty pages still get usable cursors: around the position the request asked for.
  const step = request.order === 'desc' ? -1n : 1n;
  const firstId = first ? BigInt(idOf(first)) : cursorId !== undefined ? (backwards ? cursorId : cursorId + step) : 0n;
  const lastId = last ? BigInt(idOf(last)) : cursorId !== undefined ? (backwards ? cursorId - step : cursorId) : 0n;

  return {
    items,
    previous: {
      cursor: encodeCursor({ id: firstId, direction: 'previous' }),
      results: backwards ? more : request.cursor !== null,
    },
    next: {
      cursor: encodeCursor({ id: lastId, direction: 'next' }),
      results: backwards ? true : more,
    },
  };
}

/**
 * Sentry's `Link` header for a page: the request's own URL under the public base URL, with its
 * query kept except for `cursor`, once for the previous page and once for the next.
 */
export function linkHeader(publicUrl: string, requestUrl: string, page: Page<unknown>): string {
  const [path = '/', search = ''] = requestUrl.split('?', 2);
  const params = new URLSearchParams(search);
  params.delete('cursor');
  const kept = params.toString();
  const link = (rel: string, { cursor, results }: PageLink) =>
    `<${publicUrl}${path}?${kept ? `${kept}&` : ''}cursor=${cursor}>; rel="${rel}"; results="${results}"; cursor="${cursor}"`;
  return `${link('previous', page.previous)}, ${link('next', page.next)}`;
}
