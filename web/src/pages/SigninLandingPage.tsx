import { useEffect, useRef, useState } from 'react';
import { api, type ApiError } from '../api';
import { toApiError } from '../hooks';
import { navigate, Link } from '../router';
import { useSession } from '../session';

const NEXT_KEY = 'roster:after-signin';

/** Where to go once signed in (an invite page asks to come back to itself); kept across tabs, since the emailed link opens a new one. */
export function rememberNext(path: string): void {
  localStorage.setItem(NEXT_KEY, path);
}

function takeNext(): string {
  const next = localStorage.getItem(NEXT_KEY);
  localStorage.removeItem(NEXT_KEY);
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** Where the emailed link lands: exchanges its token for a session, then on to the TOTP step or the console. */
export function SigninLandingPage({ token }: { token: string }) {
  const { refresh } = useSession();
  const [error, setError] = useState<ApiError | null>(null);
  const started = useRef(false);

  useEffect(() => {
    // The token works once: React's development double effects must not spend it twice.
    if (started.current) return;
    started.current = true;
    api
      .post('/api/0/auth/signin/', { token })
      .then(async () => {
        await refresh();
        navigate(takeNext(), { replace: true });
      })
      .catch((caught: unknown) => setError(toApiError(caught)));
  }, [token, refresh]);

  return (
    <main id="main" className="narrow">
      <h1>Signing in</h1>
      {error ? (
        <div role="alert">
          <p className="form-error">{error.fields.token ?? error.message}</p>
          <p>
            <Link href="/signin/">Ask for a new sign-in link</Link>
          </p>
        </div>
      ) : (
        <p role="status">Checking your sign-in link…</p>
      )}
    </main>
  );
}
