import { useState, type FormEvent } from 'react';
import { api, orgPath } from '../../api';
import { useAction, useApi } from '../../hooks';
import { Link, navigate } from '../../router';
import { hasScope, useOrg } from '../../session';
import type { Team } from '../../types';
import { PageHeader } from '../../components/Layout';
import { NameSlugFields } from '../../components/NameSlugFields';
import { FormError } from '../../components/FormError';
import { RowsSkeleton } from '../../components/Skeleton';
import { AccessRequests } from './AccessRequests';
import { IdpBadge, isIdpManaged } from '../../components/IdpBadge';

/** The organization's teams, a form to create one, and the access requests waiting for an answer. */
export function TeamsPage() {
  const { org } = useOrg();
  const teams = useApi<Team[]>(orgPath(org.slug, 'teams/'));
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const { busy, error, run } = useAction();
  const canCreate = hasScope(org, 'team:write') || hasScope(org, 'team:admin') || hasScope(org, 'org:write');

  async function create(event: FormEvent) {
    event.preventDefault();
    const created = await run(() => api.post<Team>(orgPath(org.slug, 'teams/'), { name: name.trim(), ...(slug ? { slug } : {}) }));
    if (created) navigate(`/organizations/${org.slug}/teams/${created.data.slug}/`);
  }

  return (
    <section>
      <PageHeader title="Teams" />
      {teams.error && <FormError error={teams.error} />}
      {teams.loading && !teams.data && <RowsSkeleton label="teams" rows={3} />}
      <ul className="rows" aria-label="Teams" aria-busy={teams.loading}>
        {teams.data?.map((team) => (
          <li key={team.id} className="row">
            <div className="who">
              <Link href={`/organizations/${org.slug}/teams/${team.slug}/`}>
                <strong>#{team.slug}</strong>
              </Link>
              {team.name !== team.slug && <span className="muted">{team.name}</span>}
            </div>
            <div className="facts">
              <span className="badge">
                {team.memberCount} {team.memberCount === 1 ? 'member' : 'members'}
              </span>
              {team.isMember && <span className="badge ok">Your team{team.teamRole ? ` · ${team.teamRole}` : ''}</span>}
              {team.isPending && <span className="badge">Access requested</span>}
              {isIdpManaged(team) && <IdpBadge />}
            </div>
          </li>
        ))}
      </ul>
      {teams.data?.length === 0 && <p className="muted">No teams yet.</p>}
      <AccessRequests onAnswered={teams.reload} />
      {canCreate && (
        <form className="card" onSubmit={create} noValidate aria-labelledby="new-team">
          <h2 id="new-team">Create a team</h2>
          <NameSlugFields name={name} slug={slug} onName={setName} onSlug={setSlug} error={error} slugHint="Made from the name when left empty." />
          <FormError error={error} shown={['name', 'slug']} />
          <button type="submit" className="primary" disabled={busy || !name.trim()}>
            {busy ? 'Creating…' : 'Create team'}
          </button>
        </form>
      )}
    </section>
  );
}
