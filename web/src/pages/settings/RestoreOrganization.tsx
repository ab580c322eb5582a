import { api, orgPath } from '../../api';
import { useAction } from '../../hooks';
import { hasScope, useOrg } from '../../session';
import { FormError } from '../../components/FormError';

/**
 * Said on every page of an organization queued for deletion, with "Restore" for owners (Sentry's
 * `cancelDeletion`, which only org:admin may send).
 */
export function RestoreOrganization({ onRestored }: { onRestored?: () => void }) {
  const { org, reload } = useOrg();
  const { busy, error, run } = useAction();
  if (org.status.id !== 'pending_deletion') return null;
  const restore = () =>
    run(async () => {
      await api.put(orgPath(org.slug), { cancelDeletion: true });
      reload();
      onRestored?.();
    });
  return (
    <div className="deletion-notice" role="status">
      <p>
        <strong>{org.name} is queued for deletion.</strong> It is deleted 24 hours after it was queued
        {hasScope(org, 'org:admin') ? '; until then you can restore it.' : '; an owner can restore it until then.'}
      </p>
      {hasScope(org, 'org:admin') && (
        <button type="button" className="primary" disabled={busy} onClick={() => void restore()}>
          Restore organization
        </button>
      )}
      <FormError error={error} />
    </div>
  );
}
