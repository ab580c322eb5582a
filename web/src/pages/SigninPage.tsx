import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { useAction } from '../hooks';
import { TextField } from '../components/Field';
import { FormError } from '../components/FormError';

/** Sign-in by email: Roster sends a one-time link; no password is ever stored. */
export function SigninPage() {
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const sent = await run(() => api.post('/api/0/auth/signin-link/', { email }));
    if (sent) setSentTo(email);
  }

  return (
    <main id="main" className="narrow">
      <h1>Sign in to Roster</h1>
      {sentTo ? (
        <div role="status" className="done">
          <p>
            If <strong>{sentTo}</strong> has an account, a sign-in link is on its way. It works once, within 15 minutes.
          </p>
          <button type="button" className="link-button" onClick={() => setSentTo(null)}>
            Use another address
          </button>
        </div>
      ) : (
        <form onSubmit={submit} noValidate>
          <p>Enter your email address and we will send you a link to sign in.</p>
          <TextField
            label="Email address"
            type="email"
            name="email"
            autoComplete="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={error?.fields.email}
          />
          <FormError error={error} shown={['email']} />
          <button type="submit" className="primary" disabled={busy || !email}>
            {busy ? 'Sending…' : 'Email me a sign-in link'}
          </button>
        </form>
      )}
    </main>
  );
}
