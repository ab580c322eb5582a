import { useState } from 'react';
import { orgPath, withQuery } from '../../api';
import { useApi } from '../../hooks';
import { navigate, useLocation } from '../../router';
import { hasScope, useOrg, useSession } from '../../session';
import type { Member, MemberWithRoles } from '../../types';
import { PageHeader } from '../../components/Layout';
import { Pager } from '../../components/Pager';
import { Done } from '../../components/FormError';
import { RowsSkeleton } from '../../components/Skeleton';
import { MemberFilters } from './MemberFilters';
import { MemberRow } from './MemberRow';
import { InviteDialog } from './InviteDialog';

/** Members and pending invites, searchable with Sentry's query language; "Invite members" opens the invite dialog. */
export function MembersPage() {
  const { org, reload: reloadOrg } = useOrg();
  const { me } = useSession();
  const { search } = useLocation();
  const query = search.get('query') ?? '';
  const cursor = search.get('cursor');
  const members = useApi<Member[]>(withQuery(orgPath(org.slug, 'members/'), { query, cursor }));
  // The requester's own membership says whether it is the only owner, who may not leave (Sentry's 403).
  const mine = useApi<MemberWithRoles>(org.orgRole ? orgPath(org.slug, 'members/me/') : null);
  const [message, setMessage] = useState<string | null>(null);
  const [inviting, setInviting] = useState(false);
  // Sentry's rule: member:write or member:admin always; member:invite only while member invites are on.
  const canInvite = hasScope(org, 'member:write') || hasScope(org, 'member:admin') || (hasScope(org, 'member:invite') && org.allowMemberInvite);
  const canManage = hasScope(org, 'member:admin');

  const go = (params: { query?: string; cursor?: string | null }) =>
    navigate(withQuery(`/organizations/${org.slug}/members/`, { query: params.query ?? query, cursor: params.cursor ?? null }));
  const changed = (text: string) => {
    setMessage(text);
    members.reload();
    mine.reload();
  };
  // The first load shows placeholders; a reload keeps the rows it has (marked busy), so nothing jumps.
  const firstLoad = members.loading && !members.data;

  return (
    <section>
      <PageHeader title="Members">
        {canInvite && (
          <button type="button" className="primary" onClick={() => setInviting(true)}>
            Invite members
          </button>
        )}
      </PageHeader>
      {message && <Done>{message}</Done>}
      <MemberFilters query={query} roles={org.orgRoleList} onQuery={(next) => go({ query: next })} />
      {members.error && (
        <p className="form-error" role="alert">
          {members.error.message}
        </p>
      )}
      {firstLoad && <RowsSkeleton label="members" rows={5} />}
      <ul className="rows" aria-label="Members" aria-busy={members.loading}>
        {members.data?.map((member) => (
          <MemberRow
            key={member.id}
            member={member}
            orgSlug={org.slug}
            roles={org.orgRoleList}
            isMe={member.user?.id === me?.id}
            isOnlyOwner={member.user?.id === me?.id && mine.data?.isOnlyOwner === true}
            canManage={canManage}
            onChanged={changed}
            onLeft={() => {
              reloadOrg();
              navigate('/');
            }}
          />
        ))}
      </ul>
      {members.data?.length === 0 && <p className="muted">No member matches this search.</p>}
      <Pager headers={members.headers} onCursor={(next) => go({ cursor: next })} />
      {canInvite && (
        <InviteDialog
          open={inviting}
          onClose={() => setInviting(false)}
          onInvited={(count) => changed(count === 1 ? 'An invitation was sent.' : `${count} invitations were sent.`)}
        />
      )}
    </section>
  );
}
