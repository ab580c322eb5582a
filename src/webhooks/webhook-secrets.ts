import crypto from 'node:crypto';
import { openSecret, sealSecret } from '../platform/lib/secret-box.js';

/** How long the previous secret keeps signing after a rotation, so receivers can switch over. */
export const PREVIOUS_SECRET_HOURS = 24;

/** A new signing secret as Standard Webhooks writes one: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${crypto.randomBytes(32).toString('base64')}`;
}

// Bound to the organization: a sealed secret copied into another organization's row does not open.
const context = (orgId: string) => `webhook-secret:${orgId}`;

export function sealWebhookSecret(key: Buffer, orgId: string, secret: string): string {
  return sealSecret(key, context(orgId), secret);
}

export function openWebhookSecret(key: Buffer, orgId: string, sealed: string): string {
  return openSecret(key, context(orgId), sealed);
}

/**
 * The `webhook-signature` header (Standard Webhooks): `v1,<base64 HMAC-SHA256 of id.timestamp.body>`
 * under each secret (the base64 after `whsec_`), separated by spaces; a receiver accepts the message
 * when one of them verifies. `timestamp` is in whole seconds.
 */
export function webhookSignature(secrets: readonly string[], id: string, timestamp: number, body: string): string {
  return secrets
    .map((secret) => {
      const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
      return `v1,${crypto.createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
    })
    .join(' ');
}
