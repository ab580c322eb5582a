import { useState } from 'react';
import { api, orgPath, withQuery } from '../../api';
import { useAction, useApi } from '../../hooks';
import { useOrg } from '../../session';
import type { MemberWithRoles, Team } from '../../types';
import { Done } from '../../components/FormError';
import { SearchPicker } from '../../components/SearchPicker';
import { IDP_TEAM_REASON, isIdpManaged } from '../../components/IdpBadge';

/**
 * A member's teams, each change made at once through the member ↔ team routes (as Sentry's member
 * page does): add from a searchable picker, change the team role, remove. A team role at or below the
 * one the org role implies is stored as null, so the menu shows the implied role for null.
 */
export function MemberTeams({ member, onChanged }: { member: MemberWithRoles; onChanged(): void }) {
  const { org } = useOrg();
  const [message, setMessage] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const roles = member.teamRoleList;
  const rank = (id: string) => roles.findIndex((role) => role.id === id);
  const minimum = member.orgRoleList.find((role) => role.id === member.orgRole)?.minimumTeamRole ?? 'contributor';
  const fixed = rank(minimum) === roles.length - 1;
  // Teams the identity provider manages keep their members as SCIM says (the API refuses changes).
  const teams = useApi<Team[]>(withQuery(orgPath(org.slug, 'teams/'), { per_page: '100' }));
  const managed = new Set((teams.data ?? []).filter(isIdpManaged).map((team) => team.slug));
  const teamPath = (slug: string) => orgPath(org.slug, `members/${member.id}/teams/${encodeURIComponent(slug)}/`);

  const act = (action: () => Promise<string>) =>
    run(async () => {
      setMessage(await action());
      onChanged();
    });
  const add = (slug: string) =>
    act(async () => {
      const response = await api.post(teamPath(slug));
      return response.status === 202 ? `Access to #${slug} was requested: a team admin will answer.` : `${member.name} was added to #${slug}.`;
    });
  const setRole = (slug: string, teamRole: string) =>
    act(async () => {
      await api.put(teamPath(slug), { teamRole });
      return `${member.name} is now ${roles.find((r) => r.id === teamRole)?.name ?? teamRole} of #${slug}.`;
    });
  const remove = (slug: string) =>
    act(async () => {
      await api.delete(teamPath(slug));
      return `${member.name} was removed from #${slug}.`;
    });

  return (
    <section className="card" aria-labelledby="member-teams">
      <h2 id="member-teams">Teams</h2>
      {message && <Done>{message}</Done>}
      {member.teamRoles.length === 0 && <p className="muted">Not on any team.</p>}
      <ul className="rows compact" aria-label={`Teams of ${member.name}`} aria-busy={busy}>
        {member.teamRoles.map(({ teamSlug, role }) => (
          <li key={teamSlug} className="row">
            <span className="who">#{teamSlug}</span>
            <label className="inline">
              <span className="visually-hidden">Team role in #{teamSlug}</span>
              <select value={role ?? minimum} disabled={fixed || busy} onChange={(event) => void setRole(teamSlug, event.target.value)}>
                {roles.map((r) => (
                  <option key={r.id} value={r.id} disabled={rank(r.id) < rank(minimum)}>
                    {r.name}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              disabled={busy || managed.has(teamSlug)}
              title={managed.has(teamSlug) ? IDP_TEAM_REASON : undefined}
              onClick={() => void remove(teamSlug)}
              aria-label={`Remove ${member.name} from #${teamSlug}`}
            >
              Remove from team
            </button>
            {managed.has(teamSlug) && <span className="hint reason">{IDP_TEAM_REASON}</span>}
          </li>
        ))}
      </ul>
      {fixed && <p className="hint">This role is already a team admin in every team it belongs to.</p>}
      <p className="hint">{roles.map((r) => `${r.name}: ${r.desc}`).join(' ')}</p>
      <SearchPicker<Team>
        label="Add to team"
        placeholder="Type a team's name"
        path={orgPath(org.slug, 'teams/')}
        query={(text) => text}
        toOption={(team) => ({ id: team.slug, label: `#${team.slug}`, ...(team.name !== team.slug ? { detail: team.name } : {}) })}
        exclude={member.teamRoles.map((entry) => entry.teamSlug)}
        actionLabel={(option) => `Add ${member.name} to ${option.label}`}
        onPick={(option) => add(option.id)}
        disabled={busy}
      />
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
    </section>
  );
}
