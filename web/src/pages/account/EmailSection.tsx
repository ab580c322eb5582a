import { api } from '../../api';
import { useAction } from '../../hooks';
import { useSession } from '../../session';
import { Done, FormError } from '../../components/FormError';
import { useState } from 'react';

/** Whether the account's address is verified, and a button to be sent a new verification link. */
export function EmailSection() {
  const { me } = useSession();
  const [sent, setSent] = useState(false);
  const { busy, error, run } = useAction();
  if (!me) return null;

  const send = async () => {
    if (await run(() => api.post('/api/0/users/me/emails/confirm/', { email: me.email }))) setSent(true);
  };

  return (
    <section className="card" aria-labelledby="email-title">
      <h2 id="email-title">Email address</h2>
      <p>
        {me.email} —{' '}
        {me.emailVerified ? <span className="badge ok">Verified</span> : <span className="badge warn">Not verified</span>}
      </p>
      {!me.emailVerified && (
        <>
          <p className="hint">Organizations that require verified addresses remove members whose address is not verified.</p>
          {sent ? (
            <Done>A verification link is on its way to {me.email}.</Done>
          ) : (
            <button type="button" disabled={busy} onClick={() => void send()}>
              Send me a verification link
            </button>
          )}
          <FormError error={error} />
        </>
      )}
    </section>
  );
}
