import { Link } from '../router';

/** Sentry's `2fa-required` gate: the organization requires 2FA and this account has none yet. */
export function TwoFactorRequired({ orgSlug }: { orgSlug: string }) {
  return (
    <section className="gate" aria-labelledby="gate-title">
      <h1 id="gate-title">Two-factor authentication required</h1>
      <p>
        The organization <strong>{orgSlug}</strong> requires every member to use two-factor authentication. Set up an
        authenticator app on your account, then come back.
      </p>
      <p>
        <Link className="button primary" href={`/account/?enrol=totp&next=/organizations/${encodeURIComponent(orgSlug)}/`}>
          Set up two-factor authentication
        </Link>
      </p>
    </section>
  );
}
