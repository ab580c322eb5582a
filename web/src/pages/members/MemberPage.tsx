import { useEffect, useState, type FormEvent } from 'react';
import { api, orgPath } from '../../api';
import { useAction, useApi } from '../../hooks';
import { Link, navigate } from '../../router';
import { hasScope, useOrg, useSession } from '../../session';
import type { MemberWithRoles, Team } from '../../types';
import { PageHeader } from '../../components/Layout';
import { FormError, Done } from '../../components/FormError';
import { RoleChoice } from '../../components/RoleChoice';
import { ConfirmButton } from '../../components/ConfirmButton';
import { TeamRolesEditor, type TeamRoleEntry } from './TeamRolesEditor';
import { InviteState } from './InviteState';

/** One member: change the org role and the teams with their team roles in one PUT, or remove them. */
export function MemberPage({ memberId }: { memberId: string }) {
  const { org } = useOrg();
  const { me } = useSession();
  const path = orgPath(org.slug, `members/${memberId}/`);
  const member = useApi<MemberWithRoles>(path);
  const teams = useApi<Team[]>(orgPath(org.slug, 'teams/'));
  const [role, setRole] = useState('');
  const [entries, setEntries] = useState<TeamRoleEntry[]>([]);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();

  useEffect(() => {
    if (!member.data) return;
    setRole(member.data.orgRole);
    setEntries(member.data.teamRoles.map(({ teamSlug, role: teamRole }) => ({ teamSlug, role: teamRole })));
  }, [member.data]);

  if (member.error) return <FormError error={member.error} />;
  if (!member.data) return <p role="status">Loading…</p>;
  const data = member.data;
  const isMe = data.user?.id === me?.id;
  const roleInfo = data.orgRoleList.find((r) => r.id === role);
  const canEdit = hasScope(org, 'member:admin') || data.orgRoleList.some((r) => r.isAllowed);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const body = { ...(role !== data.orgRole ? { orgRole: role } : {}), teamRoles: entries };
    if (await run(() => api.put(path, body))) {
      setSaved(true);
      member.reload();
    }
  }

  const remove = () =>
    run(async () => {
      await api.delete(path);
      navigate(isMe ? '/' : `/organizations/${org.slug}/members/`);
    });

  return (
    <section>
      <p className="breadcrumb">
        <Link href={`/organizations/${org.slug}/members/`}>Members</Link>
      </p>
      <PageHeader title={data.name} />
      <p className="muted">
        {data.email}
        {data.pending && (
          <>
            {' · '}
            <InviteState member={data} />
          </>
        )}
        {data.user ? (data.user.has2fa ? ' · 2FA on' : ' · no 2FA') : ''}
      </p>
      {saved && <Done>Saved.</Done>}
      <form onSubmit={submit} noValidate className="card">
        <RoleChoice
          legend="Organization role"
          roles={data.orgRoleList}
          value={role}
          onChange={setRole}
          disabled={isMe || !canEdit}
          error={error?.fields.orgRole ?? error?.fields.role}
        />
        {isMe && <p className="hint">You cannot change your own role.</p>}
        {roleInfo?.isTeamRolesAllowed !== false && (
          <TeamRolesEditor
            entries={entries}
            teams={teams.data ?? []}
            teamRoles={data.teamRoleList}
            minimumTeamRole={roleInfo?.minimumTeamRole ?? 'contributor'}
            onChange={setEntries}
            error={error?.fields.teamRoles ?? error?.fields.teams}
          />
        )}
        <FormError error={error} shown={['orgRole', 'role', 'teamRoles', 'teams']} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save changes'}
        </button>
      </form>
      <div className="danger-zone">
        <ConfirmButton
          question={isMe ? 'Leave this organization?' : `Remove ${data.name} from the organization?`}
          confirmLabel={isMe ? 'Leave' : 'Remove'}
          onConfirm={remove}
          disabled={busy}
        >
          {isMe ? 'Leave organization' : 'Remove member'}
        </ConfirmButton>
      </div>
    </section>
  );
}
