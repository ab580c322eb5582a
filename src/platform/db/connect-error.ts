/** DATABASE_URL as it may be printed: the password replaced by ***. */
export function maskedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

type PgLikeError = Error & { code?: string; errors?: PgLikeError[]; hostname?: string; address?: string; port?: number };

/**
 * Why a PostgreSQL server could not be used, in one line, or null when `error` is not about reaching
 * the server or logging in (then it is a bug and keeps its stack). Node reports refused and unresolved
 * connections by errno code (several at once when a name has an IPv4 and an IPv6 address); PostgreSQL
 * refuses a login with SQLSTATE class 28 (credentials) or 3D000 (no such database).
 */
export function connectFailure(url: string, error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  const first = error as PgLikeError;
  const inner = first.errors?.[0] ?? first;
  const code = first.code ?? inner.code;
  const where = (() => {
    try {
      const parsed = new URL(url);
      return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}`;
    } catch {
      return 'the server';
    }
  })();
  let cause: string | null = null;
  if (code === 'ECONNREFUSED') cause = `nothing accepts connections at ${where} (is PostgreSQL running?)`;
  else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') cause = `the host name ${inner.hostname ?? where} cannot be resolved`;
  else if (code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') cause = `${where} cannot be reached (${code})`;
  else if (code === 'ECONNRESET') cause = `${where} closed the connection`;
  else if (/timeout/i.test(first.message) && /connect/i.test(first.message)) cause = `${where} did not answer in time`;
  else if (code && (code.startsWith('28') || code === '3D000' || code.startsWith('08') || code === '57P03')) cause = first.message;
  return cause === null ? null : `cannot use the database at DATABASE_URL=${maskedUrl(url)}: ${cause}`;
}
