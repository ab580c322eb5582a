import { useState, type FormEvent } from 'react';
import { api, orgPath } from '../../api';
import { useAction, useApi } from '../../hooks';
import { useOrg } from '../../session';
import type { Team } from '../../types';
import { TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { RoleChoice } from '../../components/RoleChoice';

/** Invites someone by email with a role and teams; Roster emails them the link. */
export function InviteForm({ onInvited }: { onInvited(email: string): void }) {
  const { org } = useOrg();
  const teams = useApi<Team[]>(orgPath(org.slug, 'teams/'));
  // Anyone who may invite may at least invite a plain member (Sentry's rule for member-level inviters).
  const roles = org.orgRoleList.map((role) => (role.id === 'member' ? { ...role, isAllowed: true } : role));
  const [email, setEmail] = useState('');
  const [role, setRole] = useState(roles.some((r) => r.id === org.defaultRole && r.isAllowed) ? org.defaultRole : 'member');
  const [chosen, setChosen] = useState<string[]>([]);
  const { busy, error, run } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const invited = await run(() => api.post(orgPath(org.slug, 'members/'), { email: email.trim(), orgRole: role, teams: chosen }));
    if (!invited) return;
    onInvited(email.trim());
    setEmail('');
    setChosen([]);
  }

  const toggle = (slug: string) => setChosen((current) => (current.includes(slug) ? current.filter((s) => s !== slug) : [...current, slug]));

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="invite-title">
      <h2 id="invite-title">Invite a member</h2>
      <TextField
        label="Email address"
        type="email"
        name="email"
        autoComplete="off"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={error?.fields.email}
      />
      <RoleChoice legend="Role" roles={roles} value={role} onChange={setRole} error={error?.fields.orgRole ?? error?.fields.role} />
      <fieldset className="teams" aria-describedby={error?.fields.teams ? 'invite-teams-error' : undefined}>
        <legend>Teams</legend>
        {teams.data?.length === 0 && <p className="muted">This organization has no teams yet.</p>}
        {teams.data?.map((team) => (
          <label key={team.id} className="inline">
            <input type="checkbox" checked={chosen.includes(team.slug)} onChange={() => toggle(team.slug)} /> #{team.slug}
          </label>
        ))}
        {teams.error && <p className="muted">Teams could not be loaded: {teams.error.message}</p>}
        {error?.fields.teams && (
          <p id="invite-teams-error" className="field-error">
            {error.fields.teams}
          </p>
        )}
      </fieldset>
      <FormError error={error} shown={['email', 'orgRole', 'role', 'teams']} />
      <button type="submit" className="primary" disabled={busy || !email.trim()}>
        {busy ? 'Sending…' : 'Send invitation'}
      </button>
    </form>
  );
}
