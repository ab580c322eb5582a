/**
 * Which URLs an identity provider may use. Production providers are reached over https only; plain
 * http is allowed for loopback hosts so a provider on this machine (the tests' in-process ones, a
 * local demo) can be used without certificates. Nothing else is ever fetched over plain http.
 */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

/** The URL, or a reason it may not be used as a provider address. */
export function parseProviderUrl(value: string): URL | string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.protocol === 'https:' || isLoopbackHttp(url)) return url;
  return 'must use https (plain http only for 127.0.0.1, ::1 or localhost)';
}
