import { useEffect, useState, type FormEvent } from 'react';
import { api, orgPath } from '../../../api';
import { useAction } from '../../../hooks';
import { useOrg } from '../../../session';
import type { AuthProvider } from '../../../types';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { Done, FormError } from '../../../components/FormError';
import { ProviderSettingsForm } from './ProviderSettingsForm';
import { ServiceProviderValues } from './ServiceProviderValues';
import { ScimSection } from './ScimSection';
import { SignInRuleFields, type SignInRules } from './SignInRuleFields';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** An enabled provider: what it is, who has not linked yet, its sign-in rules, and the actions on it. */
export function ProviderStatus({ provider, onChanged }: { provider: AuthProvider; onChanged(): void }) {
  const { org } = useOrg();
  return (
    <>
      <section className="card" aria-labelledby="sso-provider">
        <h2 id="sso-provider">Single sign-on through {provider.provider_name}</h2>
        <dl className="facts-list">
          <dt>Provider</dt>
          <dd>{provider.provider_name}</dd>
          {provider.config.issuer && (
            <>
              <dt>Issuer</dt>
              <dd>{provider.config.issuer}</dd>
            </>
          )}
          {provider.config.client_id && (
            <>
              <dt>Client ID</dt>
              <dd>{provider.config.client_id}</dd>
            </>
          )}
          {provider.config.idp_entity_id && (
            <>
              <dt>IdP entity ID</dt>
              <dd>{provider.config.idp_entity_id}</dd>
            </>
          )}
          {provider.config.idp_sso_url && (
            <>
              <dt>IdP SSO URL</dt>
              <dd>{provider.config.idp_sso_url}</dd>
            </>
          )}
          <dt>Waiting to link</dt>
          <dd>{plural(provider.pending_links_count, 'member has', 'members have')} not linked an identity yet</dd>
        </dl>
        <ProviderSettingsForm provider={provider} onSaved={onChanged} />
        <h3>Values your identity provider needs</h3>
        <ServiceProviderValues values={provider.service_provider} />
        <div className="actions">
          {/* The sign-in page of this organization, in a new tab, so this page stays as it is. */}
          <a className="button" href={provider.login_url} target="_blank" rel="noopener noreferrer">
            Test sign-in
          </a>
          <Reminders provider={provider} onSent={onChanged} />
        </div>
      </section>
      <RulesForm provider={provider} onSaved={onChanged} />
      <ScimSection provider={provider} onChanged={onChanged} />
      <DisableSso provider={provider} orgName={org.name} onDisabled={onChanged} />
    </>
  );
}

/** Re-sends the link email to every member without a linked identity; disabled, saying why, when there is nobody. */
function Reminders({ provider, onSent }: { provider: AuthProvider; onSent(): void }) {
  const { org } = useOrg();
  const { busy, error, run } = useAction();
  const [sent, setSent] = useState<number | null>(null);
  const nobody = provider.pending_links_count === 0;
  const send = () =>
    run(async () => {
      await api.post(orgPath(org.slug, 'auth-provider/send-reminders/'));
      setSent(provider.pending_links_count);
      onSent();
    });
  return (
    <>
      <button type="button" onClick={() => void send()} disabled={busy || nobody} aria-describedby={nobody ? 'reminders-none' : undefined}>
        {busy ? 'Sending…' : 'Send reminders'}
      </button>
      {nobody && (
        <span id="reminders-none" className="hint">
          Every member has linked an identity: there is nobody to remind.
        </span>
      )}
      {sent !== null && <Done>{`Reminders sent to ${plural(sent, 'member', 'members')} without a linked identity.`}</Done>}
      <FormError error={error} />
    </>
  );
}

function RulesForm({ provider, onSaved }: { provider: AuthProvider; onSaved(): void }) {
  const { org, reload } = useOrg();
  const initial = { requireLink: provider.require_link, defaultRole: provider.default_role };
  const [rules, setRules] = useState<SignInRules>(initial);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();
  useEffect(() => setSaved(false), [rules]);
  const changes = {
    ...(rules.requireLink === initial.requireLink ? {} : { require_link: rules.requireLink }),
    ...(rules.defaultRole === initial.defaultRole ? {} : { default_role: rules.defaultRole }),
  };
  const unchanged = Object.keys(changes).length === 0;

  async function save(event: FormEvent) {
    event.preventDefault();
    const done = await run(() => api.put<AuthProvider>(orgPath(org.slug, 'auth-provider/'), changes));
    if (!done) return;
    setSaved(true);
    // The default role is the organization's own setting too.
    reload();
    onSaved();
  }

  return (
    <form className="card" onSubmit={save} noValidate aria-labelledby="sso-rules">
      <h2 id="sso-rules">Sign-in rules</h2>
      <fieldset disabled={busy}>
        <SignInRuleFields rules={rules} onChange={setRules} providerName={provider.provider_name} errors={error?.fields ?? {}} />
      </fieldset>
      {saved && <Done>Sign-in rules saved.</Done>}
      <FormError error={error} shown={['require_link', 'default_role']} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || unchanged} aria-describedby={unchanged ? 'rules-unchanged' : undefined}>
          {busy ? 'Saving…' : 'Save sign-in rules'}
        </button>
        {unchanged && (
          <span id="rules-unchanged" className="hint">
            Nothing to save: change a rule first.
          </span>
        )}
      </div>
    </form>
  );
}

/** Turning SSO off, after saying what it does to every member. */
function DisableSso({ provider, orgName, onDisabled }: { provider: AuthProvider; orgName: string; onDisabled(): void }) {
  const { org, reload } = useOrg();
  const { busy, error, run } = useAction();
  const disable = () =>
    run(async () => {
      await api.delete(orgPath(org.slug, 'auth-provider/'));
      reload();
      onDisabled();
    });
  return (
    <section className="card danger-card sso-disable" aria-labelledby="sso-disable">
      <h2 id="sso-disable">Disable single sign-on</h2>
      <p className="hint">
        Every member of {orgName} is emailed that {provider.provider_name} sign-in is off, every linked identity is removed, and members sign in with
        an email link again. Enabling SSO later asks every member to link again.
      </p>
      <div className="actions">
        <ConfirmButton
          question={`Disable SSO for ${orgName}? Every member is emailed and every linked identity is removed.`}
          confirmLabel="Disable SSO"
          onConfirm={disable}
          disabled={busy}
        >
          Disable SSO
        </ConfirmButton>
      </div>
      <FormError error={error} />
    </section>
  );
}
