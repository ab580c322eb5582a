import { useEffect, useState, type FormEvent } from 'react';
import { api, orgPath } from '../../api';
import { useAction, useApi } from '../../hooks';
import { Link, navigate } from '../../router';
import { hasScope, useOrg } from '../../session';
import type { MemberWithRoles, Team } from '../../types';
import { PageHeader } from '../../components/Layout';
import { Done, FormError } from '../../components/FormError';
import { RoleChoice } from '../../components/RoleChoice';
import { ConfirmButton } from '../../components/ConfirmButton';
import { RowsSkeleton } from '../../components/Skeleton';
import { formatDate } from '../../dates';
import { InviteState } from './InviteState';
import { IDP_MEMBER_REASON, IdpBadge, isIdpManaged } from '../../components/IdpBadge';

/**
 * A pending invite: change its role and teams (one PUT, as Sentry's invite details), send it again,
 * send a new link (a fresh 30 days), or withdraw it.
 */
export function InvitePage({ invite, reload }: { invite: MemberWithRoles; reload(): void }) {
  const { org } = useOrg();
  const path = orgPath(org.slug, `members/${invite.id}/`);
  const teams = useApi<Team[]>(orgPath(org.slug, 'teams/'));
  const current = invite.teamRoles.map((entry) => entry.teamSlug);
  const [role, setRole] = useState(invite.orgRole);
  const [chosen, setChosen] = useState<string[]>(current);
  const [message, setMessage] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const canManage = hasScope(org, 'member:admin');
  useEffect(() => {
    setRole(invite.orgRole);
    setChosen(invite.teamRoles.map((entry) => entry.teamSlug));
  }, [invite]);

  const toggle = (slug: string) => setChosen((list) => (list.includes(slug) ? list.filter((s) => s !== slug) : [...list, slug]));
  const changed = role !== invite.orgRole || chosen.length !== current.length || chosen.some((slug) => !current.includes(slug));

  async function save(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    if (await run(() => api.put(path, { ...(role !== invite.orgRole ? { orgRole: role } : {}), teams: chosen }))) {
      setMessage('The invitation was updated.');
      reload();
    }
  }
  const resend = (regenerate: boolean) =>
    run(async () => {
      setMessage(null);
      await api.put(path, regenerate ? { reinvite: true, regenerate: true } : { reinvite: true });
      setMessage(regenerate ? `A new link was sent to ${invite.email}.` : `The invitation was sent again to ${invite.email}.`);
      reload();
    });
  const withdraw = () =>
    run(async () => {
      await api.delete(path);
      navigate(`/organizations/${org.slug}/members/`);
    });

  return (
    <section>
      <p className="breadcrumb">
        <Link href={`/organizations/${org.slug}/members/`}>Members</Link>
      </p>
      <PageHeader title={invite.email} />
      {isIdpManaged(invite) && <IdpBadge />}
      <p className="muted">
        <InviteState member={invite} /> · sent {formatDate(invite.dateCreated)}
        {invite.inviterName ? ` by ${invite.inviterName}` : ''}
      </p>
      {message && <Done>{message}</Done>}
      <form className="card" onSubmit={save} noValidate aria-label="Invitation">
        <RoleChoice legend="Role" roles={invite.orgRoleList} value={role} onChange={setRole} disabled={!canManage} error={error?.fields.orgRole ?? error?.fields.role} />
        <fieldset className="teams" disabled={!canManage}>
          <legend>Teams</legend>
          {teams.loading && !teams.data && <RowsSkeleton label="teams" rows={2} compact />}
          {teams.data?.length === 0 && <p className="muted">This organization has no teams yet.</p>}
          {teams.data?.map((team) => (
            <label key={team.id} className="inline">
              <input type="checkbox" checked={chosen.includes(team.slug)} onChange={() => toggle(team.slug)} /> #{team.slug}
            </label>
          ))}
          {error?.fields.teams && <p className="field-error">{error.fields.teams}</p>}
        </fieldset>
        <FormError error={error} shown={['orgRole', 'role', 'teams']} />
        {canManage && (
          <div className="actions">
            <button type="submit" className="primary" disabled={busy || !changed}>
              Save invitation
            </button>
            {!invite.expired && (
              <button type="button" disabled={busy} onClick={() => void resend(false)}>
                Resend invite
              </button>
            )}
            <button type="button" disabled={busy} onClick={() => void resend(true)}>
              {invite.expired ? 'Renew invite' : 'Send a new link'}
            </button>
            <ConfirmButton
              question={`Withdraw the invitation to ${invite.email}?`}
              confirmLabel="Withdraw"
              onConfirm={withdraw}
              disabled={busy || isIdpManaged(invite)}
              describedBy={isIdpManaged(invite) ? 'invite-idp-reason' : undefined}
            >
              Withdraw invitation
            </ConfirmButton>
            {isIdpManaged(invite) && (
              <p id="invite-idp-reason" className="hint reason">
                {IDP_MEMBER_REASON}
              </p>
            )}
          </div>
        )}
      </form>
    </section>
  );
}
