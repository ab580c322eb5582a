import { useEffect, useId, useState, type FormEvent } from 'react';
import { api, orgPath } from '../../api';
import { useAction } from '../../hooks';
import { Link, navigate } from '../../router';
import { hasScope, useOrg, useSession } from '../../session';
import type { MemberWithRoles } from '../../types';
import { PageHeader } from '../../components/Layout';
import { FormError, Done } from '../../components/FormError';
import { RoleChoice } from '../../components/RoleChoice';
import { ConfirmButton } from '../../components/ConfirmButton';
import { formatDate, formatMoment } from '../../dates';
import { MemberTeams } from './MemberTeams';
import { ONLY_OWNER_REASON } from './MemberRow';
import { IDP_MEMBER_REASON, IDP_SELF_REASON, IdpBadge, isIdpManaged } from '../../components/IdpBadge';

/** A member: when they joined, their 2FA, their org role (saved with one PUT), their teams (each change at once), remove or leave. */
export function MemberDetails({ member, reload }: { member: MemberWithRoles; reload(): void }) {
  const { org, reload: reloadOrg } = useOrg();
  const { me } = useSession();
  const path = orgPath(org.slug, `members/${member.id}/`);
  const [role, setRole] = useState(member.orgRole);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();
  const reasonId = useId();
  useEffect(() => setRole(member.orgRole), [member.orgRole]);

  const isMe = member.user?.id === me?.id;
  const roleInfo = member.orgRoleList.find((r) => r.id === role);
  const canEdit = hasScope(org, 'member:admin') || member.orgRoleList.some((r) => r.isAllowed);
  const managed = isIdpManaged(member);
  const onlyOwner = isMe && member.isOnlyOwner === true;
  const leaveBlocked = onlyOwner || managed;
  const blockedReason = managed ? (isMe ? IDP_SELF_REASON : IDP_MEMBER_REASON) : onlyOwner ? ONLY_OWNER_REASON : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (await run(() => api.put(path, { orgRole: role }))) {
      setSaved(true);
      reload();
    }
  }
  const remove = () =>
    run(async () => {
      await api.delete(path);
      if (isMe) reloadOrg();
      navigate(isMe ? '/' : `/organizations/${org.slug}/members/`);
    });

  return (
    <section>
      <p className="breadcrumb">
        <Link href={`/organizations/${org.slug}/members/`}>Members</Link>
      </p>
      <PageHeader title={member.name} />
      {managed && <IdpBadge />}
      <dl className="facts-list">
        <dt>Email</dt>
        <dd>{member.email}</dd>
        <dt>Joined</dt>
        <dd>
          <time dateTime={member.dateCreated} title={formatMoment(member.dateCreated)}>
            {formatDate(member.dateCreated)}
          </time>
        </dd>
        <dt>Two-factor authentication</dt>
        <dd>{member.user?.has2fa ? 'On' : 'Off'}</dd>
      </dl>
      {member.user && 'canReset2fa' in member.user && member.user.canReset2fa && (
        <div className="card">
          <button type="button" disabled aria-describedby={`${reasonId}-2fa`}>
            Reset two-factor authentication
          </button>
          <p id={`${reasonId}-2fa`} className="hint reason">
            You may reset it (you are a member admin and this is their only organization), but Roster's API has no route yet that
            removes another user's authenticator. {member.name} can remove it on their own account page.
          </p>
        </div>
      )}
      {saved && <Done>Saved.</Done>}
      <form onSubmit={submit} noValidate className="card" aria-label="Organization role">
        <RoleChoice
          legend="Organization role"
          roles={member.orgRoleList}
          value={role}
          onChange={setRole}
          disabled={isMe || !canEdit}
          error={error?.fields.orgRole ?? error?.fields.role}
        />
        {isMe && <p className="hint">You cannot change your own role.</p>}
        <FormError error={error} shown={['orgRole', 'role']} />
        {!isMe && canEdit && (
          <button type="submit" className="primary" disabled={busy || role === member.orgRole}>
            {busy ? 'Saving…' : 'Save role'}
          </button>
        )}
      </form>
      {roleInfo?.isTeamRolesAllowed !== false && <MemberTeams member={member} onChanged={reload} />}
      <div className="danger-zone">
        <ConfirmButton
          question={isMe ? 'Leave this organization?' : `Remove ${member.name} from the organization?`}
          confirmLabel={isMe ? 'Leave' : 'Remove'}
          onConfirm={remove}
          disabled={busy || leaveBlocked}
          label={isMe ? 'Leave the organization' : `Remove ${member.name}`}
          describedBy={leaveBlocked ? reasonId : undefined}
        >
          {isMe ? 'Leave organization' : 'Remove member'}
        </ConfirmButton>
        {blockedReason && (
          <p id={reasonId} className="hint reason">
            {blockedReason}
          </p>
        )}
      </div>
    </section>
  );
}
