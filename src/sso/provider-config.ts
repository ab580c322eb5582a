import type { Config } from '../config.js';
import { fieldError } from '../platform/http/errors.js';
import { NAME_PATTERN } from '../platform/lib/names.js';
import { openSecret, sealSecret, SecretBoxError } from '../platform/lib/secret-box.js';
import { ProviderConfigError } from './protocols/errors.js';
import { discoverOidc } from './protocols/oidc.js';
import { checkSamlIdpConfig, parseIdpMetadata } from './protocols/saml.js';
import type { ProviderConfigBody, ProviderKey } from './auth-provider.schemas.js';

/**
 * A provider's configuration from the API to the stored row and back. Checked with the protocol
 * module before it is kept (OIDC discovery, SAML metadata and certificate), secrets sealed with
 * ROSTER_SECRET_KEY. What is stored never holds a secret in the clear, and what the API shows of it
 * (`publicConfig`) never holds one at all.
 */

export interface StoredOidcConfig {
  issuer: string;
  client_id: string;
  client_secret_sealed: string;
}

export interface StoredSamlConfig {
  idp_entity_id: string;
  idp_sso_url: string;
  idp_x509cert: string;
}

export type StoredConfig = StoredOidcConfig | StoredSamlConfig;

const OIDC_FIELDS = ['issuer', 'client_id', 'client_secret'] as const;
const SAML_FIELDS = ['idp_metadata_xml', 'idp_entity_id', 'idp_sso_url', 'idp_x509cert'] as const;
const SAML_EXPLICIT = ['idp_entity_id', 'idp_sso_url', 'idp_x509cert'] as const;

/** The associated data a client secret is sealed with: it opens only in its own organization's row. */
const secretContext = (orgId: string) => `auth_providers:${orgId}:client_secret`;

const asFieldError = (error: unknown) => {
  if (error instanceof ProviderConfigError) return fieldError(error.field, `${error.reason.charAt(0).toUpperCase()}${error.reason.slice(1)}.`);
  return error;
};

function refuseForeignFields(config: ProviderConfigBody, foreign: readonly string[], provider: ProviderKey) {
  const field = foreign.find((name) => name in config);
  if (field) throw fieldError(`config.${field}`, `Not a setting of the ${provider} provider.`);
}

/** Settings that are one line (URLs, ids, a secret); the metadata XML and a PEM certificate have lines. */
const MULTILINE = new Set(['idp_metadata_xml', 'idp_x509cert']);
// With the `u` flag a surrogate in a class matches only an unpaired one (as NAME_PATTERN relies on).
const ONE_LINE = new RegExp(NAME_PATTERN, 'u');
const LINES_PATTERN = '^[^\\u0001-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\ud800-\\udfff]*$';
const LINES = new RegExp(LINES_PATTERN, 'u');

/**
 * Text the providers and PostgreSQL can take: an unpaired surrogate cannot be stored in a JSON column
 * (nor sent to a provider as it was typed), and a control character in a URL or an id is a mistake.
 */
function refuseUnusableText(config: ProviderConfigBody) {
  for (const [field, value] of Object.entries(config)) {
    if (typeof value !== 'string') continue;
    const bad = !(MULTILINE.has(field) ? LINES : ONE_LINE).test(value);
    if (bad) throw fieldError(`config.${field}`, 'Must be plain text, without control characters or unpaired surrogates.');
  }
}

export interface CheckDeps {
  config: Pick<Config, 'secretKey'>;
  orgId: string;
}

/**
 * Checks a configuration (for an update: the stored one with the body's fields over it) and returns
 * what to store. 400 naming `config.<field>`: a missing field, fields of the other protocol, a client
 * secret while the server has no ROSTER_SECRET_KEY, an issuer whose discovery fails or lacks an
 * endpoint, metadata that does not parse, a certificate that is not a valid X.509 one. Makes network
 * requests (OIDC discovery): call it outside any transaction.
 */
