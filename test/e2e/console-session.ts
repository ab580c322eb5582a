// Shared by the console's browser tests (not a test file itself): a browser context signed in as one
// user, with the page's errors watched and the organization's API at hand for checks.
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { watchErrors } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import { totpCode } from '../../src/identity/totp.js';

// A loaded 2-core machine renders and answers slowly: every wait is generous, none is a sleep.
export const WAIT_MS = 30_000;

export interface ConsolePage {
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

/** Opens a sign-in link issued by the server itself (the emailed-link flow has its own test), and answers the TOTP step when asked. */
export async function signedIn(
  browser: Browser,
  server: TestServer,
  email: string,
  options: { totpSecret?: string; viewport?: { width: number; height: number } } = {},
): Promise<ConsolePage> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 } });
  context.setDefaultTimeout(WAIT_MS);
  context.setDefaultNavigationTimeout(WAIT_MS);
  const page = await context.newPage();
  const errors = watchErrors(page);
  const link = await server.services.sessions.signinLinkFor(email);
  assert.ok(link, `a sign-in link for ${email}`);
  await page.goto(link);
  if (options.totpSecret) {
    await page.getByLabel('Authentication code').fill(totpCode(options.totpSecret, new Date()));
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await page.waitForURL(/\/organizations\//);
  return { page, errors, close: () => context.close() };
}

/** A GET on the API with a seeded user's token, for checking what a console action did. */
export async function apiGet<T>(server: TestServer, token: string, path: string): Promise<T> {
  const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(response.status, 200, `GET ${path}`);
  return (await response.json()) as T;
}
