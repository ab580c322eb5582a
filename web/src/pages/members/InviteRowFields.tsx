import { useId } from 'react';
import type { Role, Team } from '../../types';

export interface InviteRow {
  key: number;
  /** One or more addresses, separated by commas or spaces. */
  emails: string;
  role: string;
  teams: string[];
}

/** One row of the invite dialog: its addresses, their role, their teams. */
export function InviteRowFields({
  row,
  index,
  roles,
  teams,
  teamsLoading,
  onChange,
  onRemove,
}: {
  row: InviteRow;
  index: number;
  roles: Role[];
  teams: Team[];
  teamsLoading: boolean;
  onChange(change: Partial<InviteRow>): void;
  onRemove: (() => void) | undefined;
}) {
  const id = useId();
  const n = index + 1;
  const toggle = (slug: string) => onChange({ teams: row.teams.includes(slug) ? row.teams.filter((s) => s !== slug) : [...row.teams, slug] });
  return (
    <fieldset className="invite-row">
      <legend className="visually-hidden">Row {n}</legend>
      <div className="field">
        <label htmlFor={`${id}-emails`}>Email addresses{n > 1 ? ` (row ${n})` : ''}</label>
        <input id={`${id}-emails`} type="text" inputMode="email" autoComplete="off" value={row.emails} onChange={(event) => onChange({ emails: event.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-role`}>Role{n > 1 ? ` (row ${n})` : ''}</label>
        <select id={`${id}-role`} value={row.role} onChange={(event) => onChange({ role: event.target.value })}>
          {roles.map((role) => (
            <option key={role.id} value={role.id}>
              {role.name}
            </option>
          ))}
        </select>
      </div>
      <details className="field team-choice">
        <summary>
          Teams{n > 1 ? ` (row ${n})` : ''}: {row.teams.length === 0 ? 'none' : row.teams.map((slug) => `#${slug}`).join(', ')}
        </summary>
        {teamsLoading && <p className="hint">Loading teams…</p>}
        {!teamsLoading && teams.length === 0 && <p className="hint">This organization has no teams yet.</p>}
        {teams.map((team) => (
          <label key={team.id} className="inline">
            <input type="checkbox" checked={row.teams.includes(team.slug)} onChange={() => toggle(team.slug)} /> #{team.slug}
          </label>
        ))}
      </details>
      {onRemove && (
        <button type="button" className="link-button" onClick={onRemove} aria-label={`Remove row ${n}`}>
          Remove
        </button>
      )}
    </fieldset>
  );
}
