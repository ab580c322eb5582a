/**
 * The console's only way to the server: the public /api/0/ endpoints, with the session cookie and
 * the CSRF token. Errors keep Sentry's bodies so forms can put each message next to its field.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(describeError(body) ?? `Request failed (${status})`);
  }

  /** Sentry's org-gate code (`2fa-required`, `sso-required`…), when the body carries one. */
  get code(): string | null {
    const detail = (this.body as { detail?: unknown } | null)?.detail;
    return detail && typeof detail === 'object' && 'code' in detail ? String((detail as { code: unknown }).code) : null;
  }

  /** `{"field": ["message"]}` (or `{"field": "message"}`) as one message per field. */
  get fields(): Record<string, string> {
    const body = this.body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
    const fields: Record<string, string> = {};
    for (const [key, value] of Object.entries(body)) {
      if (key === 'detail' || key === 'details') continue;
      if (Array.isArray(value)) fields[key] = value.map(String).join(' ');
      else if (typeof value === 'string') fields[key] = value;
    }
    return fields;
  }
}

function describeError(body: unknown): string | null {
  if (Array.isArray(body)) return body.map(String).join(' ');
  if (!body || typeof body !== 'object') return null;
  const { detail, details } = body as { detail?: unknown; details?: unknown };
  if (typeof detail === 'string') return detail;
  if (detail && typeof detail === 'object' && 'message' in detail) return String((detail as { message: unknown }).message);
  if (typeof details === 'string') return details;
  return null;
}

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export interface ApiResponse<T> {
  data: T;
  status: number;
  headers: Headers;
}

type Listener = (error: ApiError) => void;
const listeners = new Set<Listener>();
/** The app listens for 401s: signed out, or an organization's 2FA gate. */
export function onAuthError(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Sentry's `sso-required` gate: the organization wants this member to come through its identity
 * provider, so the browser goes to the sign-in page the answer names (on this origin only), with the
 * current console path as `next` to come back to.
 */
function goToSsoLogin(error: ApiError): void {
  const extra = (error.body as { detail?: { extra?: { loginUrl?: unknown } } } | null)?.detail?.extra;
  if (typeof extra?.loginUrl !== 'string') return;
  const target = new URL(extra.loginUrl, window.location.href);
  if (target.origin !== window.location.origin) return;
  target.searchParams.set('next', `${window.location.pathname}${window.location.search}`);
  window.location.assign(target.href);
}

export async function request<T = unknown>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrftoken'] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
  }
  if (!response.ok) {
    const error = new ApiError(response.status, data);
    if (response.status === 401 && error.code === 'sso-required') goToSsoLogin(error);
    if (response.status === 401 && !path.startsWith('/api/0/auth/')) listeners.forEach((listener) => listener(error));
    throw error;
  }
  return { data: data as T, status: response.status, headers: response.headers };
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path).then((r) => r.data),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string, body?: unknown) => request<T>('DELETE', path, body),
};

/** Sentry's `Link` header: the cursors of the previous and next pages, when they have results. */
export function parseLink(header: string | null): { previous: string | null; next: string | null } {
  const pages = { previous: null as string | null, next: null as string | null };
  for (const part of (header ?? '').split(',')) {
    const rel = /rel="(previous|next)"/.exec(part)?.[1] as 'previous' | 'next' | undefined;
    const results = /results="(true|false)"/.exec(part)?.[1];
    const cursor = /cursor="([^"]*)"/.exec(part)?.[1];
    if (rel && cursor && results === 'true') pages[rel] = cursor;
  }
  return pages;
}

/** Builds a path with a query string, leaving out empty values. */
export function withQuery(path: string, params: Record<string, string | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export const orgPath = (slug: string, rest = '') => `/api/0/organizations/${encodeURIComponent(slug)}/${rest}`;

export const teamPath = (org: string, team: string, rest = '') => `/api/0/teams/${encodeURIComponent(org)}/${encodeURIComponent(team)}/${rest}`;
