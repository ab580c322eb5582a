import { useId, useState } from 'react';
import type { Role, Team } from '../../types';

export interface TeamRoleEntry {
  teamSlug: string;
  role: string | null;
}

/**
 * A member's teams and the role in each. A team role at or below the one the org role implies is
 * stored as null, so the menu shows the implied role for null; an org role whose minimum is the top
 * team role (manager, owner) leaves nothing to choose.
 */
export function TeamRolesEditor({
  entries,
  teams,
  teamRoles,
  minimumTeamRole,
  onChange,
  error,
}: {
  entries: TeamRoleEntry[];
  teams: Team[];
  teamRoles: Role[];
  minimumTeamRole: string;
  onChange(entries: TeamRoleEntry[]): void;
  error?: string | undefined;
}) {
  const addId = useId();
  const [adding, setAdding] = useState('');
  const available = teams.filter((team) => !entries.some((entry) => entry.teamSlug === team.slug));
  const rank = (id: string) => teamRoles.findIndex((role) => role.id === id);
  const fixed = rank(minimumTeamRole) === teamRoles.length - 1;

  const setRole = (teamSlug: string, role: string) =>
    onChange(entries.map((entry) => (entry.teamSlug === teamSlug ? { teamSlug, role: rank(role) > rank(minimumTeamRole) ? role : null } : entry)));

  return (
    <fieldset className="team-roles">
      <legend>Teams</legend>
      {entries.length === 0 && <p className="muted">Not on any team.</p>}
      <ul className="rows compact">
        {entries.map((entry) => (
          <li key={entry.teamSlug} className="row">
            <span className="who">#{entry.teamSlug}</span>
            <label className="inline">
              <span className="visually-hidden">Team role in #{entry.teamSlug}</span>
              <select value={entry.role ?? minimumTeamRole} disabled={fixed} onChange={(event) => setRole(entry.teamSlug, event.target.value)}>
                {teamRoles.map((role) => (
                  <option key={role.id} value={role.id} disabled={rank(role.id) < rank(minimumTeamRole)}>
                    {role.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={() => onChange(entries.filter((e) => e.teamSlug !== entry.teamSlug))}>
              Remove from team
            </button>
          </li>
        ))}
      </ul>
      {fixed && <p className="hint">This role is already a team admin in every team it belongs to.</p>}
      <p className="hint">{teamRoles.map((role) => `${role.name}: ${role.desc}`).join(' ')}</p>
      {available.length > 0 && (
        <div className="inline-form">
          <label htmlFor={addId}>Add to team</label>
          <select id={addId} value={adding} onChange={(event) => setAdding(event.target.value)}>
            <option value="">Choose a team…</option>
            {available.map((team) => (
              <option key={team.id} value={team.slug}>
                #{team.slug}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={!adding}
            onClick={() => {
              onChange([...entries, { teamSlug: adding, role: null }]);
              setAdding('');
            }}
          >
            Add
          </button>
        </div>
      )}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
