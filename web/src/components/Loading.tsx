/** What a page shows while the data it needs is on its way. */
export function Loading() {
  return (
    <p className="loading" role="status">
      Loading…
    </p>
  );
}
