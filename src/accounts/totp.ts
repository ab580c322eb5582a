import crypto from 'node:crypto';

/**
 * RFC 6238 TOTP (SHA-1, 6 digits, 30-second steps), as authenticator apps compute it. A code is
 * accepted for the current step and one step either side, to absorb clock drift.
 */
const STEP_SECONDS = 30;
const DIGITS = 6;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Decode(secret: string): Buffer | null {
  const clean = secret.replace(/[\s=-]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) return null;
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return bytes.length > 0 ? Buffer.from(bytes) : null;
}

function hotp(key: Buffer, counter: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = crypto.createHmac('sha1', key).update(message).digest();
  const offset = digest[digest.length - 1]! & 0x0f;
  const binary = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** DIGITS).padStart(DIGITS, '0');
}

/** Is `code` the TOTP of the base32 `secret` at `now` (±1 step)? Compared in constant time. */
export function verifyTotp(secret: string, code: string, now: Date): boolean {
  const key = base32Decode(secret);
  const given = code.replace(/\s/g, '');
  if (!key || !/^\d{6}$/.test(given)) return false;
  const counter = Math.floor(now.getTime() / 1000 / STEP_SECONDS);
  let matched = false;
  for (const step of [counter - 1, counter, counter + 1]) {
    if (crypto.timingSafeEqual(Buffer.from(hotp(key, step)), Buffer.from(given))) matched = true;
  }
  return matched;
}
