import { formatDate, formatMoment } from '../../dates';
import type { Member } from '../../types';

/**
 * A pending invite's state and when its link stops working: "Invite pending · expires Jan 31, 2030",
 * or "Invite expired on Jan 1, 2030" (an invite without an expiry never expires).
 */
export function InviteState({ member }: { member: Pick<Member, 'expired' | 'inviteExpiresAt'> }) {
  const expiry = member.inviteExpiresAt ? (
    <time dateTime={member.inviteExpiresAt} title={formatMoment(member.inviteExpiresAt)}>
      {formatDate(member.inviteExpiresAt)}
    </time>
  ) : null;
  if (member.expired) return <>Invite expired{expiry && <> on {expiry}</>}</>;
  return <>Invite pending{expiry && <> · expires {expiry}</>}</>;
}
