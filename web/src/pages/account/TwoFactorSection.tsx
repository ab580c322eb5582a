import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, request } from '../../api';
import { useAction } from '../../hooks';
import { useSession } from '../../session';
import { TextField } from '../../components/Field';
import { Done, FormError } from '../../components/FormError';
import { QrCode } from '../../components/QrCode';
import { ConfirmButton } from '../../components/ConfirmButton';
import type { SelfUser, TotpEnrolment as Enrolment } from '../../types';

/** TOTP enrolment: scan the QR code (drawn in the browser), confirm with a code; or remove the authenticator. */
export function TwoFactorSection({ self, onChanged, startEnrolment }: { self: SelfUser | undefined; onChanged(): void; startEnrolment: boolean }) {
  const { me, refresh } = useSession();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [otp, setOtp] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const started = useRef(false);

  const start = () =>
    run(async () => {
      setDone(null);
      setEnrolment((await request<Enrolment>('GET', '/api/0/users/me/authenticators/totp/enroll/')).data);
    });

  useEffect(() => {
    if (startEnrolment && me && !me.has2fa && !started.current) {
      started.current = true;
      void start();
    }
  });

  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (!enrolment) return;
    const confirmed = await run(() => api.post('/api/0/users/me/authenticators/totp/enroll/', { secret: enrolment.secret, otp: otp.trim() }));
    if (!confirmed) return;
    setEnrolment(null);
    setOtp('');
    setDone('Two-factor authentication is on. You will be asked for a code when you sign in.');
    await refresh();
    onChanged();
  }

  const remove = (id: string) =>
    run(async () => {
      await api.delete(`/api/0/users/me/authenticators/${id}/`);
      setDone('The authenticator was removed.');
      await refresh();
      onChanged();
    });

  return (
    <section className="card" aria-labelledby="twofa-title">
      <h2 id="twofa-title">Two-factor authentication</h2>
      {done && <Done>{done}</Done>}
      {me?.has2fa ? (
        <ul className="rows compact">
          {self?.authenticators.map((authenticator) => (
            <li key={authenticator.id} className="row">
              <span className="who">
                <strong>{authenticator.name}</strong> <span className="badge ok">On</span>
              </span>
              <ConfirmButton question="Remove this authenticator?" confirmLabel="Remove" onConfirm={() => remove(authenticator.id)}>
                Remove
              </ConfirmButton>
            </li>
          ))}
        </ul>
      ) : enrolment ? (
        <form onSubmit={confirm} noValidate>
          <ol className="steps">
            <li>Scan this code with an authenticator app (or type the key below into it).</li>
            <li>Enter the 6-digit code the app shows.</li>
          </ol>
          <QrCode value={enrolment.qrcodeUri} label="QR code for your authenticator app" />
          <p>
            Key: <code className="secret">{enrolment.secret}</code>
          </p>
          <TextField
            label="Code from the app"
            name="otp"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={otp}
            onChange={(e) => setOtp(e.target.value)}
            error={error?.fields.otp}
          />
          <FormError error={error} shown={['otp']} />
          <button type="submit" className="primary" disabled={busy || otp.trim().length < 6}>
            Turn on two-factor authentication
          </button>
        </form>
      ) : (
        <>
          <p>Protect your account with a code from an authenticator app each time you sign in. Some organizations require it.</p>
          <button type="button" className="primary" disabled={busy} onClick={() => void start()}>
            Set up an authenticator app
          </button>
          <FormError error={error} />
        </>
      )}
    </section>
  );
}
