import crypto from 'node:crypto';

/**
 * Secrets Roster must be able to read back (an SSO client secret it presents to the identity
 * provider) are kept sealed with AES-256-GCM under ROSTER_SECRET_KEY: a fresh 12-byte nonce per
 * seal, and the tag checked on open, so a changed byte or a wrong key fails instead of decrypting
 * to garbage. `context` is bound as associated data: a sealed value copied to another row (another
 * organization, another field) does not open there.
 */
const VERSION = 'v1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export class SecretBoxError extends Error {
  override name = 'SecretBoxError';
}

/** `v1.<base64 nonce ‖ tag ‖ ciphertext>`. */
export function sealSecret(key: Buffer, context: string, plaintext: string): string {
  const nonce = crypto.randomBytes(NONCE_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${VERSION}.${Buffer.concat([nonce, cipher.getAuthTag(), ciphertext]).toString('base64')}`;
}

/** The plaintext of a sealed value; throws SecretBoxError when the key or context is wrong or the value was changed. */
export function openSecret(key: Buffer, context: string, sealed: string): string {
  const [version, body = ''] = sealed.split('.', 2);
  const bytes = Buffer.from(body, 'base64');
  if (version !== VERSION || bytes.length < NONCE_BYTES + TAG_BYTES) throw new SecretBoxError('not a sealed secret');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, bytes.subarray(0, NONCE_BYTES));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(bytes.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch (error) {
    throw new SecretBoxError('the secret does not open with this key', { cause: error });
  }
}
