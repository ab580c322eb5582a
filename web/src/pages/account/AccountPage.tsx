import { useApi } from '../../hooks';
import { Link, useLocation } from '../../router';
import { useSession } from '../../session';
import { PageHeader } from '../../components/Layout';
import { EmailSection } from './EmailSection';
import { TwoFactorSection } from './TwoFactorSection';
import type { SelfUser } from '../../types';
import { ApiTokens } from './ApiTokens';

/** The signed-in account: email verification, two-factor authentication, API tokens. */
export function AccountPage() {
  const { me } = useSession();
  const { search } = useLocation();
  const self = useApi<SelfUser>('/api/0/users/me/');
  const next = search.get('next');

  return (
    <section>
      <PageHeader title="Account" />
      <p className="muted">
        Signed in as <strong>{me?.email}</strong>
        {me?.name ? ` (${me.name})` : ''}.
      </p>
      {next && me?.has2fa && (
        <p className="done" role="status">
          Two-factor authentication is on. <Link href={next}>Continue to the organization</Link>
        </p>
      )}
      <EmailSection />
      <TwoFactorSection self={self.data} onChanged={self.reload} startEnrolment={search.get('enrol') === 'totp'} />
      <ApiTokens />
    </section>
  );
}
