import { api, orgPath } from '../../api';
import { useAction } from '../../hooks';
import { Link } from '../../router';
import type { Member, Role } from '../../types';
import { ConfirmButton } from '../../components/ConfirmButton';
import { formatDate } from '../../dates';
import { InviteState } from './InviteState';

/** One member or pending invite, with what the requester can do to it from the list. */
export function MemberRow({
  member,
  orgSlug,
  roles,
  isMe,
  canManage,
  onChanged,
  onLeft,
}: {
  member: Member;
  orgSlug: string;
  roles: Role[];
  isMe: boolean;
  canManage: boolean;
  onChanged(message: string): void;
  onLeft(): void;
}) {
  const { busy, error, run } = useAction();
  const path = orgPath(orgSlug, `members/${member.id}/`);
  const roleName = roles.find((role) => role.id === member.orgRole)?.name ?? member.roleName ?? member.orgRole;

  const resend = (regenerate: boolean) =>
    run(async () => {
      await api.put(path, regenerate ? { reinvite: true, regenerate: true } : { reinvite: true });
      onChanged(regenerate ? `A new invitation was sent to ${member.email}.` : `The invitation was sent again to ${member.email}.`);
    });
  const remove = () =>
    run(async () => {
      await api.delete(path);
      if (isMe) onLeft();
      else onChanged(member.pending ? `The invitation to ${member.email} was withdrawn.` : `${member.name} was removed.`);
    });

  return (
    <li className="row">
      <div className="who">
        {member.pending ? (
          <strong>{member.email}</strong>
        ) : (
          <Link href={`/organizations/${orgSlug}/members/${member.id}/`}>
            <strong>{member.name}</strong>
          </Link>
        )}
        {!member.pending && member.name !== member.email && <span className="muted">{member.email}</span>}
      </div>
      <div className="facts">
        <span className="badge">{roleName}</span>
        {member.pending && (
          <span className={member.expired ? 'badge warn' : 'badge'}>
            <InviteState member={member} />
            {member.inviterName ? ` · invited by ${member.inviterName}` : ''} · sent {formatDate(member.dateCreated)}
          </span>
        )}
        {!member.pending && member.user && <span className={member.user.has2fa ? 'badge ok' : 'badge'}>{member.user.has2fa ? '2FA' : 'No 2FA'}</span>}
        {isMe && <span className="badge">You</span>}
      </div>
      <div className="row-actions">
        {member.pending && canManage && (
          <>
            {!member.expired && (
              <button type="button" disabled={busy} onClick={() => void resend(false)}>
                Resend invite
              </button>
            )}
            <button type="button" disabled={busy} onClick={() => void resend(true)}>
              {member.expired ? 'Renew invite' : 'New link'}
            </button>
          </>
        )}
        {isMe ? (
          <ConfirmButton question="Leave this organization?" confirmLabel="Leave" onConfirm={remove} disabled={busy}>
            Leave
          </ConfirmButton>
        ) : (
          canManage && (
            <ConfirmButton
              question={member.pending ? `Withdraw the invitation to ${member.email}?` : `Remove ${member.name} from the organization?`}
              confirmLabel={member.pending ? 'Withdraw' : 'Remove'}
              onConfirm={remove}
              disabled={busy}
            >
              {member.pending ? 'Withdraw' : 'Remove'}
            </ConfirmButton>
          )
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
    </li>
  );
}
