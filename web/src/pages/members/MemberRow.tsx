import { useId } from 'react';
import { api, orgPath } from '../../api';
import { useAction } from '../../hooks';
import { Link } from '../../router';
import type { Member, Role } from '../../types';
import { ConfirmButton } from '../../components/ConfirmButton';
import { formatDate } from '../../dates';
import { InviteState } from './InviteState';
import { IDP_MEMBER_REASON, IDP_SELF_REASON, IdpBadge, isIdpManaged } from '../../components/IdpBadge';

/** Why the only owner cannot leave (the API answers 403): shown under the disabled button. */
export const ONLY_OWNER_REASON = 'You are the only owner: make another member an owner before you leave.';

/**
 * One member or pending invite, with what the requester can do to it from the list. Every button is
 * named for its row ("Remove Mel Member"), so a screen reader's list of buttons says whom each acts on.
 */
export function MemberRow({
  member,
  orgSlug,
  roles,
  isMe,
  isOnlyOwner,
  canManage,
  onChanged,
  onLeft,
}: {
  member: Member;
  orgSlug: string;
  roles: Role[];
  isMe: boolean;
  isOnlyOwner: boolean;
  canManage: boolean;
  onChanged(message: string): void;
  onLeft(): void;
}) {
  const { busy, error, run } = useAction();
  const reasonId = useId();
  const path = orgPath(orgSlug, `members/${member.id}/`);
  const roleName = roles.find((role) => role.id === member.orgRole)?.name ?? member.roleName ?? member.orgRole;
  const who = member.pending ? member.email : member.name;
  const managed = isIdpManaged(member);
  const blockedReason = managed ? (isMe ? IDP_SELF_REASON : IDP_MEMBER_REASON) : isMe && isOnlyOwner ? ONLY_OWNER_REASON : null;

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
        <Link href={`/organizations/${orgSlug}/members/${member.id}/`}>
          <strong>{who}</strong>
        </Link>
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
        {managed && <IdpBadge />}
        {isMe && <span className="badge">You</span>}
      </div>
      <div className="row-actions">
        {member.pending && canManage && (
          <>
            {!member.expired && (
              <button type="button" disabled={busy} onClick={() => void resend(false)} aria-label={`Resend invite to ${member.email}`}>
                Resend invite
              </button>
            )}
            <button type="button" disabled={busy} onClick={() => void resend(true)} aria-label={`${member.expired ? 'Renew invite' : 'New link'} for ${member.email}`}>
              {member.expired ? 'Renew invite' : 'New link'}
            </button>
          </>
        )}
        {isMe ? (
          <ConfirmButton
            question="Leave this organization?"
            confirmLabel="Leave"
            onConfirm={remove}
            disabled={busy || isOnlyOwner || managed}
            label="Leave the organization"
            describedBy={blockedReason ? reasonId : undefined}
          >
            Leave
          </ConfirmButton>
        ) : (
          canManage && (
            <ConfirmButton
              question={member.pending ? `Withdraw the invitation to ${member.email}?` : `Remove ${member.name} from the organization?`}
              confirmLabel={member.pending ? 'Withdraw' : 'Remove'}
              onConfirm={remove}
              disabled={busy || managed}
              label={member.pending ? `Withdraw invite to ${member.email}` : `Remove ${member.name}`}
              describedBy={blockedReason ? reasonId : undefined}
            >
              {member.pending ? 'Withdraw' : 'Remove'}
            </ConfirmButton>
          )
        )}
      </div>
      {blockedReason && (isMe || canManage) && (
        <p id={reasonId} className="hint reason">
          {blockedReason}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
    </li>
  );
}