export async function checkProviderConfig(deps: CheckDeps, provider: ProviderKey, body: ProviderConfigBody, stored?: StoredConfig): Promise<StoredConfig> {
  refuseUnusableText(body);
  try {
    return provider === 'oidc' ? await checkOidc(deps, body, stored as StoredOidcConfig | undefined) : checkSaml(body, stored as StoredSamlConfig | undefined);
  } catch (error) {
    throw asFieldError(error);
  }
}

async function checkOidc({ config, orgId }: CheckDeps, body: ProviderConfigBody, stored?: StoredOidcConfig): Promise<StoredOidcConfig> {
  refuseForeignFields(body, SAML_FIELDS, 'oidc');
  const issuer = body.issuer ?? stored?.issuer ?? '';
  const clientId = body.client_id ?? stored?.client_id ?? '';
  for (const field of OIDC_FIELDS) {
    if (body[field] === undefined && stored === undefined) throw fieldError(`config.${field}`, 'This field is required.');
  }
  if (!config.secretKey) {
    throw fieldError('config.client_secret', 'The server has no ROSTER_SECRET_KEY, so it cannot keep a client secret encrypted; set one (openssl rand -base64 32) and restart.');
  }
  const clientSecret = body.client_secret ?? (stored ? openStoredSecret(config.secretKey, orgId, stored) : '');
  await discoverOidc({ issuer, clientId, clientSecret });
  return {
    issuer: issuer.trim(),
    client_id: clientId.trim(),
    client_secret_sealed: sealSecret(config.secretKey, secretContext(orgId), clientSecret.trim()),
  };
}

function openStoredSecret(key: Buffer, orgId: string, stored: StoredOidcConfig): string {
  try {
    return openSecret(key, secretContext(orgId), stored.client_secret_sealed);
  } catch (error) {
    if (!(error instanceof SecretBoxError)) throw error;
    // The key changed since the secret was stored: only a new secret can fix that.
    throw fieldError('config.client_secret', 'The stored client secret cannot be decrypted with the current ROSTER_SECRET_KEY; send the client secret again.');
  }
}

function checkSaml(body: ProviderConfigBody, stored?: StoredSamlConfig): StoredSamlConfig {
  refuseForeignFields(body, OIDC_FIELDS, 'saml2');
  if (body.idp_metadata_xml !== undefined) {
    const explicit = SAML_EXPLICIT.find((field) => body[field] !== undefined);
    if (explicit) throw fieldError(`config.${explicit}`, 'Send either idp_metadata_xml or idp_entity_id, idp_sso_url and idp_x509cert, not both.');
    const idp = parseIdpMetadata(body.idp_metadata_xml);
    return { idp_entity_id: idp.entityId, idp_sso_url: idp.ssoUrl, idp_x509cert: idp.x509cert };
  }
  if (stored === undefined) {
    const missing = SAML_EXPLICIT.find((field) => body[field] === undefined);
    if (missing) throw fieldError(`config.${missing}`, 'This field is required (or send idp_metadata_xml instead).');
  }
  const idp = checkSamlIdpConfig({
    entityId: body.idp_entity_id ?? stored?.idp_entity_id ?? '',
    ssoUrl: body.idp_sso_url ?? stored?.idp_sso_url ?? '',
    x509cert: body.idp_x509cert ?? stored?.idp_x509cert ?? '',
  });
  return { idp_entity_id: idp.entityId, idp_sso_url: idp.ssoUrl, idp_x509cert: idp.x509cert };
}

/** The client secret of a stored OIDC configuration, for the sign-in flow; throws when the key cannot open it. */
export function clientSecretOf(key: Buffer, orgId: string, stored: StoredOidcConfig): string {
  return openSecret(key, secretContext(orgId), stored.client_secret_sealed);
}

/** What the API shows of a stored configuration: addresses and ids, never a secret. */
export function publicConfig(provider: string, stored: Record<string, unknown>) {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  if (provider === 'oidc') {
    return { issuer: text(stored.issuer), client_id: text(stored.client_id), client_secret_set: typeof stored.client_secret_sealed === 'string' };
  }
  if (provider === 'saml2') return { idp_entity_id: text(stored.idp_entity_id), idp_sso_url: text(stored.idp_sso_url) };
  return {};
}
