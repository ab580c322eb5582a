import { parseLink } from '../api';

/** Previous / next buttons from Sentry's `Link` header cursors. */
export function Pager({ headers, onCursor }: { headers: Headers | undefined; onCursor(cursor: string): void }) {
  const { previous, next } = parseLink(headers?.get('link') ?? null);
  if (!previous && !next) return null;
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" disabled={!previous} onClick={() => previous && onCursor(previous)}>
        ← Previous
      </button>
      <button type="button" disabled={!next} onClick={() => next && onCursor(next)}>
        Next →
      </button>
    </nav>
  );
}
