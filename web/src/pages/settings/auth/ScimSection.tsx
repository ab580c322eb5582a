import { useState } from 'react';
import { api, orgPath } from '../../../api';
import { useAction } from '../../../hooks';
import { useOrg } from '../../../session';
import type { AuthProvider, NewScimToken } from '../../../types';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { CopyField } from '../../../components/CopyField';
import { FormError } from '../../../components/FormError';

/** What a rotation answers, or enabling: the token, shown this once. */
interface ShownToken {
  token: string;
  url: string;
  rotated: boolean;
}

/**
 * SCIM provisioning (issue 16): turning it on answers once with the bearer token, which this card
 * shows until the page is left, with its warning; a rotation shows the new one once (the old one
 * works 24 hours more); turning it off says first what it does.
 */
export function ScimSection({ provider, onChanged }: { provider: AuthProvider; onChanged(): void }) {
  const { org } = useOrg();
  const { busy, error, run } = useAction();
  const [shown, setShown] = useState<ShownToken | null>(null);

  const enable = () =>
    run(async () => {
      const { data: answer } = await api.put<AuthProvider>(orgPath(org.slug, 'auth-provider/'), { scim_enabled: true });
      if (answer.scim_api_token && answer.scim_url) setShown({ token: answer.scim_api_token, url: answer.scim_url, rotated: false });
      onChanged();
    });
  const rotate = () =>
    run(async () => {
      const { data: answer } = await api.post<NewScimToken>(orgPath(org.slug, 'auth-provider/rotate-scim-token/'));
      setShown({ token: answer.scim_api_token, url: answer.scim_url, rotated: true });
    });
  const disable = () =>
    run(async () => {
      await api.put<AuthProvider>(orgPath(org.slug, 'auth-provider/'), { scim_enabled: false });
      setShown(null);
      onChanged();
    });

  return (
    <section className="card scim-card" aria-labelledby="scim-heading">
      <h2 id="scim-heading">
        SCIM provisioning <span className={provider.scim_enabled ? 'badge ok' : 'badge'}>{provider.scim_enabled ? 'On' : 'Off'}</span>
      </h2>
      <p className="hint">
        With SCIM on, your identity provider (Okta, Microsoft Entra ID) adds and removes members and teams of {org.name} itself. Members and teams it
        manages can only be removed, left or changed there.
      </p>
      {provider.scim_enabled && provider.scim_url && <CopyField label="SCIM base URL" value={provider.scim_url} hint="Okta: SCIM connector base URL. Entra ID: Tenant URL." />}
      {shown && (
        <div className="scim-token" role="region" aria-label="New SCIM token">
          <CopyField label="SCIM token" value={shown.token} hint="Okta: API token (HTTP Header, Bearer). Entra ID: Secret Token." />
          <p className="warning" role="alert">
            Copy this token now: Roster shows it only this once and keeps only a hash of it.
            {shown.rotated && ' The previous token keeps working for 24 hours, time to paste this one into your identity provider.'}
          </p>
        </div>
      )}
      <div className="actions">
        {provider.scim_enabled ? (
          <>
            <ConfirmButton
              question="Issue a new SCIM token? The current one keeps working for 24 hours, then stops."
              confirmLabel="Rotate token"
              onConfirm={rotate}
              disabled={busy}
              danger={false}
            >
              Rotate SCIM token
            </ConfirmButton>
            <ConfirmButton
              question={`Disable SCIM for ${org.name}? The token is revoked at once, and every member and team the identity provider manages becomes an ordinary one (its idp flags are reset); nobody is removed.`}
              confirmLabel="Disable SCIM"
              onConfirm={disable}
              disabled={busy}
            >
              Disable SCIM
            </ConfirmButton>
          </>
        ) : (
          <button type="button" className="primary" onClick={() => void enable()} disabled={busy}>
            {busy ? 'Enabling…' : 'Enable SCIM'}
          </button>
        )}
      </div>
      <FormError error={error} />
    </section>
  );
}
