import type { Tx } from '../platform/db/database.js';
import { emitWebhookEvent } from '../platform/webhooks/emit-webhook.js';

/** `organization.updated` with the changed settings as the `org.edit` audit entry records them; nothing when none changed. */
export async function emitOrganizationUpdated(tx: Tx, org: { id: string; slug: string; name: string }, changes: Readonly<Record<string, string>>): Promise<void> {
  if (Object.keys(changes).length === 0) return;
  await emitWebhookEvent(tx, org.id, 'organization.updated', { organization: { id: org.id, slug: org.slug, name: org.name }, changes: { ...changes } });
}
