import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { base32Decode, base32Encode, newTotpSecret, totpCode, totpUri, verifyTotp } from '../../src/identity/totp.js';

// RFC 6238 appendix B, SHA-1 column: the ASCII key "12345678901234567890", 8-digit codes. A 6-digit
// code is the same truncated value mod 10^6, i.e. the last six digits.
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));
const RFC_VECTORS: Array<[number, string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

const at = (seconds: number) => new Date(seconds * 1000);

describe('TOTP (RFC 6238, SHA-1, 6 digits, 30 s)', () => {
  it('base32 follows RFC 4648 and reads the well-known secret JBSWY3DPEHPK3PXP as "Hello!\\xde\\xad\\xbe\\xef"', () => {
    assert.equal(RFC_SECRET, 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    assert.deepEqual(base32Decode('JBSWY3DPEHPK3PXP'), Buffer.from('48656c6c6f21deadbeef', 'hex'));
    assert.deepEqual(base32Decode('jbsw y3dp ehpk 3pxp'), base32Decode('JBSWY3DPEHPK3PXP'));
    assert.equal(base32Decode('NOT-BASE32!'), null);
    const secret = newTotpSecret();
    assert.match(secret, /^[A-Z2-7]{32}$/);
    assert.equal(base32Decode(secret)!.length, 20);
  });

  it('8-digit codes equal the RFC 6238 test vectors', () => {
    for (const [seconds, code] of RFC_VECTORS) assert.equal(totpCode(RFC_SECRET, at(seconds), 8), code, `T=${seconds}`);
  });

  it('6-digit codes are the last six digits of the RFC vectors, and verify at their time', () => {
    for (const [seconds, code] of RFC_VECTORS) {
      assert.equal(totpCode(RFC_SECRET, at(seconds)), code.slice(-6), `T=${seconds}`);
      assert.equal(verifyTotp(RFC_SECRET, code.slice(-6), at(seconds)), true, `T=${seconds}`);
    }
  });

  it('a known vector: JBSWY3DPEHPK3PXP at T=59 s', () => {
    // HMAC-SHA-1(key "Hello!\xde\xad\xbe\xef", counter 1), dynamic truncation, mod 10^6.
    assert.equal(totpCode('JBSWY3DPEHPK3PXP', at(59)), '996554');
    assert.equal(verifyTotp('JBSWY3DPEHPK3PXP', '996554', at(59)), true);
  });

  it('accepts the previous and the next step, and nothing further', () => {
    const code = totpCode(RFC_SECRET, at(1111111111)); // step 37037037 (1111111110–1111111139)
    assert.equal(verifyTotp(RFC_SECRET, code, at(1111111110 - 30)), true, 'one step early');
    assert.equal(verifyTotp(RFC_SECRET, code, at(1111111139 + 30)), true, 'one step late');
    assert.equal(verifyTotp(RFC_SECRET, code, at(1111111110 - 31)), false, 'two steps early');
    assert.equal(verifyTotp(RFC_SECRET, code, at(1111111139 + 31)), false, 'two steps late');
  });

  it('refuses wrong, malformed and wrongly sized codes, and bad secrets', () => {
    const now = at(1234567890);
    const code = totpCode(RFC_SECRET, now);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    assert.equal(verifyTotp(RFC_SECRET, wrong, now), false);
    for (const bad of ['', '12345', '1234567', 'abcdef', `${code}\n1`, '89005924']) {
      assert.equal(verifyTotp(RFC_SECRET, bad, now), false, JSON.stringify(bad));
    }
    assert.equal(verifyTotp(RFC_SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, now), true, 'spaces are ignored');
    assert.equal(verifyTotp('!!!', code, now), false);
  });

  it('builds the otpauth:// URI authenticator apps read', () => {
    assert.equal(
      totpUri('ann+2fa@example.com', 'JBSWY3DPEHPK3PXP'),
      'otpauth://totp/Roster:ann%2B2fa@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Roster',
    );
  });
});
