import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { ConfigError, loadConfig } from '../../src/config.js';
import { openSecret, sealSecret, SecretBoxError } from '../../src/platform/lib/secret-box.js';

describe('ROSTER_SECRET_KEY and sealed secrets (issue 15)', () => {
  const key = crypto.randomBytes(32);

  it('the key is read as 64 hex digits or as base64 of 32 bytes; unset is null', () => {
    assert.equal(loadConfig({}).secretKey, null);
    assert.deepEqual(loadConfig({ ROSTER_SECRET_KEY: key.toString('hex') }).secretKey, key);
    assert.deepEqual(loadConfig({ ROSTER_SECRET_KEY: key.toString('base64') }).secretKey, key);
    assert.deepEqual(loadConfig({ ROSTER_SECRET_KEY: key.toString('base64url') }).secretKey, key);
  });

  it('a key of another length, or not hex nor base64, stops start-up naming the variable but not the value', () => {
    for (const bad of [crypto.randomBytes(16).toString('base64'), crypto.randomBytes(31).toString('hex'), 'correct horse battery staple', `${'z'.repeat(63)}!`]) {
      assert.throws(
        () => loadConfig({ ROSTER_SECRET_KEY: bad }),
        (error: unknown) => error instanceof ConfigError && error.message.startsWith('ROSTER_SECRET_KEY') && !error.message.includes(bad),
        bad,
      );
    }
  });

  it('a sealed secret opens with its key and context only, differs each time, and a changed byte is refused', () => {
    const sealed = sealSecret(key, 'org:1', 'the client secret');
    assert.ok(!sealed.includes('the client secret'));
    assert.notEqual(sealSecret(key, 'org:1', 'the client secret'), sealed, 'a fresh nonce per seal');
    assert.equal(openSecret(key, 'org:1', sealed), 'the client secret');
    assert.throws(() => openSecret(crypto.randomBytes(32), 'org:1', sealed), SecretBoxError);
    assert.throws(() => openSecret(key, 'org:2', sealed), SecretBoxError);
    const bytes = Buffer.from(sealed.slice(3), 'base64');
    bytes[bytes.length - 1]! ^= 1;
    assert.throws(() => openSecret(key, 'org:1', `v1.${bytes.toString('base64')}`), SecretBoxError);
    assert.throws(() => openSecret(key, 'org:1', 'plain text'), SecretBoxError);
  });
});
