import crypto from 'node:crypto';

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226): HMAC-SHA-1, 6 digits, 30-second steps.
 * Pure functions; the caller passes the time (from the injected clock).
 */

export const TOTP_DIGITS = 6;
export const TOTP_STEP_SECONDS = 30;
/** Codes of the previous and the next step are accepted too, for clock drift and typing time. */
export const TOTP_WINDOW = 1;
const ISSUER = 'Roster';

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32, without padding (what authenticator apps expect in a QR code). */
export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let output = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      output += BASE32_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) output += BASE32_ALPHABET[(value << (5 - bits)) & 31];
  return output;
}

/** Decodes base32, ignoring case, spaces and padding; null when a character is not base32. */
export function base32Decode(text: string): Buffer | null {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = BASE32_ALPHABET.indexOf(char);
    if (index < 0) return null;
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** A fresh secret: 20 random bytes (the HMAC-SHA-1 key size RFC 4226 recommends), in base32. */
export function newTotpSecret(): string {
  return base32Encode(crypto.randomBytes(20));
}

/** The HOTP code of one counter value (RFC 4226 §5.3, dynamic truncation). */
export function hotp(key: Buffer, counter: number, digits = TOTP_DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = crypto.createHmac('sha1', key).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The step number of a moment: whole 30-second periods since the Unix epoch. */
export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_STEP_SECONDS);
}

/** The code an authenticator app shows at `now` for this base32 secret (tests and the demo use it). */
export function totpCode(secret: string, now: Date, digits = TOTP_DIGITS): string {
  const key = base32Decode(secret);
  if (!key || key.length === 0) throw new Error('not a base32 secret');
  return hotp(key, totpStep(now), digits);
}

/**
 * The step at which `code` is valid for `secret` within ±1 step of `now`, or null. Callers that
 * must refuse a replayed code compare the step with the last one they accepted.
 */
export function matchTotpStep(secret: string, code: string, now: Date): number | null {
  const candidate = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(candidate)) return null;
  const key = base32Decode(secret);
  if (!key || key.length === 0) return null;
  const current = totpStep(now);
  let matched: number | null = null;
  // Every step in the window is computed and compared in constant time, so timing reveals nothing.
  for (let step = current - TOTP_WINDOW; step <= current + TOTP_WINDOW; step++) {
    const expected = Buffer.from(hotp(key, step));
    if (crypto.timingSafeEqual(expected, Buffer.from(candidate)) && matched === null) matched = step;
  }
  return matched;
}

/** Is `code` valid for `secret` at `now` (6 digits, ±1 step of 30 s)? */
export function verifyTotp(secret: string, code: string, now: Date): boolean {
  return matchTotpStep(secret, code, now) !== null;
}

/** The `otpauth://` URI an authenticator app reads from a QR code. */
export function totpUri(email: string, secret: string): string {
  // '@' and ':' stay readable (apps accept both); anything else that could break the URI is escaped.
  const label = encodeURIComponent(`${ISSUER}:${email}`).replace(/%3A/g, ':').replace(/%40/g, '@');
  return `otpauth://totp/${label}?secret=${secret}&issuer=${ISSUER}`;
}
