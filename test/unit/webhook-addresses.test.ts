import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isPublicAddress } from '../../src/webhooks/public-address.js';
import { webhookRetryDelayMs } from '../../src/webhooks/webhook-outcome.js';

describe('webhook addresses (issue 18: no private, loopback or link-local targets)', () => {
  it('refuses private, loopback, link-local, shared, multicast and reserved ranges, IPv4-mapped ones too', () => {
    for (const address of [
      '127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0',
      '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fd00::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:169.254.169.254',
    ]) {
      assert.equal(isPublicAddress(address), false, address);
    }
  });

  it('allows public addresses, and refuses what is not an address', () => {
    for (const address of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8']) assert.equal(isPublicAddress(address), true, address);
    assert.equal(isPublicAddress('example.com'), false);
  });

  it('retries after 5 s, doubling, at most 6 hours', () => {
    assert.deepEqual([1, 2, 3, 4].map((attempts) => webhookRetryDelayMs(attempts)), [5000, 10000, 20000, 40000]);
    assert.equal(webhookRetryDelayMs(30), 6 * 60 * 60 * 1000);
  });

  it('ROSTER_WEBHOOK_RETRY_BASE_SECONDS shortens the first wait; the doubling and the 6-hour cap stay', () => {
    assert.deepEqual([1, 2, 3, 4].map((attempts) => webhookRetryDelayMs(attempts, 1000)), [1000, 2000, 4000, 8000]);
    assert.equal(webhookRetryDelayMs(40, 1000), 6 * 60 * 60 * 1000);
  });
});
