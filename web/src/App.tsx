import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, onAuthError, setCsrfToken } from './api';
import { match, navigate, useLocation } from './router';
import { SessionContext, type SessionState } from './session';
import type { Me } from './types';
import { SignedIn } from './SignedIn';
import { Loading } from './components/Loading';
import { SigninPage } from './pages/SigninPage';
import { SigninLandingPage } from './pages/SigninLandingPage';
import { TwoFactorStepPage } from './pages/TwoFactorStepPage';
import { AcceptInvitePage } from './pages/AcceptInvitePage';
import { ConfirmEmailPage } from './pages/ConfirmEmailPage';

/** Who is signed in decides what the console shows; a few pages (sign-in, invites, email links) need no session. */
export function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const { pathname } = useLocation();

  const refresh = useCallback(async () => {
    try {
      const current = await api.get<Me>('/api/0/auth/');
      setCsrfToken(current.csrfToken);
      setMe(current);
      return current;
    } catch {
      setCsrfToken(null);
      setMe(null);
      return null;
    }
  }, []);

  const signOut = useCallback(async () => {
    await api.delete('/api/0/auth/').catch(() => undefined);
    setCsrfToken(null);
    setMe(null);
    navigate('/signin/');
  }, []);

  useEffect(() => void refresh(), [refresh]);
  // A plain 401 means the session ended (expired or revoked elsewhere); org gates are handled by their page.
  useEffect(() => onAuthError((error) => error.code === null && setMe(null)), []);

  const session: SessionState = useMemo(() => ({ me: me ?? null, refresh, signOut }), [me, refresh, signOut]);

  let page;
  const token = match('/signin/:token/', pathname);
  const invite = match('/accept/:memberId/:token/', pathname);
  const confirm = match('/account/confirm-email/:userId/:token/', pathname);
  if (token) page = <SigninLandingPage token={token.token!} />;
  else if (invite) page = me === undefined ? <Loading /> : <AcceptInvitePage memberId={invite.memberId!} token={invite.token!} />;
  else if (confirm) page = <ConfirmEmailPage userId={confirm.userId!} token={confirm.token!} />;
  else if (me === undefined) page = <Loading />;
  else if (me === null) page = <SigninPage />;
  else if (me.needs2fa) page = <TwoFactorStepPage />;
  else page = <SignedIn />;

  return <SessionContext.Provider value={session}>{page}</SessionContext.Provider>;
}
