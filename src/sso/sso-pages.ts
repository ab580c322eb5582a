import { escapeHtml } from '../platform/mail/outbox.js';

/**
 * The few server-rendered pages of the SSO flow (outside the console, as Sentry's): the organization's
 * sign-in page with its one button, and the page that says why a sign-in was refused. No script, no
 * outside resource; every value escaped.
 */

/** Pages that load nothing and cannot be framed. No form-action: the button's answer is a redirect to the identity provider. */
export const SSO_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";

function page(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)} · Roster</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#2b2233}',
    'button{font:inherit;padding:.5rem 1.25rem;border-radius:.375rem;border:0;background:#6c5fc7;color:#fff;cursor:pointer}</style>',
    `</head><body><main>${body}</main></body></html>`,
  ].join('');
}

export interface SignInPage {
  orgName: string;
  orgSlug: string;
  providerName: string;
  flow: 'login' | 'link';
  formToken: string;
  next: string | undefined;
}

/** The organization's sign-in (or link) page: a form POSTing to itself with its form token and `next`. */
export function signInPage({ orgName, orgSlug, providerName, flow, formToken, next }: SignInPage): string {
  const action = `/auth/${flow}/${encodeURIComponent(orgSlug)}/`;
  const heading = flow === 'login' ? `Sign in to ${orgName}` : `Link your account to ${orgName}`;
  const lead =
    flow === 'login'
      ? `${orgName} signs its members in through ${providerName}.`
      : `${orgName} asks you to link your Roster account with ${providerName}.`;
  return page(
    heading,
    [
      `<h1>${escapeHtml(heading)}</h1>`,
      `<p>${escapeHtml(lead)}</p>`,
      `<form method="post" action="${escapeHtml(action)}">`,
      `<input type="hidden" name="form_token" value="${escapeHtml(formToken)}">`,
      next ? `<input type="hidden" name="next" value="${escapeHtml(next)}">` : '',
      `<button type="submit">Continue with ${escapeHtml(providerName)}</button>`,
      '</form>',
    ].join(''),
  );
}

/** Why the sign-in stopped; `code` is stable (tests and support read it). */
export function refusedPage(status: number, code: string, message: string): string {
  const title = status === 404 ? 'Not found' : 'Sign-in refused';
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><small>Reason: <code data-code="${escapeHtml(code)}">${escapeHtml(code)}</code></small></p><p><a href="/">Go to Roster</a></p>`,
  );
}
