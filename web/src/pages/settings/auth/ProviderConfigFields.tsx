import { TextAreaField, TextField } from '../../../components/Field';
import type { Protocol } from './service-provider';

/** Everything either protocol takes, as the form holds it (the API's `config` field names). */
export interface ConfigForm {
  issuer: string;
  client_id: string;
  client_secret: string;
  samlSource: 'metadata' | 'explicit';
  idp_metadata_xml: string;
  idp_entity_id: string;
  idp_sso_url: string;
  idp_x509cert: string;
}

export const emptyConfig: ConfigForm = {
  issuer: '',
  client_id: '',
  client_secret: '',
  samlSource: 'metadata',
  idp_metadata_xml: '',
  idp_entity_id: '',
  idp_sso_url: '',
  idp_x509cert: '',
};

const OIDC_KEYS = ['issuer', 'client_id', 'client_secret'] as const;
const SAML_KEYS = { metadata: ['idp_metadata_xml'], explicit: ['idp_entity_id', 'idp_sso_url', 'idp_x509cert'] } as const;

/** The keys of the API's 400 body that name a configuration field (`config.issuer`…): each is shown beside its field. */
export const CONFIG_ERROR_FIELDS = [...OIDC_KEYS, ...SAML_KEYS.metadata, ...SAML_KEYS.explicit].map((key) => `config.${key}`);

/**
 * The `config` to send: the chosen protocol's fields (SAML: the metadata or the three explicit
 * fields), trimmed; an empty one is left out, so the API names it as required instead of trying it.
 */
export function configBody(protocol: Protocol, form: ConfigForm): Record<string, string> {
  const keys = protocol === 'oidc' ? OIDC_KEYS : SAML_KEYS[form.samlSource];
  return Object.fromEntries(keys.map((key) => [key, form[key].trim()]).filter(([, value]) => value !== ''));
}

/** The identity provider's side of the connection: an OIDC client, or a SAML IdP by its metadata or by hand. */
export function ProviderConfigFields({
  protocol,
  form,
  onChange,
  errors,
}: {
  protocol: Protocol;
  form: ConfigForm;
  onChange(form: ConfigForm): void;
  errors: Record<string, string>;
}) {
  const set = <K extends keyof ConfigForm>(key: K, value: ConfigForm[K]) => onChange({ ...form, [key]: value });
  const text = (key: Exclude<keyof ConfigForm, 'samlSource'>) => ({
    name: key,
    value: form[key],
    error: errors[`config.${key}`],
    onChange: (e: { target: { value: string } }) => set(key, e.target.value),
  });

  if (protocol === 'oidc') {
    return (
      <>
        <TextField label="Issuer" type="url" maxLength={2048} placeholder="https://example.okta.com" hint="Roster reads /.well-known/openid-configuration under it." {...text('issuer')} />
        <TextField label="Client ID" maxLength={512} autoComplete="off" {...text('client_id')} />
        <TextField label="Client secret" type="password" maxLength={2048} autoComplete="new-password" hint="Kept encrypted; never shown again." {...text('client_secret')} />
      </>
    );
  }
  return (
    <>
      <fieldset>
        <legend>Identity provider settings</legend>
        <div className="choice">
          <label className="inline">
            <input type="radio" name="saml-source" checked={form.samlSource === 'metadata'} onChange={() => set('samlSource', 'metadata')} />
            Paste its metadata XML
          </label>
          <label className="inline">
            <input type="radio" name="saml-source" checked={form.samlSource === 'explicit'} onChange={() => set('samlSource', 'explicit')} />
            Enter its entity ID, SSO URL and certificate
          </label>
        </div>
      </fieldset>
      {form.samlSource === 'metadata' ? (
        <TextAreaField label="IdP metadata XML" maxLength={100_000} rows={8} spellCheck={false} {...text('idp_metadata_xml')} />
      ) : (
        <>
          <TextField label="IdP entity ID" maxLength={1024} {...text('idp_entity_id')} />
          <TextField label="IdP SSO URL" type="url" maxLength={2048} hint="Where Roster sends people to sign in (HTTP-Redirect binding)." {...text('idp_sso_url')} />
          <TextAreaField label="IdP signing certificate" maxLength={16_384} rows={6} spellCheck={false} hint="PEM (-----BEGIN CERTIFICATE-----) or base64." {...text('idp_x509cert')} />
        </>
      )}
    </>
  );
}
