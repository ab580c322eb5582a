import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.js';

/** A non-loopback address of this machine: reachable without leaving it, so a request that arrives proves the proxy was bypassed. */
function ownExternalAddress(): string | null {
  for (const entries of Object.values(os.networkInterfaces())) {
    for (const entry of entries ?? []) if (!entry.internal && entry.family === 'IPv4') return entry.address;
  }
  return null;
}

/**
 * The browser of the end-to-end tests never leaves this machine: every host but loopback goes to a
 * proxy address where nothing listens. A listener on this machine's own non-loopback address stands
 * in for "the internet": if Chromium went direct it would get there, so its silence is the proof.
 */
describe('console tests: Chromium stays on loopback', () => {
  let browser: Browser;
  let listener: http.Server;
  let loopback: http.Server;
  const arrived: string[] = [];
  const address = ownExternalAddress();

  before(async () => {
    browser = await launchBrowser();
    listener = http.createServer((request, response) => {
      arrived.push(`${request.method} ${request.headers.host}${request.url}`);
      response.end('<p>reached</p>');
    });
    loopback = http.createServer((_request, response) => response.end('<p>loopback</p>'));
    await new Promise<void>((resolve) => listener.listen(0, '0.0.0.0', resolve));
    await new Promise<void>((resolve) => loopback.listen(0, '127.0.0.1', resolve));
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => listener?.close(resolve));
    await new Promise((resolve) => loopback?.close(resolve));
  });

  it('loads loopback pages, and a request to any other host fails without arriving anywhere', async () => {
    const page = await browser.newPage();
    const loopbackPort = (loopback.address() as net.AddressInfo).port;
    const loaded = await page.goto(`http://127.0.0.1:${loopbackPort}/`);
    assert.equal(loaded?.status(), 200, 'loopback goes direct');
    assert.equal(await page.locator('p').innerText(), 'loopback');

    // A name that resolves nowhere still must not be looked up or fetched directly: it fails at the proxy.
    await assert.rejects(page.goto('http://roster-egress-check.example/'), /ERR_PROXY_CONNECTION_FAILED|ERR_TUNNEL_CONNECTION_FAILED/);
    // From inside a loopback page too (a script's request, not only a navigation); a fresh page, as
    // the failed navigation above leaves its own error page loading.
    const scripted = await browser.newPage();
    await scripted.goto(`http://127.0.0.1:${loopbackPort}/`);
    const fetched = await scripted.evaluate(async (url) => {
      try {
        await fetch(url, { mode: 'no-cors' });
        return 'reached';
      } catch (error) {
        return String(error);
      }
    }, 'http://roster-egress-check.example/pixel');
    assert.notEqual(fetched, 'reached');
    await scripted.close();

    // With a non-loopback address of this machine (every CI and development machine here has one), a
    // listener on it proves the request did not leave by another way either.
    if (address) {
      const port = (listener.address() as net.AddressInfo).port;
      await assert.rejects(page.goto(`http://${address}:${port}/`), /ERR_PROXY_CONNECTION_FAILED|ERR_TUNNEL_CONNECTION_FAILED/);
      assert.deepEqual(arrived, [], 'nothing reached the non-loopback listener');
    }
    await page.close();
  });
});
