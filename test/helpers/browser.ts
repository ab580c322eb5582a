import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium (installed by .ci/run from the Debian package; never a browser download). */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Where every non-loopback request goes: a loopback port where nothing listens (9 is "discard", never
 * served here), so a request for another host fails at once instead of leaving the machine.
 */
export const DEAD_PROXY = 'http://127.0.0.1:9';

/**
 * Chromium's switches for a browser that never leaves this machine: all traffic through the dead
 * proxy except loopback (`<-loopback>` removes Chromium's implicit loopback bypass, so the listed
 * loopback names are the only ones that go direct), and none of the background calls Chromium makes
 * on its own (updates, sign-in, sync, safe browsing, metrics, field trials, translation).
 */
export const OFFLINE_ARGS = [
  `--proxy-server=${DEAD_PROXY}`,
  '--proxy-bypass-list=<-loopback>;127.0.0.1;localhost;[::1]',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-breakpad',
  '--disable-crash-reporter',
  '--disable-features=OptimizationHints,MediaRouter,Translate,AutofillServerCommunication,CertificateTransparencyComponentUpdater,InterestFeedContentSuggestions,NetworkTimeServiceQuerying',
  '--metrics-recording-only',
  '--no-pings',
  '--no-first-run',
  '--no-default-browser-check',
  '--no-service-autorun',
  '--password-store=basic',
  '--use-mock-keychain',
  '--dns-prefetch-disable',
  '--disable-quic',
];

/**
 * Headless Chromium with nothing that reaches the network on its own. Playwright gives every launch
 * a fresh temporary user-data-dir, so no state survives between runs.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', ...OFFLINE_ARGS],
  });
}

/** Fails the test on any error the page logs or throws, so a broken page cannot pass quietly. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource: the server responded with a status of (4\d\d)/.test(message.text())) {
      errors.push(`console: ${message.text()}`);
    }
  });
  return errors;
}
