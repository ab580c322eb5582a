import { useState } from 'react';
import { api, orgPath } from '../../api';
import { useAction } from '../../hooks';
import { hasScope, useOrg } from '../../session';
import type { Member } from '../../types';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Done, FormError } from '../../components/FormError';
import { SearchPicker, type PickerOption } from '../../components/SearchPicker';

/**
 * What cannot be undone lightly: handing ownership to another member and deleting the organization
 * (queued for 24 hours, restorable until then). Only owners (org:admin) see it; the API refuses others.
 */
export function DangerZone() {
  const { org, reload } = useOrg();
  const [heir, setHeir] = useState<PickerOption | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  if (!hasScope(org, 'org:admin')) return null;
  const pendingDeletion = org.status.id === 'pending_deletion';
  const canGrantOwner = org.orgRoleList.some((role) => role.id === 'owner' && role.isAllowed);

  const makeOwner = (member: PickerOption) =>
    run(async () => {
      await api.put(orgPath(org.slug, `members/${member.id}/`), { orgRole: 'owner' });
      setHeir(null);
      setMessage(`${member.label} is now an owner. You may now change your own role through them, or leave.`);
    });
  const remove = () =>
    run(async () => {
      await api.delete(orgPath(org.slug));
      reload();
    });

  return (
    <section className="card danger-card" aria-labelledby="danger-zone">
      <h2 id="danger-zone">Danger zone</h2>
      {message && <Done>{message}</Done>}
      {canGrantOwner && (
        <div className="danger-item">
          <h3>Transfer ownership</h3>
          <p className="hint">
            The API has no single transfer: an owner makes another member an owner (the organization then has two), and can
            then leave. Nobody can change their own role.
          </p>
          <SearchPicker<Member>
            label="New owner"
            path={orgPath(org.slug, 'members/')}
            query={(text) => `isInvited:false ${text}`.trim()}
            toOption={(member) => ({ id: member.id, label: member.name, detail: member.orgRole === 'owner' ? 'already an owner' : member.email })}
            actionLabel={(option) => `Choose ${option.label}`}
            onPick={async (option) => setHeir(option)}
            disabled={busy}
          />
          {heir && (
            <ConfirmButton question={`Make ${heir.label} an owner of ${org.name}?`} confirmLabel="Make owner" onConfirm={() => makeOwner(heir)} disabled={busy}>
              Make {heir.label} an owner
            </ConfirmButton>
          )}
        </div>
      )}
      <div className="danger-item">
        <h3>Delete organization</h3>
        {pendingDeletion ? (
          <p className="hint">{org.name} is queued for deletion: restore it from the notice at the top of the page.</p>
        ) : (
          <>
            <p className="hint">
              Deleting queues {org.name} for deletion 24 hours later; until then any owner can restore it, and every owner is
              emailed a link to do so.
            </p>
            <ConfirmButton question={`Delete ${org.name}? It can be restored for 24 hours.`} confirmLabel="Delete organization" onConfirm={remove} disabled={busy}>
              Delete organization
            </ConfirmButton>
          </>
        )}
      </div>
      <FormError error={error} />
    </section>
  );
}
