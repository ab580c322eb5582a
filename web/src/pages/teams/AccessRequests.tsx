import { api, orgPath } from '../../api';
import { useAction, useApi } from '../../hooks';
import { useOrg } from '../../session';
import type { AccessRequest } from '../../types';

/** Requests to join a team (Sentry's access requests), for those who may approve them. */
export function AccessRequests({ onAnswered }: { onAnswered(): void }) {
  const { org, reload } = useOrg();
  const requests = useApi<AccessRequest[]>(orgPath(org.slug, 'access-requests/'));
  const { busy, error, run } = useAction();

  const answer = (id: string, isApproved: boolean) =>
    run(async () => {
      await api.put(orgPath(org.slug, `access-requests/${id}/`), { isApproved });
      requests.reload();
      reload();
      onAnswered();
    });

  if (!requests.data || requests.data.length === 0) return null;
  return (
    <section className="card" aria-labelledby="access-requests">
      <h2 id="access-requests">Access requests</h2>
      <ul className="rows compact">
        {requests.data.map((request) => {
          const who = request.member.name || request.member.email;
          const by = request.requester && request.requester.id !== request.member.user?.id ? ` (asked by ${request.requester.name || request.requester.email})` : '';
          return (
            <li key={request.id} className="row">
              <span className="what">
                <strong>{who}</strong> wants to join <strong>#{request.team.slug}</strong>
                {by}
              </span>
              <span className="row-actions">
                <button type="button" className="primary" disabled={busy} onClick={() => void answer(request.id, true)} aria-label={`Approve ${who} for #${request.team.slug}`}>
                  Approve
                </button>
                <button type="button" disabled={busy} onClick={() => void answer(request.id, false)} aria-label={`Deny ${who} for #${request.team.slug}`}>
                  Deny
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
    </section>
  );
}
