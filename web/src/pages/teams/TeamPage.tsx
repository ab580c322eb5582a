import { useEffect, useState, type FormEvent } from 'react';
import { api, teamPath } from '../../api';
import { useAction, useApi } from '../../hooks';
import { Link, navigate } from '../../router';
import { hasScope, useOrg } from '../../session';
import type { Team } from '../../types';
import { PageHeader } from '../../components/Layout';
import { NameSlugFields } from '../../components/NameSlugFields';
import { Done, FormError } from '../../components/FormError';
import { ConfirmButton } from '../../components/ConfirmButton';
import { PageSkeleton } from '../../components/Skeleton';
import { NotFoundPage } from '../NotFoundPage';
import { TeamMembers } from './TeamMembers';
import { IDP_TEAM_REASON, IdpBadge, isIdpManaged } from '../../components/IdpBadge';

/** One team: its members and their team roles, rename, delete. */
export function TeamPage({ teamSlug }: { teamSlug: string }) {
  const { org } = useOrg();
  const team = useApi<Team>(teamPath(org.slug, teamSlug));
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();
  const canAdmin = hasScope(org, 'team:write') || hasScope(org, 'team:admin') || hasScope(org, 'org:write');

  useEffect(() => {
    if (!team.data) return;
    setName(team.data.name);
    setSlug(team.data.slug);
  }, [team.data]);

  if (team.error?.status === 404) return <NotFoundPage message="There is no such team in this organization." />;
  if (team.error) return <FormError error={team.error} />;
  if (!team.data) return <PageSkeleton label="team" />;

  async function rename(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const updated = await run(() => api.put<Team>(teamPath(org.slug, teamSlug), { name, slug }));
    if (!updated) return;
    setSaved(true);
    if (updated.data.slug !== teamSlug) navigate(`/organizations/${org.slug}/teams/${updated.data.slug}/`, { replace: true });
    else team.reload();
  }

  const managed = isIdpManaged(team.data);
  const remove = () =>
    run(async () => {
      await api.delete(teamPath(org.slug, teamSlug));
      navigate(`/organizations/${org.slug}/teams/`);
    });

  return (
    <section>
      <p className="breadcrumb">
        <Link href={`/organizations/${org.slug}/teams/`}>Teams</Link>
      </p>
      <PageHeader title={`#${team.data.slug}`} />
      {managed && (
        <p>
          <IdpBadge /> <span className="hint reason">{IDP_TEAM_REASON}</span>
        </p>
      )}
      <TeamMembers teamSlug={teamSlug} managed={managed} />
      {canAdmin && (
        <form className="card" onSubmit={rename} noValidate aria-labelledby="team-settings">
          <h2 id="team-settings">Team settings</h2>
          {saved && <Done>Saved.</Done>}
          <fieldset disabled={managed}>
          <NameSlugFields
            name={name}
            slug={slug}
            onName={setName}
            onSlug={setSlug}
            error={error}
            optionalSlug={false}
            slugHint="Changing the slug changes the team's addresses; links with the old one stop working."
          />
          </fieldset>
          <FormError error={error} shown={['name', 'slug']} />
          <div className="actions">
            <button type="submit" className="primary" disabled={busy || managed} aria-describedby={managed ? 'team-idp-reason' : undefined}>
              Save
            </button>
            <ConfirmButton
              question={`Delete #${team.data.slug}? Its members stay in the organization.`}
              confirmLabel="Delete team"
              onConfirm={remove}
              disabled={busy || managed}
              describedBy={managed ? 'team-idp-reason' : undefined}
            >
              Delete team
            </ConfirmButton>
            {managed && (
              <span id="team-idp-reason" className="hint reason">
                {IDP_TEAM_REASON}
              </span>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
