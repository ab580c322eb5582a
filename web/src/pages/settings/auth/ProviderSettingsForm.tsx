import { useState, type FormEvent } from 'react';
import { api, orgPath } from '../../../api';
import { useAction } from '../../../hooks';
import { useOrg } from '../../../session';
import type { AuthProvider } from '../../../types';
import { Done, FormError } from '../../../components/FormError';
import { CONFIG_ERROR_FIELDS, ProviderConfigFields, configBody, emptyConfig, type ConfigForm } from './ProviderConfigFields';
import type { Protocol } from './service-provider';

/** The form as the stored configuration fills it: addresses and ids; secrets and certificates are never sent back, so they start empty. */
function formFrom(provider: AuthProvider): ConfigForm {
  const { issuer = '', client_id = '', idp_entity_id = '', idp_sso_url = '' } = provider.config;
  return { ...emptyConfig, issuer, client_id, idp_entity_id, idp_sso_url, samlSource: 'explicit' };
}

/**
 * Changes the provider's configuration (a rotated client secret, a new signing certificate, another
 * issuer) without disabling SSO, which would unlink everyone. Only what differs from the stored
 * settings is sent; the API merges it over them and checks the result with the provider again.
 */
export function ProviderSettingsForm({ provider, onSaved }: { provider: AuthProvider; onSaved(): void }) {
  const { org } = useOrg();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<ConfigForm>(() => formFrom(provider));
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();
  const protocol = provider.provider as Protocol;
  const stored: Record<string, string | undefined> = { ...provider.config, client_secret_set: undefined };
  const changes = Object.fromEntries(Object.entries(configBody(protocol, form)).filter(([key, value]) => stored[key] !== value));
  const unchanged = Object.keys(changes).length === 0;

  async function save(event: FormEvent) {
    event.preventDefault();
    const done = await run(() => api.put<AuthProvider>(orgPath(org.slug, 'auth-provider/'), { config: changes }));
    if (!done) return;
    setSaved(true);
    setOpen(false);
    onSaved();
  }

  const start = () => {
    setForm(formFrom(provider));
    setSaved(false);
    setOpen(true);
  };

  if (!open) {
    return (
      <div className="actions">
        <button type="button" onClick={start}>
          Change provider settings
        </button>
        {saved && <Done>Provider settings saved.</Done>}
      </div>
    );
  }
  return (
    <form onSubmit={save} noValidate aria-labelledby="sso-settings">
      <h3 id="sso-settings">Provider settings</h3>
      <p className="hint">
        {protocol === 'oidc'
          ? 'Leave the client secret empty to keep the stored one.'
          : 'Leave the certificate empty to keep the stored one, or paste new metadata XML instead.'}
      </p>
      <fieldset disabled={busy}>
        <ProviderConfigFields protocol={protocol} form={form} onChange={setForm} errors={error?.fields ?? {}} />
      </fieldset>
      <FormError error={error} shown={CONFIG_ERROR_FIELDS} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || unchanged} aria-describedby={unchanged ? 'settings-unchanged' : undefined}>
          {busy ? 'Checking with the identity provider…' : 'Save provider settings'}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
        {unchanged && (
          <span id="settings-unchanged" className="hint">
            Nothing to save: change a setting first.
          </span>
        )}
      </div>
    </form>
  );
}
