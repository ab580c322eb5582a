import { useState, type FormEvent } from 'react';
import { api, orgPath } from '../../../api';
import { useAction } from '../../../hooks';
import { useOrg } from '../../../session';
import type { WebhookEndpoint } from '../../../types';
import { FormError } from '../../../components/FormError';
import { formFromEndpoint, WEBHOOK_FIELDS, WebhookFields, type WebhookForm } from './WebhookFields';

/** Only what changed is sent: an unchanged URL is not checked again, turning it on again clears why it was off. */
function changes(before: WebhookForm, after: WebhookForm) {
  const body: Partial<WebhookForm> = {};
  if (after.url.trim() !== before.url) body.url = after.url.trim();
  if (after.description.trim() !== before.description) body.description = after.description.trim();
  if (after.events.join() !== before.events.join()) body.events = after.events;
  if (after.active !== before.active) body.active = after.active;
  return body;
}

/** Changes an endpoint's URL, description, events or whether it is on. */
export function EditWebhookForm({ endpoint, onSaved, onCancel }: { endpoint: WebhookEndpoint; onSaved(): void; onCancel(): void }) {
  const { org } = useOrg();
  const initial = formFromEndpoint(endpoint);
  const [form, setForm] = useState<WebhookForm>(initial);
  const { busy, error, run } = useAction();
  const body = changes(initial, form);

  async function save(event: FormEvent) {
    event.preventDefault();
    const saved = await run(() => api.put<WebhookEndpoint>(orgPath(org.slug, `webhooks/${endpoint.id}/`), body));
    if (saved) onSaved();
  }

  return (
    <form onSubmit={save} noValidate aria-label={`Edit ${endpoint.url}`} className="webhook-edit">
      <fieldset disabled={busy}>
        <WebhookFields form={form} onChange={setForm} error={error} />
      </fieldset>
      <FormError error={error} shown={WEBHOOK_FIELDS} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || Object.keys(body).length === 0}>
          {busy ? 'Saving…' : 'Save endpoint'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
