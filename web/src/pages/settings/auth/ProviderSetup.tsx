import { useState, type FormEvent } from 'react';
import { api, orgPath } from '../../../api';
import { useAction } from '../../../hooks';
import { useOrg } from '../../../session';
import { FormError } from '../../../components/FormError';
import { ProviderConfigFields, configBody, emptyConfig, CONFIG_ERROR_FIELDS, type ConfigForm } from './ProviderConfigFields';
import { ServiceProviderValues } from './ServiceProviderValues';
import { SignInRuleFields, type SignInRules } from './SignInRuleFields';
import { expectedServiceProvider, type Protocol } from './service-provider';

const PROTOCOLS: Array<[Protocol, string]> = [
  ['oidc', 'OpenID Connect'],
  ['saml2', 'SAML 2.0'],
];

/**
 * Enabling SSO: first the values to register Roster with at the identity provider, then what the
 * identity provider hands back. The server checks the configuration with the provider before it
 * keeps it, so a wrong issuer or certificate comes back as a message beside its field.
 */
export function ProviderSetup({ onCreated }: { onCreated(): void }) {
  const { org } = useOrg();
  const [protocol, setProtocol] = useState<Protocol>('oidc');
  const [config, setConfig] = useState<ConfigForm>(emptyConfig);
  const [rules, setRules] = useState<SignInRules>({ requireLink: true, defaultRole: org.defaultRole });
  const { busy, error, run } = useAction();
  const errors = error?.fields ?? {};
  const protocolName = PROTOCOLS.find(([key]) => key === protocol)![1];

  async function enable(event: FormEvent) {
    event.preventDefault();
    const created = await run(() =>
      api.post(orgPath(org.slug, 'auth-provider/'), {
        provider: protocol,
        config: configBody(protocol, config),
        require_link: rules.requireLink,
        // Sent only when changed: the organization's default role is already the API's default.
        ...(rules.defaultRole === org.defaultRole ? {} : { default_role: rules.defaultRole }),
      }),
    );
    if (created) onCreated();
  }

  return (
    <form className="card" onSubmit={enable} noValidate aria-labelledby="sso-setup">
      <h2 id="sso-setup">Set up single sign-on</h2>
      <p className="hint">
        Members of {org.name} then sign in through your identity provider. Each member without a linked identity is emailed a link to
        connect theirs.
        {org.require2FA && ' Enabling SSO turns off "Require two-factor authentication": the identity provider decides how people prove who they are.'}
      </p>
      <fieldset disabled={busy}>
        <legend>Protocol</legend>
        <div className="choice">
          {PROTOCOLS.map(([key, label]) => (
            <label key={key} className="inline">
              <input type="radio" name="protocol" value={key} checked={protocol === key} onChange={() => setProtocol(key)} />
              {label}
            </label>
          ))}
        </div>
        {errors.provider && <p className="field-error">{errors.provider}</p>}
      </fieldset>
      <h3>1. Register Roster at your identity provider</h3>
      <ServiceProviderValues values={expectedServiceProvider(org, protocol)} />
      <h3>2. Enter what your identity provider gives you</h3>
      <fieldset disabled={busy}>
        <ProviderConfigFields protocol={protocol} form={config} onChange={setConfig} errors={errors} />
        <SignInRuleFields rules={rules} onChange={setRules} providerName={protocolName} errors={errors} />
      </fieldset>
      <FormError error={error} shown={[...CONFIG_ERROR_FIELDS, 'provider', 'require_link', 'default_role']} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Checking with the identity provider…' : 'Enable single sign-on'}
        </button>
      </div>
    </form>
  );
}
