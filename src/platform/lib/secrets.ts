import crypto from 'node:crypto';

/** A new random secret: 32 random bytes as 64 hex characters (Sentry's token format). */
export function newSecret(): string {
  return crypto.randomBytes(32).toString('hex');
}

/** Secrets are stored only as this hash. */
export function hashSecret(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('hex');
}

/** Does `secret` hash to `storedHash`? Compared in constant time. */
export function secretMatches(secret: string, storedHash: string | null): boolean {
  if (!storedHash) return false;
  const actual = Buffer.from(hashSecret(secret), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}
