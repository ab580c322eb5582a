import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { useAction } from '../hooks';
import { useSession } from '../session';
import { TextField } from '../components/Field';
import { FormError } from '../components/FormError';

/** The second step of signing in, for an account with an authenticator app. */
export function TwoFactorStepPage() {
  const { me, refresh, signOut } = useSession();
  const [otp, setOtp] = useState('');
  const { busy, error, run } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const passed = await run(() => api.post('/api/0/auth/2fa/', { otp: otp.trim() }));
    if (passed) await refresh();
  }

  return (
    <main id="main" className="narrow">
      <h1>Two-factor authentication</h1>
      <p>
        Signing in as <strong>{me?.email}</strong>. Enter the 6-digit code from your authenticator app.
      </p>
      <form onSubmit={submit} noValidate>
        <TextField
          label="Authentication code"
          name="otp"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={6}
          autoFocus
          required
          value={otp}
          onChange={(event) => setOtp(event.target.value)}
          error={error?.fields.otp}
        />
        <FormError error={error} shown={['otp']} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || otp.trim().length < 6}>
            {busy ? 'Checking…' : 'Continue'}
          </button>
          <button type="button" className="link-button" onClick={() => void signOut()}>
            Cancel
          </button>
        </div>
      </form>
    </main>
  );
}
