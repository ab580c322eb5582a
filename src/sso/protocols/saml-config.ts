/**
 * Checks a SAML identity provider's configuration before Roster keeps it, in either form the API
 * accepts: the IdP's metadata XML, or its entity id, single sign-on URL and signing certificate.
 * Guarantees: the entity id is present, the SSO URL is https (or loopback http) and accepts the
 * HTTP-Redirect binding Roster sends AuthnRequests with, and the signing certificate parses as X.509
 * and is valid now. Each failure is a `ProviderConfigError` naming the request field.
 */
import { X509Certificate } from 'node:crypto';
import { ProviderConfigError } from './errors.js';
import { parseProviderUrl } from './loopback.js';
import { childElements, descendants, parseXml, SAML_METADATA_NS, XML_DSIG_NS } from './saml-xml.js';

export interface SamlIdpConfig {
  entityId: string;
  ssoUrl: string;
  /** The IdP's signing certificate: base64 DER, no PEM armour or whitespace. */
  x509cert: string;
}

const REDIRECT_BINDING = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
/** Metadata larger than this is not an IdP's (Entra ID's, with several certificates, is ~10 KB). */
const MAX_METADATA_CHARS = 200_000;

/** The certificate as base64 DER, or a reason it cannot be Roster's trust anchor for this IdP. */
function checkCertificate(value: string, now: Date): string | { reason: string } {
  const body = value.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  if (body === '' || !/^[A-Za-z0-9+/]+=*$/.test(body)) return { reason: 'must be a base64 or PEM X.509 certificate' };
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(Buffer.from(body, 'base64'));
  } catch {
    return { reason: 'is not a parseable X.509 certificate' };
  }
  if (new Date(certificate.validTo) <= now) return { reason: `expired on ${new Date(certificate.validTo).toISOString()}` };
  if (new Date(certificate.validFrom) > now) return { reason: `is not valid before ${new Date(certificate.validFrom).toISOString()}` };
  return body;
}

function checked(config: SamlIdpConfig, fields: Record<keyof SamlIdpConfig, string>, now: Date): SamlIdpConfig {
  const entityId = config.entityId?.trim();
  if (!entityId) throw new ProviderConfigError(fields.entityId, 'is required');
  const ssoUrl = parseProviderUrl(config.ssoUrl?.trim() ?? '');
  if (typeof ssoUrl === 'string') throw new ProviderConfigError(fields.ssoUrl, ssoUrl);
  const x509cert = checkCertificate(config.x509cert ?? '', now);
  if (typeof x509cert !== 'string') throw new ProviderConfigError(fields.x509cert, x509cert.reason);
  return { entityId, ssoUrl: ssoUrl.href, x509cert };
}

/** Checks the explicit form (`idp_entity_id`, `idp_sso_url`, `idp_x509cert`). */
export function checkSamlIdpConfig(config: SamlIdpConfig, now = new Date()): SamlIdpConfig {
  return checked(config, { entityId: 'config.idp_entity_id', ssoUrl: 'config.idp_sso_url', x509cert: 'config.idp_x509cert' }, now);
}

/** The signing certificates of an IDPSSODescriptor (KeyDescriptors without `use` sign too). */
function signingCertificates(descriptor: Element): string[] {
  return childElements(descriptor, SAML_METADATA_NS, 'KeyDescriptor')
    .filter((key) => (key.getAttribute('use') || 'signing') === 'signing')
    .flatMap((key) => descendants(key, XML_DSIG_NS, 'X509Certificate'))
    .map((element) => element.textContent ?? '');
}

/** Reads `config.idp_metadata_xml`: entity id, HTTP-Redirect SSO URL and a currently valid signing certificate. */
export function parseIdpMetadata(xml: string, now = new Date()): SamlIdpConfig {
  const field = 'config.idp_metadata_xml';
  if (typeof xml !== 'string' || xml.trim() === '') throw new ProviderConfigError(field, 'is required');
  if (xml.length > MAX_METADATA_CHARS) throw new ProviderConfigError(field, `must be at most ${MAX_METADATA_CHARS} characters`);
  const document = parseXml(xml.trim());
  if (typeof document === 'string') throw new ProviderConfigError(field, document);
  // An aggregate (EntitiesDescriptor) is accepted when exactly one entity in it is an IdP.
  const identityProviders = descendants(document, SAML_METADATA_NS, 'EntityDescriptor').filter(
    (entity) => childElements(entity, SAML_METADATA_NS, 'IDPSSODescriptor').length > 0,
  );
  if (identityProviders.length !== 1) {
    throw new ProviderConfigError(field, identityProviders.length === 0 ? 'describes no identity provider (no IDPSSODescriptor)' : 'describes several identity providers');
  }
  const entity = identityProviders[0]!;
  const descriptor = childElements(entity, SAML_METADATA_NS, 'IDPSSODescriptor')[0]!;
  const ssoUrl = childElements(descriptor, SAML_METADATA_NS, 'SingleSignOnService').find(
    (service) => service.getAttribute('Binding') === REDIRECT_BINDING,
  )?.getAttribute('Location');
  if (!ssoUrl) throw new ProviderConfigError(field, 'names no SingleSignOnService with the HTTP-Redirect binding');
  const certificates = signingCertificates(descriptor);
  if (certificates.length === 0) throw new ProviderConfigError(field, 'names no signing certificate');
  // During a key rollover the IdP lists the old and the new certificate; the first valid one is kept.
  const usable = certificates.map((certificate) => checkCertificate(certificate, now));
  const x509cert = usable.find((result): result is string => typeof result === 'string');
  if (!x509cert) throw new ProviderConfigError(field, `signing certificate ${(usable[0] as { reason: string }).reason}`);
  return checked({ entityId: entity.getAttribute('entityID') ?? '', ssoUrl, x509cert }, { entityId: field, ssoUrl: field, x509cert: field }, now);
}
