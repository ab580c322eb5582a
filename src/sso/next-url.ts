/**
 * Where a finished sign-in may send the browser: an address on Roster's public URL only (no open
 * redirect), else `fallback`. Relative paths are taken against the public URL; anything that leaves
 * its origin or its path (`//elsewhere`, `https://elsewhere/`, a backslash trick, credentials in the
 * URL) is replaced by the fallback.
 */
export function safeNextUrl(publicUrl: string, raw: string | undefined | null, fallback: string): string {
  // eslint-disable-next-line no-control-regex
  if (!raw || raw.length > 2048 || /[\u0000-\u001f\u007f\\]/.test(raw)) return fallback;
  const base = new URL(`${publicUrl}/`);
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin || url.username || url.password || !url.pathname.startsWith(base.pathname)) return fallback;
  return url.href;
}
