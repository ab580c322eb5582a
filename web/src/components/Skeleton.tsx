/**
 * Grey placeholder rows shown while a list loads, the height of the rows they stand for, so the page
 * does not jump when the data arrives. Screen readers hear one "Loading …" status instead.
 */
export function RowsSkeleton({ label, rows = 3, compact = false }: { label: string; rows?: number; compact?: boolean }) {
  return (
    <div className={compact ? 'skeleton compact' : 'skeleton'} role="status" aria-label={`Loading ${label}`}>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton-row" aria-hidden="true">
          <span className="bar wide" />
          <span className="bar" />
        </div>
      ))}
    </div>
  );
}

/** A page's placeholder while its one record loads: a heading-sized bar and a card of rows. */
export function PageSkeleton({ label }: { label: string }) {
  return (
    <section aria-busy="true">
      <div className="skeleton-heading" aria-hidden="true" />
      <RowsSkeleton label={label} rows={4} />
    </section>
  );
}
