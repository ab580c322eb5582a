import { useState, type FormEvent } from 'react';
import { api, orgPath } from '../../../api';
import { useAction } from '../../../hooks';
import { useOrg } from '../../../session';
import type { CreatedWebhook } from '../../../types';
import { FormError } from '../../../components/FormError';
import { EMPTY_WEBHOOK_FORM, WEBHOOK_FIELDS, WebhookFields, type WebhookForm } from './WebhookFields';

/** Adds an endpoint; the answer carries its signing secret, which the page shows once. */
export function NewWebhookForm({ onCreated }: { onCreated(created: CreatedWebhook): void }) {
  const { org } = useOrg();
  const [form, setForm] = useState<WebhookForm>(EMPTY_WEBHOOK_FORM);
  const { busy, error, run } = useAction();

  async function create(event: FormEvent) {
    event.preventDefault();
    const body = { url: form.url.trim(), events: form.events, active: form.active, ...(form.description.trim() ? { description: form.description.trim() } : {}) };
    const created = await run(() => api.post<CreatedWebhook>(orgPath(org.slug, 'webhooks/'), body));
    if (!created) return;
    setForm(EMPTY_WEBHOOK_FORM);
    onCreated(created.data);
  }

  return (
    <form className="card" onSubmit={create} noValidate aria-labelledby="new-webhook">
      <h2 id="new-webhook">Add an endpoint</h2>
      <fieldset disabled={busy}>
        <WebhookFields form={form} onChange={setForm} error={error} />
      </fieldset>
      <FormError error={error} shown={WEBHOOK_FIELDS} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add endpoint'}
        </button>
      </div>
    </form>
  );
}
