import { useState } from 'react';
import { api, orgPath } from '../../../api';
import { useAction } from '../../../hooks';
import { useOrg } from '../../../session';
import type { RotatedWebhookSecret, WebhookEndpoint } from '../../../types';
import { formatDate, formatMoment } from '../../../dates';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { FormError } from '../../../components/FormError';
import { disabledReasonText } from './events';
import { EditWebhookForm } from './EditWebhookForm';
import { SigningSecret, type ShownSecret } from './SigningSecret';
import { WebhookDeliveries } from './WebhookDeliveries';

/** One endpoint: what it receives, whether it is on (and why not), its secret when just issued, its actions and deliveries. */
export function WebhookCard({
  endpoint,
  secret,
  onChanged,
  onRotated,
}: {
  endpoint: WebhookEndpoint;
  /** The signing secret, when this page just created or rotated it. */
  secret: ShownSecret | undefined;
  onChanged(): void;
  onRotated(shown: ShownSecret): void;
}) {
  const { org } = useOrg();
  const [editing, setEditing] = useState(false);
  const { busy, error, run } = useAction();
  const path = orgPath(org.slug, `webhooks/${endpoint.id}/`);
  const headingId = `webhook-${endpoint.id}`;

  const rotate = () =>
    run(async () => {
      const { data } = await api.post<RotatedWebhookSecret>(`${path}rotate-secret/`);
      onRotated({ secret: data.secret, previousSecretExpiresAt: data.previousSecretExpiresAt });
    });
  const remove = () =>
    run(async () => {
      await api.delete(path);
      onChanged();
    });

  return (
    <section className="card webhook" aria-labelledby={headingId}>
      <h2 id={headingId} className="webhook-url">
        {endpoint.url}{' '}
        <span className={endpoint.active ? 'badge ok' : 'badge warn'}>{endpoint.active ? 'Active' : 'Off'}</span>
      </h2>
      {endpoint.disabledReason && <p className="warning">{disabledReasonText(endpoint.disabledReason)} Turning it on again sends what changes from then on.</p>}
      <dl className="facts-list">
        {endpoint.description && (
          <>
            <dt>Description</dt>
            <dd>{endpoint.description}</dd>
          </>
        )}
        <dt>Events</dt>
        <dd>
          <ul className="event-list" aria-label="Events">
            {endpoint.events.map((type) => (
              <li key={type}>
                <code>{type}</code>
              </li>
            ))}
          </ul>
        </dd>
        <dt>Added</dt>
        <dd>
          <time dateTime={endpoint.dateCreated} title={formatMoment(endpoint.dateCreated)}>
            {formatDate(endpoint.dateCreated)}
          </time>
        </dd>
        {endpoint.previousSecretExpiresAt && (
          <>
            <dt>Previous secret</dt>
            <dd>signs too until {formatMoment(endpoint.previousSecretExpiresAt)}</dd>
          </>
        )}
      </dl>
      {secret && <SigningSecret shown={secret} />}
      {editing ? (
        <EditWebhookForm
          endpoint={endpoint}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            onChanged();
          }}
        />
      ) : (
        <div className="actions">
          <button type="button" onClick={() => setEditing(true)} disabled={busy} aria-label={`Edit ${endpoint.url}`}>
            Edit
          </button>
          <ConfirmButton
            question="Issue a new signing secret? The current one keeps signing for 24 hours, then stops."
            confirmLabel="Rotate secret"
            onConfirm={rotate}
            disabled={busy}
            danger={false}
            label={`Rotate the secret of ${endpoint.url}`}
          >
            Rotate secret
          </ConfirmButton>
          <ConfirmButton
            question="Delete this endpoint? Nothing more is sent to it, and its delivery log goes too."
            confirmLabel="Delete endpoint"
            onConfirm={remove}
            disabled={busy}
            label={`Delete ${endpoint.url}`}
          >
            Delete
          </ConfirmButton>
        </div>
      )}
      <FormError error={error} />
      <WebhookDeliveries endpoint={endpoint} />
    </section>
  );
}
