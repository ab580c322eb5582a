import { useState, type FormEvent } from 'react';
import { api, orgPath } from '../../api';
import { toApiError, useApi } from '../../hooks';
import { useOrg } from '../../session';
import type { Team } from '../../types';
import { Dialog } from '../../components/Dialog';
import { InviteRowFields, type InviteRow } from './InviteRowFields';

export interface InviteResult {
  email: string;
  ok: boolean;
  message: string;
}

let nextKey = 1;
const splitAddresses = (text: string) => text.split(/[\s,;]+/).map((email) => email.trim()).filter(Boolean);

/**
 * Sentry's "Invite New Members" dialog: rows of addresses, each row with its role and teams. Every
 * address is its own POST, and its own result is shown beside the form; addresses that failed stay
 * in their row to be fixed, the rest of the form starts over with the default role.
 */
export function InviteDialog({ open, onClose, onInvited }: { open: boolean; onClose(): void; onInvited(count: number): void }) {
  const { org } = useOrg();
  const teams = useApi<Team[]>(open ? orgPath(org.slug, 'teams/') : null);
  // Anyone who may invite may at least invite a plain member (Sentry's rule for member-level inviters).
  const roles = org.orgRoleList.filter((role) => !role.isRetired && (role.isAllowed || role.id === 'member'));
  const defaultRole = roles.some((role) => role.id === org.defaultRole) ? org.defaultRole : 'member';
  const fresh = (): InviteRow => ({ key: nextKey++, emails: '', role: defaultRole, teams: [] });
  const [rows, setRows] = useState<InviteRow[]>(() => [fresh()]);
  const [results, setResults] = useState<InviteResult[]>([]);
  const [busy, setBusy] = useState(false);

  const update = (key: number, change: Partial<InviteRow>) => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const addresses = rows.flatMap((row) => splitAddresses(row.emails));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const sent: InviteResult[] = [];
    const left: InviteRow[] = [];
    for (const row of rows) {
      const failed: string[] = [];
      for (const email of splitAddresses(row.emails)) {
        try {
          await api.post(orgPath(org.slug, 'members/'), { email, orgRole: row.role, teams: row.teams });
          sent.push({ email, ok: true, message: 'Invitation sent.' });
        } catch (caught) {
          const error = toApiError(caught);
          const fields = Object.values(error.fields);
          sent.push({ email, ok: false, message: fields.length > 0 ? fields.join(' ') : error.message });
          failed.push(email);
        }
      }
      if (failed.length > 0) left.push({ ...row, emails: failed.join(', ') });
    }
    setBusy(false);
    setResults(sent);
    setRows(left.length > 0 ? left : [fresh()]);
    const invited = sent.filter((result) => result.ok).length;
    if (invited > 0) onInvited(invited);
  }

  const close = () => {
    setResults([]);
    setRows([fresh()]);
    onClose();
  };

  return (
    <Dialog title="Invite new members" open={open} onClose={close}>
      <form onSubmit={submit} noValidate aria-label="Invite new members">
        <p className="hint">Several addresses in one row share its role and teams; separate them with commas or spaces.</p>
        {rows.map((row, index) => (
          <InviteRowFields
            key={row.key}
            row={row}
            index={index}
            roles={roles}
            teams={teams.data ?? []}
            teamsLoading={teams.loading}
            onChange={(change) => update(row.key, change)}
            onRemove={rows.length > 1 ? () => setRows((current) => current.filter((r) => r.key !== row.key)) : undefined}
          />
        ))}
        <button type="button" className="link-button" onClick={() => setRows((current) => [...current, fresh()])}>
          + Add another row
        </button>
        {results.length > 0 && (
          <ul className="invite-results" role="status" aria-label="Invitation results">
            {results.map((result) => (
              <li key={result.email} className={result.ok ? 'ok' : 'failed'}>
                <strong>{result.email}</strong>: {result.message}
              </li>
            ))}
          </ul>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || addresses.length === 0}>
            {busy ? 'Sending…' : addresses.length > 1 ? `Send ${addresses.length} invitations` : 'Send invitation'}
          </button>
          <button type="button" onClick={close}>
            Done
          </button>
        </div>
      </form>
    </Dialog>
  );
}
