import { orgPath, withQuery } from '../api';
import { useApi } from '../hooks';
import { navigate, useLocation } from '../router';
import { useOrg } from '../session';
import type { AuditLog, Member } from '../types';
import { PageHeader } from '../components/Layout';
import { SelectField } from '../components/Field';
import { FormError } from '../components/FormError';
import { Pager } from '../components/Pager';
import { formatMoment } from '../dates';
import { RowsSkeleton } from '../components/Skeleton';

/** Who did what in the organization, newest first; filter by event and by actor, page by page. */
export function AuditLogPage() {
  const { org } = useOrg();
  const { search } = useLocation();
  const event = search.get('event') ?? '';
  const actor = search.get('actor') ?? '';
  const cursor = search.get('cursor');
  const log = useApi<AuditLog>(withQuery(orgPath(org.slug, 'audit-logs/'), { event, actor, cursor }));
  const members = useApi<Member[]>(orgPath(org.slug, 'members/?query=isInvited:false'));
  const go = (params: Record<string, string | null>) =>
    navigate(withQuery(`/organizations/${org.slug}/audit-log/`, { event, actor, cursor: null, ...params }));

  return (
    <section>
      <PageHeader title="Audit log" />
      <div className="filters pair">
        <SelectField label="Event" value={event} onChange={(e) => go({ event: e.target.value })}>
          <option value="">Any event</option>
          {(log.data?.options ?? []).map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Actor" value={actor} onChange={(e) => go({ actor: e.target.value })}>
          <option value="">Anyone</option>
          {members.data?.filter((m) => m.user).map((m) => (
            <option key={m.id} value={m.user!.id}>
              {m.name}
            </option>
          ))}
        </SelectField>
      </div>
      {log.error && <FormError error={log.error} />}
      {log.loading && !log.data && <RowsSkeleton label="audit log entries" rows={6} compact />}
      {/* On a phone each entry reads as a small card of labelled lines (styles.css), not a wide table. */}
      <div className="table-wrap stacked">
        <table aria-busy={log.loading}>
          <caption className="visually-hidden">Audit log entries</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Event</th>
              <th scope="col">What happened</th>
              <th scope="col">IP address</th>
            </tr>
          </thead>
          <tbody>
            {log.data?.rows.map((row) => (
              <tr key={row.id}>
                <td data-label="When">
                  <time dateTime={row.dateCreated}>{formatMoment(row.dateCreated)}</time>
                </td>
                <td data-label="Who">{row.actor ? row.actor.name || row.actor.email : 'Roster'}</td>
                <td data-label="Event">
                  <code>{row.event}</code>
                </td>
                <td data-label="What happened">{row.note}</td>
                <td data-label="IP address">{row.ipAddress ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {log.data?.rows.length === 0 && <p className="muted">No entries match.</p>}
      <Pager headers={log.headers} onCursor={(next) => go({ cursor: next })} />
    </section>
  );
}
