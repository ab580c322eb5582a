import { useState } from 'react';
import { api, orgPath, teamPath } from '../../api';
import { useAction, useApi } from '../../hooks';
import { useOrg, useSession } from '../../session';
import type { Member, MemberWithRoles, TeamMember } from '../../types';
import { Done } from '../../components/FormError';
import { RowsSkeleton } from '../../components/Skeleton';
import { SearchPicker } from '../../components/SearchPicker';
import { IDP_TEAM_REASON } from '../../components/IdpBadge';

/**
 * A team's members with their team roles. "Add member" searches the organization's members on the
 * server and adds the one picked at once (or asks to, which makes an access request); join, remove.
 * A team the identity provider manages keeps its membership as SCIM says: those controls are off.
 */
export function TeamMembers({ teamSlug, managed = false }: { teamSlug: string; managed?: boolean }) {
  const { org } = useOrg();
  const { me } = useSession();
  const members = useApi<TeamMember[]>(teamPath(org.slug, teamSlug, 'members/'));
  const [message, setMessage] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const membershipPath = (memberId: string) => orgPath(org.slug, `members/${memberId}/teams/${encodeURIComponent(teamSlug)}/`);

  const act = (action: () => Promise<string>) =>
    run(async () => {
      setMessage(await action());
      members.reload();
    });
  const add = (memberId: string, name: string) =>
    act(async () => {
      const response = await api.post(membershipPath(memberId));
      return response.status === 202 ? 'Access requested: a team admin will approve or deny it.' : `${name} was added to #${teamSlug}.`;
    });
  const setRole = (member: TeamMember, teamRole: string) =>
    act(async () => {
      await api.put(membershipPath(member.id), { teamRole });
      return `${member.name} is now ${teamRole} of #${teamSlug}.`;
    });
  const remove = (member: TeamMember) =>
    act(async () => {
      await api.delete(membershipPath(member.id));
      return `${member.name} left #${teamSlug}.`;
    });

  // A null team role means the one the org role implies (owners and managers are team admins everywhere).
  const minimum = (member: TeamMember) => org.orgRoleList.find((role) => role.id === member.orgRole)?.minimumTeamRole ?? 'contributor';
  const rank = (id: string) => org.teamRoleList.findIndex((role) => role.id === id);
  const onTeam = (members.data ?? []).map((member) => member.id);
  const mine = members.data && !members.data.some((member) => member.user?.id === me?.id);
  return (
    <section className="card" aria-labelledby="team-members">
      <h2 id="team-members">Members</h2>
      {message && <Done>{message}</Done>}
      {members.loading && !members.data && <RowsSkeleton label="team members" rows={3} compact />}
      <ul className="rows compact" aria-label={`Members of #${teamSlug}`} aria-busy={members.loading}>
        {members.data?.map((member) => {
          const isMe = member.user?.id === me?.id;
          return (
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
              <button
                type="button"
                disabled={busy || managed}
                aria-describedby={managed ? 'team-members-idp' : undefined}
                onClick={() => void remove(member)}
                aria-label={isMe ? `Leave #${teamSlug}` : `Remove ${member.name} from #${teamSlug}`}>
                {isMe ? 'Leave team' : 'Remove'}
              </button>
            </li>
          );
        })}
      </ul>
      {members.data?.length === 0 && <p className="muted">Nobody is on this team yet.</p>}
      {members.error && <p className="form-error">{members.error.message}</p>}
      <SearchPicker<Member>
        label="Add member"
        path={orgPath(org.slug, 'members/')}
        query={(text) => `isInvited:false ${text}`.trim()}
        toOption={(member) => ({ id: member.id, label: member.name, ...(member.name !== member.email ? { detail: member.email } : {}) })}
        exclude={onTeam}
        actionLabel={(option) => `Add ${option.label} to #${teamSlug}`}
        onPick={(option) => add(option.id, option.label)}
        disabled={busy || managed}
      />
      {managed && (
        <p id="team-members-idp" className="hint reason">
          {IDP_TEAM_REASON}
        </p>
      )}
      {mine && me && (
        <SelfJoin disabled={busy || managed} teamSlug={teamSlug} orgSlug={org.slug} onJoin={(memberId) => add(memberId, me.name || me.email)} />
      )}
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
    </section>
  );
}

/** "Join team" for the requester, who is found through `members/me/`. */
function SelfJoin({ orgSlug, teamSlug, disabled, onJoin }: { orgSlug: string; teamSlug: string; disabled: boolean; onJoin(memberId: string): void }) {
  const self = useApi<MemberWithRoles>(orgPath(orgSlug, 'members/me/'));
  if (!self.data || self.data.pending) return null;
  return (
    <p>
      <button type="button" disabled={disabled} onClick={() => onJoin(self.data!.id)} aria-label={`Join #${teamSlug}`}>
        Join team
      </button>
    </p>
  );
}
