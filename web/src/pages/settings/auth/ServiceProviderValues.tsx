import { CopyField } from '../../../components/CopyField';
import type { ServiceProvider } from './service-provider';

/** The values to paste at the identity provider, each with the names the big providers give that field. */
export function ServiceProviderValues({ values }: { values: ServiceProvider }) {
  return (
    <>
      {values.redirect_uri && (
        <CopyField label="Redirect URI" value={values.redirect_uri} hint="Okta: Sign-in redirect URI. Entra ID: Redirect URI of a Web platform." />
      )}
      {values.acs_url && (
        <CopyField label="ACS URL" value={values.acs_url} hint="Assertion Consumer Service URL. Okta: Single sign-on URL. Entra ID: Reply URL." />
      )}
      {values.entity_id && (
        <CopyField label="Entity ID" value={values.entity_id} hint="Roster's entity id, the audience. Okta: Audience URI (SP Entity ID). Entra ID: Identifier." />
      )}
      {values.metadata_url && (
        <CopyField label="SP metadata URL" value={values.metadata_url} hint="Roster's service-provider metadata, for identity providers that read it themselves." />
      )}
    </>
  );
}
