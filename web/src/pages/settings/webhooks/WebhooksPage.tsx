import { useState } from 'react';
import { orgPath } from '../../../api';
import { useApi } from '../../../hooks';
import { hasScope, useOrg } from '../../../session';
import type { CreatedWebhook, WebhookEndpoint } from '../../../types';
import { PageHeader } from '../../../components/Layout';
import { RowsSkeleton } from '../../../components/Skeleton';
import { SettingsNav } from '../SettingsNav';
import { NewWebhookForm } from './NewWebhookForm';
import type { ShownSecret } from './SigningSecret';
import { WebhookCard } from './WebhookCard';

/**
 * Settings › Webhooks (issue 18): the organization's endpoints, each with its events, state, actions and
 * recent deliveries, and a form to add one. A signing secret is kept in this page's state only, from the
 * answer that issued it: a reload or another page loses it, as the API never answers it again.
 */
export function WebhooksPage() {
  const { org } = useOrg();
  // The API gates every webhook route on org:admin (owners); SettingsNav shows the page to the same.
  const canManage = hasScope(org, 'org:admin');
  const endpoints = useApi<WebhookEndpoint[]>(canManage ? orgPath(org.slug, 'webhooks/') : null);
  const [secrets, setSecrets] = useState<Record<string, ShownSecret>>({});
  const showSecret = (id: string, shown: ShownSecret) => setSecrets((current) => ({ ...current, [id]: shown }));

  const created = (endpoint: CreatedWebhook) => {
    showSecret(endpoint.id, { secret: endpoint.secret, previousSecretExpiresAt: null });
    endpoints.reload();
  };

  let body;
  if (!canManage) {
    body = (
      <div className="card">
        <p>Webhooks tell another system when the membership of {org.name} changes.</p>
        <p className="muted">Seeing and managing them needs the owner role.</p>
      </div>
    );
  } else if (endpoints.error) {
    body = (
      <p className="form-error" role="alert">
        {endpoints.error.message}
      </p>
    );
  } else if (!endpoints.data) {
    body = <RowsSkeleton label="webhook endpoints" />;
  } else {
    body = (
      <>
        {endpoints.data.length === 0 && <p className="muted">No endpoints yet.</p>}
        {endpoints.data.map((endpoint) => (
          <WebhookCard
            key={endpoint.id}
            endpoint={endpoint}
            secret={secrets[endpoint.id]}
            onChanged={endpoints.reload}
            onRotated={(shown) => {
              showSecret(endpoint.id, shown);
              endpoints.reload();
            }}
          />
        ))}
        <NewWebhookForm onCreated={created} />
      </>
    );
  }

  return (
    <section>
      <PageHeader title="Webhooks" />
      <SettingsNav />
      <p className="hint">
        Each endpoint gets a signed POST (Standard Webhooks) for every event it asks for, within seconds of the change, retried for up to 3 days.
      </p>
      {body}
    </section>
  );
}
