/**
 * Sentry's member search language: whitespace-separated tokens, `key:value` filters, quotes keep
 * spaces. The console's filter menus edit the same query text that the search box shows.
 */
export function tokenize(query: string): string[] {
  return query.match(/(?:[^\s"]+|"[^"]*")+/g) ?? [];
}

/** The query with every `key:` token replaced by `key:value` (or removed, for an empty value). */
export function setFilter(query: string, key: string, value: string): string {
  const kept = tokenize(query).filter((token) => !token.toLowerCase().startsWith(`${key.toLowerCase()}:`));
  if (value) kept.push(`${key}:${value}`);
  return kept.join(' ');
}

/** The value of the first `key:` token, or ''. */
export function getFilter(query: string, key: string): string {
  const token = tokenize(query).find((t) => t.toLowerCase().startsWith(`${key.toLowerCase()}:`));
  return token ? token.slice(key.length + 1).replace(/^"|"$/g, '') : '';
}
