import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { ProviderConfigError } from '../../src/sso/protocols/errors.js';
import { checkSamlIdpConfig, parseIdpMetadata } from '../../src/sso/protocols/saml.js';
import { certificateBody, testCertificate } from '../helpers/saml-certificates.js';
import { startSamlIdp, type TestSamlIdp } from '../helpers/saml-idp.js';

// A SAML identity provider's configuration is checked before Roster keeps it; each mistake is a
// ProviderConfigError naming the request field and saying what is wrong.
let idp: TestSamlIdp;
let expiredCertificate: string;

before(async () => {
  idp = await startSamlIdp({ entityId: 'https://roster.test/saml/metadata/acme/', acsUrl: 'https://roster.test/saml/acs/acme/' });
  expiredCertificate = certificateBody((await testCertificate('Old IdP key', { fromDays: -60, days: 30 })).certificate);
});

function rejectsNaming(field: string, reason: RegExp, attempt: () => unknown) {
  assert.throws(attempt, (error: unknown) => {
    assert.ok(error instanceof ProviderConfigError, `expected a ProviderConfigError, got ${String(error)}`);
    assert.equal(error.field, field);
    assert.match(error.reason, reason);
    return true;
  });
}

describe('SAML IdP metadata', () => {
  it('yields the entity id, the HTTP-Redirect SSO URL and the signing certificate', () => {
    assert.deepEqual(parseIdpMetadata(idp.metadataXml), { entityId: idp.entityId, ssoUrl: idp.ssoUrl, x509cert: idp.certificate });
  });

  const field = 'config.idp_metadata_xml';
  it('names the field for XML that is not well-formed', () => {
    rejectsNaming(field, /well-formed/, () => parseIdpMetadata('<EntityDescriptor><IDPSSODescriptor></EntityDescriptor>'));
  });

  it('refuses a document type declaration (no entity expansion)', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${idp.metadataXml.replace(/^<\?xml[^>]*\?>/, '')}`;
    rejectsNaming(field, /document type/, () => parseIdpMetadata(xml));
  });

  it('names the field when the metadata describes no identity provider', () => {
    const spOnly = '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"><md:SPSSODescriptor/></md:EntityDescriptor>';
    rejectsNaming(field, /no identity provider/, () => parseIdpMetadata(spOnly));
  });

  it('names the field when no SSO service takes the HTTP-Redirect binding', () => {
    rejectsNaming(field, /HTTP-Redirect/, () => parseIdpMetadata(idp.metadataXml.replace(/bindings:HTTP-Redirect/g, 'bindings:HTTP-Artifact')));
  });

  it('names the field when the signing certificate is missing, unparseable or expired', () => {
    rejectsNaming(field, /no signing certificate/, () => parseIdpMetadata(idp.metadataXml.replace(/<(\w+:)?KeyDescriptor[\s\S]*<\/(\w+:)?KeyDescriptor>/g, '')));
    rejectsNaming(field, /not a parseable X\.509/, () => parseIdpMetadata(idp.metadataXml.split(idp.certificate).join('AAAA' + idp.certificate.slice(4, 40))));
    rejectsNaming(field, /expired/, () => parseIdpMetadata(idp.metadataXml.split(idp.certificate).join(expiredCertificate)));
  });

  it('names the field when it is empty', () => {
    rejectsNaming(field, /required/, () => parseIdpMetadata('  '));
  });
});

describe('SAML IdP explicit configuration', () => {
  const valid = () => ({ entityId: idp.entityId, ssoUrl: idp.ssoUrl, x509cert: idp.certificate });

  it('accepts a PEM certificate and keeps its base64 body', () => {
    const pem = `-----BEGIN CERTIFICATE-----\n${idp.certificate.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
    assert.deepEqual(checkSamlIdpConfig({ ...valid(), x509cert: pem }), valid());
  });

  it('names each field that is wrong', () => {
    rejectsNaming('config.idp_entity_id', /required/, () => checkSamlIdpConfig({ ...valid(), entityId: '' }));
    rejectsNaming('config.idp_sso_url', /https/, () => checkSamlIdpConfig({ ...valid(), ssoUrl: 'http://idp.example.com/sso' }));
    rejectsNaming('config.idp_sso_url', /absolute URL/, () => checkSamlIdpConfig({ ...valid(), ssoUrl: 'sso' }));
    rejectsNaming('config.idp_x509cert', /base64 or PEM/, () => checkSamlIdpConfig({ ...valid(), x509cert: 'not a certificate!' }));
    rejectsNaming('config.idp_x509cert', /not a parseable X\.509/, () => checkSamlIdpConfig({ ...valid(), x509cert: 'AAAA' }));
    rejectsNaming('config.idp_x509cert', /expired/, () => checkSamlIdpConfig({ ...valid(), x509cert: expiredCertificate }));
  });
});
