import { useState } from 'react';
import { api } from '../api';
import { useAction, useApi } from '../hooks';
import { Link, navigate } from '../router';
import { useSession } from '../session';
import { FormError } from '../components/FormError';
import { rememberNext } from './SigninLandingPage';
import type { InviteDetails } from '../types';

/**
 * The invite link from the email. Signed in, it accepts for this account (which must own the invited
 * address); with no account yet, the link alone accepts and creates the account for that address.
 */
export function AcceptInvitePage({ memberId, token }: { memberId: string; token: string }) {
  const { me } = useSession();
  const path = `/api/0/accept-invite/${encodeURIComponent(memberId)}/${encodeURIComponent(token)}/`;
  const here = `/accept/${memberId}/${token}/`;
  const invite = useApi<InviteDetails>(path);
  const [accepted, setAccepted] = useState(false);
  const { busy, error, run } = useAction();

  const accept = async () => {
    if (!(await run(() => api.post(path)))) return;
    if (me && invite.data) navigate(`/organizations/${invite.data.orgSlug}/members/`);
    else setAccepted(true);
  };

  let body;
  if (invite.error) {
    body = <FormError error={invite.error} />;
  } else if (!invite.data) {
    body = <p role="status">Loading the invitation…</p>;
  } else if (accepted) {
    body = (
      <div role="status" className="done">
        <p>You joined {invite.data.orgName}. Your account is ready: sign in with your email address to continue.</p>
        <p>
          <Link href="/signin/">Sign in</Link>
        </p>
      </div>
    );
  } else {
    const data = invite.data;
    body = (
      <>
        <p>
          You are invited to join <strong>{data.orgName}</strong> as <strong>{data.roleName}</strong>.
        </p>
        {data.existingMember ? (
          <p>
            You are already a member. <Link href={`/organizations/${data.orgSlug}/members/`}>Open the organization</Link>
          </p>
        ) : data.needs2fa ? (
          <p>
            This organization requires two-factor authentication.{' '}
            <Link href={`/account/?enrol=totp&next=${encodeURIComponent(here)}`}>Set it up on your account</Link>, then come back to this page.
          </p>
        ) : (
          <div className="actions">
            <button type="button" className="primary" disabled={busy} onClick={() => void accept()}>
              {me ? `Join as ${me.email}` : 'Accept invitation'}
            </button>
            {!me && (
              <Link href="/signin/" onClick={() => rememberNext(here)}>
                I have an account: sign in first
              </Link>
            )}
          </div>
        )}
        <FormError error={error} />
      </>
    );
  }

  return (
    <main id="main" className="narrow">
      <h1>Invitation</h1>
      {body}
    </main>
  );
}
