import { orgPath } from '../../../api';
import { useApi } from '../../../hooks';
import { hasScope, useOrg } from '../../../session';
import type { AuthProvider } from '../../../types';
import { PageHeader } from '../../../components/Layout';
import { PageSkeleton } from '../../../components/Skeleton';
import { SettingsNav } from '../SettingsNav';
import { ProviderSetup } from './ProviderSetup';
import { ProviderStatus } from './ProviderStatus';

/**
 * Settings › Authentication: the organization's single sign-on. Only requesters with org:write may
 * read or change the provider (the API answers others 403), so they see whether SSO is on and why
 * they cannot change it.
 */
export function AuthPage() {
  const { org, reload } = useOrg();
  const canEdit = hasScope(org, 'org:write') || hasScope(org, 'org:admin');
  const provider = useApi<AuthProvider>(canEdit ? orgPath(org.slug, 'auth-provider/') : null);
  const changed = () => {
    provider.reload();
    reload();
  };

  let body;
  if (!canEdit) {
    body = (
      <div className="card">
        <p>
          {org.hasAuthProvider
            ? `Members of ${org.name} sign in through single sign-on${org.requiresSso ? ', which is required' : ''}.`
            : `${org.name} does not use single sign-on: members sign in with email links.`}
        </p>
        <p className="muted">Changing how members sign in needs the manager or owner role.</p>
      </div>
    );
  } else if (provider.error?.status === 404) body = <ProviderSetup onCreated={changed} />;
  else if (provider.error) body = <p className="form-error" role="alert">{provider.error.message}</p>;
  else if (!provider.data) body = <PageSkeleton label="single sign-on" />;
  else body = <ProviderStatus provider={provider.data} onChanged={changed} />;

  return (
    <section>
      <PageHeader title="Authentication" />
      <SettingsNav />
      {body}
    </section>
  );
}
