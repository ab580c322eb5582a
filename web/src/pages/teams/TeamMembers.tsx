import { useId, useState } from 'react';
import { api, orgPath, teamPath } from '../../api';
import { useAction, useApi } from '../../hooks';
import { useOrg, useSession } from '../../session';
import type { Member } from '../../types';
import { Done } from '../../components/FormError';

/** A team's members with their team roles; add someone (or ask to, which makes an access request), remove. */
export function TeamMembers({ teamSlug }: { teamSlug: string }) {
  const { org } = useOrg();
  const { me } = useSession();
  const members = useApi<Member[]>(teamPath(org.slug, teamSlug, 'members/'));
  const everyone = useApi<Member[]>(orgPath(org.slug, 'members/?query=isInvited:false'));
  const [adding, setAdding] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const addId = useId();
  const membershipPath = (memberId: string) => orgPath(org.slug, `members/${memberId}/teams/${encodeURIComponent(teamSlug)}/`);

  const act = (action: () => Promise<string>) =>
    run(async () => {
      setMessage(await action());
      members.reload();
    });
  const add = (memberId: string) =>
    act(async () => {
      const response = await api.post(membershipPath(memberId));
      setAdding('');
      return response.status === 202 ? 'Access requested: a team admin will approve or deny it.' : 'Added to the team.';
    });
  const setRole = (member: Member, teamRole: string) =>
    act(async () => {
      await api.put(membershipPath(member.id), { teamRole });
      return `${member.name} is now ${teamRole} of #${teamSlug}.`;
    });
  const remove = (member: Member) =>
    act(async () => {
      await api.delete(membershipPath(member.id));
      return `${member.name} left #${teamSlug}.`;
    });

  // A null team role means the one the org role implies (owners and managers are team admins everywhere).
  const minimum = (member: Member) => org.orgRoleList.find((role) => role.id === member.orgRole)?.minimumTeamRole ?? 'contributor';
  const rank = (id: string) => org.teamRoleList.findIndex((role) => role.id === id);
  const outside = (everyone.data ?? []).filter((m) => !members.data?.some((t) => t.id === m.id));
  const mine = everyone.data?.find((m) => m.user?.id === me?.id);
  return (
    <section className="card" aria-labelledby="team-members">
      <h2 id="team-members">Members</h2>
      {message && <Done>{message}</Done>}
      <ul className="rows compact" aria-busy={members.loading}>
        {members.data?.map((member) => (
          <li key={member.id} className="row">
            <span className="who">
              <strong>{member.name}</strong> <span className="muted">{member.email}</span>
            </span>
            <label className="inline">
              <span className="visually-hidden">Team role of {member.name}</span>
              <select
                value={member.teamRole ?? minimum(member)}
                disabled={busy || rank(minimum(member)) === org.teamRoleList.length - 1}
                onChange={(event) => void setRole(member, event.target.value)}
              >
                {org.teamRoleList.map((role) => (
                  <option key={role.id} value={role.id} disabled={rank(role.id) < rank(minimum(member))}>
                    {role.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" disabled={busy} onClick={() => void remove(member)}>
              {member.user?.id === me?.id ? 'Leave team' : 'Remove'}
            </button>
          </li>
        ))}
      </ul>
      {members.data?.length === 0 && <p className="muted">Nobody is on this team yet.</p>}
      {members.error && <p className="form-error">{members.error.message}</p>}
      <div className="inline-form">
        <label htmlFor={addId}>Add a member</label>
        <select id={addId} value={adding} onChange={(event) => setAdding(event.target.value)}>
          <option value="">Choose a member…</option>
          {outside.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name} ({member.email})
            </option>
          ))}
        </select>
        <button type="button" disabled={!adding || busy} onClick={() => void add(adding)}>
          Add
        </button>
        {mine && outside.includes(mine) && (
          <button type="button" disabled={busy} onClick={() => void add(mine.id)}>
            Join team
          </button>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
    </section>
  );
}
