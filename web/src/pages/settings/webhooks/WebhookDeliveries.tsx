import { useEffect, useState } from 'react';
import { api, orgPath } from '../../../api';
import { useAction, useApi } from '../../../hooks';
import { useOrg } from '../../../session';
import type { WebhookDelivery, WebhookEndpoint } from '../../../types';
import { formatMoment } from '../../../dates';
import { Done, FormError } from '../../../components/FormError';
import { RowsSkeleton } from '../../../components/Skeleton';

/** Deliveries happen after the change, in the background: the list looks again this often while the tab is shown. */
const REFRESH_MS = 5_000;

function Outcome({ delivery }: { delivery: WebhookDelivery }) {
  if (delivery.succeeded) return <span className="badge ok">{delivery.responseStatus ?? 'OK'}</span>;
  return (
    <>
      <span className="badge warn">{delivery.responseStatus ?? 'No answer'}</span>
      {delivery.error && <span className="hint"> {delivery.error}</span>}
    </>
  );
}

/**
 * An endpoint's latest attempts, newest first (the API keeps 100): what was sent, what came back, and
 * a Redeliver button that queues the same message again (same webhook-id) behind the endpoint's queue.
 */
export function WebhookDeliveries({ endpoint }: { endpoint: WebhookEndpoint }) {
  const { org } = useOrg();
  const path = orgPath(org.slug, `webhooks/${endpoint.id}/deliveries/`);
  const deliveries = useApi<WebhookDelivery[]>(path);
  const { busy, error, run } = useAction();
  const [queued, setQueued] = useState<string | null>(null);
  const { reload } = deliveries;

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const redeliver = (delivery: WebhookDelivery) =>
    run(async () => {
      setQueued(null);
      await api.post(`${path}${delivery.id}/redeliver/`);
      setQueued(`${delivery.eventType} (${delivery.eventId}) is queued again with the same webhook-id; its attempt shows here once sent.`);
      reload();
    });

  const headingId = `deliveries-${endpoint.id}`;
  const rows = deliveries.data;
  return (
    <section className="deliveries" aria-labelledby={headingId}>
      <div className="page-header">
        <h3 id={headingId}>Recent deliveries</h3>
        <button type="button" className="link-button" onClick={reload} aria-label={`Refresh deliveries to ${endpoint.url}`}>
          Refresh
        </button>
      </div>
      {deliveries.error && (
        <p className="form-error" role="alert">
          {deliveries.error.message}
        </p>
      )}
      {!rows && !deliveries.error && <RowsSkeleton label="deliveries" rows={2} compact />}
      {rows?.length === 0 && <p className="muted">No deliveries yet: changes to the events it receives are sent within seconds.</p>}
      {rows && rows.length > 0 && (
        <div className="table-wrap stacked">
          <table aria-label={`Deliveries to ${endpoint.url}`}>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">Duration</th>
                <th scope="col">When</th>
                <th scope="col">Response</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((delivery) => (
                <tr key={delivery.id}>
                  <td data-label="Event">
                    <code>{delivery.eventType}</code>
                    <div className="hint">{delivery.eventId}</div>
                  </td>
                  <td data-label="Status">
                    <Outcome delivery={delivery} />
                  </td>
                  <td data-label="Duration">{delivery.durationMs} ms</td>
                  <td data-label="When">
                    <time dateTime={delivery.attemptedAt}>{formatMoment(delivery.attemptedAt)}</time>
                  </td>
                  <td data-label="Response">{delivery.responseExcerpt && <pre className="excerpt">{delivery.responseExcerpt}</pre>}</td>
                  <td data-label="Actions">
                    <button
                      type="button"
                      disabled={busy}
                      aria-label={`Redeliver ${delivery.eventType} ${delivery.eventId} (attempt ${delivery.id})`}
                      onClick={() => void redeliver(delivery)}
                    >
                      Redeliver
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {queued && <Done>{queued}</Done>}
      <FormError error={error} />
    </section>
  );
}
