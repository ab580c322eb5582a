import { useState } from 'react';
import { orgPath, withQuery } from '../../api';
import { useApi } from '../../hooks';
import { navigate, useLocation } from '../../router';
import { hasScope, useOrg, useSession } from '../../session';
import type { Member } from '../../types';
import { PageHeader } from '../../components/Layout';
import { Pager } from '../../components/Pager';
import { Done } from '../../components/FormError';
import { MemberFilters } from './MemberFilters';
import { MemberRow } from './MemberRow';
import { InviteForm } from './InviteForm';

/** Members and pending invites, searchable with Sentry's query language, and the invite form. */
export function MembersPage() {
  const { org, reload: reloadOrg } = useOrg();
  const { me } = useSession();
  const { search } = useLocation();
  const query = search.get('query') ?? '';
  const cursor = search.get('cursor');
  const members = useApi<Member[]>(withQuery(orgPath(org.slug, 'members/'), { query, cursor }));
  const [message, setMessage] = useState<string | null>(null);
  // Sentry's rule: member:write or member:admin always; member:invite only while member invites are on.
  const canInvite = hasScope(org, 'member:write') || hasScope(org, 'member:admin') || (hasScope(org, 'member:invite') && org.allowMemberInvite);
  const canManage = hasScope(org, 'member:admin');

  const go = (params: { query?: string; cursor?: string | null }) =>
    navigate(withQuery(`/organizations/${org.slug}/members/`, { query: params.query ?? query, cursor: params.cursor ?? null }));
  const changed = (text: string) => {
    setMessage(text);
    members.reload();
  };

  return (
    <section>
      <PageHeader title="Members" />
      {message && <Done>{message}</Done>}
      <MemberFilters query={query} roles={org.orgRoleList} onQuery={(next) => go({ query: next })} />
      {members.error && (
        <p className="form-error" role="alert">
          {members.error.message}
        </p>
      )}
      <ul className="rows" aria-label="Members" aria-busy={members.loading}>
        {members.data?.map((member) => (
          <MemberRow
            key={member.id}
            member={member}
            orgSlug={org.slug}
            roles={org.orgRoleList}
            isMe={member.user?.id === me?.id}
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
      {canInvite && <InviteForm onInvited={(email) => changed(`An invitation was sent to ${email}.`)} />}
    </section>
  );
}
