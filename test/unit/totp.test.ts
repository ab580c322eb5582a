import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { verifyTotp } from '../../src/accounts/totp.js';
import { totpCode } from '../helpers/totp.js';

// RFC 6238 appendix B: the SHA-1 key "12345678901234567890", whose 8-digit codes end in these 6 digits.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const RFC_VECTORS: Array<[number, string]> = [
  [59, '287082'],
  [1111111109, '081804'],
  [1234567890, '005924'],
  [2000000000, '279037'],
];

describe('TOTP (RFC 6238)', () => {
  it('accepts the RFC test vectors', () => {
    for (const [seconds, code] of RFC_VECTORS) assert.equal(verifyTotp(RFC_SECRET, code, new Date(seconds * 1000)), true, String(seconds));
  });

  it('the test helper computes the same codes', () => {
    for (const [seconds, code] of RFC_VECTORS) assert.equal(totpCode(RFC_SECRET, new Date(seconds * 1000)), code);
  });

  it('accepts one step of drift either side, and nothing further', () => {
    const at = new Date(1_700_000_000_000);
    const code = totpCode(RFC_SECRET, at);
    assert.equal(verifyTotp(RFC_SECRET, code, new Date(at.getTime() + 30_000)), true);
    assert.equal(verifyTotp(RFC_SECRET, code, new Date(at.getTime() - 30_000)), true);
    assert.equal(verifyTotp(RFC_SECRET, code, new Date(at.getTime() + 90_000)), false);
  });

  it('refuses malformed codes and secrets', () => {
    const at = new Date(59_000);
    assert.equal(verifyTotp(RFC_SECRET, '28708', at), false);
    assert.equal(verifyTotp(RFC_SECRET, 'abcdef', at), false);
    assert.equal(verifyTotp('not base32!', '287082', at), false);
    assert.equal(verifyTotp(RFC_SECRET, '287 082', at), true);
  });
});
