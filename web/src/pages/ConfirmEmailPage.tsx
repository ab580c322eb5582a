import { useEffect, useRef, useState } from 'react';
import { api, type ApiError } from '../api';
import { toApiError } from '../hooks';
import { Link } from '../router';
import { useSession } from '../session';

/** The link from a verification email: confirms the address (once) and says so. */
export function ConfirmEmailPage({ userId, token }: { userId: string; token: string }) {
  const { refresh } = useSession();
  const [state, setState] = useState<'checking' | 'done' | ApiError>('checking');
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    api
      .post(`/api/0/account/confirm-email/${encodeURIComponent(userId)}/${encodeURIComponent(token)}/`)
      .then(async () => {
        setState('done');
        await refresh();
      })
      .catch((error: unknown) => setState(toApiError(error)));
  }, [userId, token, refresh]);

  return (
    <main id="main" className="narrow">
      <h1>Email verification</h1>
      {state === 'checking' && <p role="status">Checking your link…</p>}
      {state === 'done' && (
        <p role="status" className="done">
          Your email address is verified.
        </p>
      )}
      {typeof state === 'object' && (
        <p role="alert" className="form-error">
          {state.message}
        </p>
      )}
      <p>
        <Link href="/">Go to Roster</Link>
      </p>
    </main>
  );
}
