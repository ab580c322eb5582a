/**
 * A SAML 2.0 identity provider for the SSO tests, built with samlify and a certificate made at test
 * time. It reads Roster's AuthnRequest (redirect binding), answers with a POST-binding SAMLResponse
 * for a user, publishes its metadata, and can produce the malicious responses an attacker would
 * send: see `ResponseVariant`. samlify's XML schema check is replaced by a pass-through here only:
 * this IdP reads requests Roster itself generated; Roster's side validates with node-saml.
 */
import * as samlify from 'samlify';
import type { SamlServiceProvider } from '../../src/sso/protocols/saml.js';
import { samlServiceProviderMetadata } from '../../src/sso/protocols/saml.js';
import { commentInNameId, strippedOfSignatures, tamperedAfterSigning, wrappedSignature } from './saml-attacks.js';
import { certificateBody, testCertificate, type TestKeyPair } from './saml-certificates.js';

samlify.setSchemaValidator({ validate: async () => 'skipped: test identity provider' });

export interface SamlUser {
  nameId: string;
  email?: string;
  name?: string;
}

/** How the response departs from a genuine one. Timing and addressing are changed before signing. */
export type ResponseVariant =
  | 'genuine'
  | 'tampered' // the signed assertion's NameID edited after signing
  | 'signature-wrapping' // a forged assertion carries the genuine signature, the signed one hidden inside it
  | 'wrong-audience'
  | 'wrong-recipient'
  | 'wrong-destination'
  | 'wrong-issuer'
  | 'expired'
  | 'not-yet-valid'
  | 'unsigned-assertion' // the response is signed, its assertion is not
  | 'unsigned' // no signature anywhere
  | 'idp-initiated' // no InResponseTo: not an answer to any request
  | 'comment-in-nameid'; // a comment inserted after signing splits the NameID after its first '.com'

export interface TestSamlIdp {
  entityId: string;
  ssoUrl: string;
  keys: TestKeyPair;
  /** The base64 body of the signing certificate (for the explicit configuration form). */
  certificate: string;
  metadataXml: string;
  /** Reads the AuthnRequest in `authnRequestUrl` and answers it for `user`: the POSTed `SAMLResponse`. */
  respond(authnRequestUrl: string, user: SamlUser, variant?: ResponseVariant, options?: { signWith?: TestKeyPair }): Promise<string>;
  /** The id of the AuthnRequest in `authnRequestUrl`, as this IdP reads it. */
  requestIdOf(authnRequestUrl: string): Promise<string>;
}

const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
const MINUTE_MS = 60_000;

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function attributeStatement(user: SamlUser): string {
  const attributes = Object.entries({ email: user.email, name: user.name })
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `<saml:Attribute Name="${name}"><saml:AttributeValue>${escapeXml(value)}</saml:AttributeValue></saml:Attribute>`);
  return attributes.length > 0 ? `<saml:AttributeStatement>${attributes.join('')}</saml:AttributeStatement>` : '';
}

/** The template values of a genuine response, then the variant's change to them. */
function templateValues(idpEntityId: string, sp: SamlServiceProvider, requestId: string, user: SamlUser, variant: ResponseVariant) {
  const now = Date.now();
  const at = (offsetMs: number) => new Date(now + offsetMs).toISOString();
  const values: Record<string, string> = {
    ID: `_response-${crypto.randomUUID()}`,
    AssertionID: `_assertion-${crypto.randomUUID()}`,
    Destination: sp.acsUrl,
    Audience: sp.entityId,
    SubjectRecipient: sp.acsUrl,
    Issuer: idpEntityId,
    IssueInstant: at(0),
    StatusCode: 'urn:oasis:names:tc:SAML:2.0:status:Success',
    ConditionsNotBefore: at(0),
    ConditionsNotOnOrAfter: at(5 * MINUTE_MS),
    SubjectConfirmationDataNotOnOrAfter: at(5 * MINUTE_MS),
    NameIDFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
    NameID: user.nameId,
    InResponseTo: requestId,
    AuthnStatement: `<saml:AuthnStatement AuthnInstant="${at(0)}" SessionIndex="_session-1"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>`,
    AttributeStatement: attributeStatement(user),
  };
  const changes: Partial<Record<ResponseVariant, Record<string, string>>> = {
    'wrong-audience': { Audience: 'https://another-service.example/saml' },
    'wrong-recipient': { SubjectRecipient: 'https://another-service.example/saml/acs/' },
    'wrong-destination': { Destination: 'https://another-service.example/saml/acs/' },
    'wrong-issuer': { Issuer: 'https://another-idp.example/' },
    expired: {
      IssueInstant: at(-20 * MINUTE_MS),
      ConditionsNotBefore: at(-20 * MINUTE_MS),
      ConditionsNotOnOrAfter: at(-10 * MINUTE_MS),
      SubjectConfirmationDataNotOnOrAfter: at(-10 * MINUTE_MS),
    },
    'not-yet-valid': { ConditionsNotBefore: at(10 * MINUTE_MS), ConditionsNotOnOrAfter: at(20 * MINUTE_MS), SubjectConfirmationDataNotOnOrAfter: at(20 * MINUTE_MS) },
    'idp-initiated': { InResponseTo: '' },
  };
  return { ...values, ...changes[variant] };
}

/** Fills samlify's response template: values escaped, the two statement fragments inserted as XML. */
function fill(template: string, values: Record<string, string>): string {
  const rendered = template.replace(/\{(\w+)\}/g, (_match, key: string) =>
    key === 'AuthnStatement' || key === 'AttributeStatement' ? (values[key] ?? '') : escapeXml(values[key] ?? ''),
  );
  // An IdP-initiated response has no InResponseTo attributes at all, not empty ones.
  return rendered.replace(/ InResponseTo=""/g, '');
}

/** `ssoUrl`: where the metadata says the IdP's sign-in page is (saml-idp-pages.ts serves one; by default nothing does). */
export async function startSamlIdp(sp: SamlServiceProvider, options: { entityId?: string; ssoUrl?: string } = {}): Promise<TestSamlIdp> {
  const keys = await testCertificate('Roster test SAML IdP');
  const entityId = options.entityId ?? 'https://idp.test.invalid/saml';
  const ssoUrl = options.ssoUrl ?? 'https://idp.test.invalid/saml/sso';
  const identityProvider = (signing: TestKeyPair) =>
    samlify.IdentityProvider({
      entityID: entityId,
      privateKey: signing.privateKey,
      signingCert: signing.certificate,
      nameIDFormat: ['urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified'],
      singleSignOnService: [
        { Binding: REDIRECT, Location: ssoUrl },
        { Binding: POST, Location: ssoUrl },
      ],
      requestSignatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    });
  const idp = identityProvider(keys);
  const spMetadata = await samlServiceProviderMetadata(sp);
  const rosterAsSeenByIdp = samlify.ServiceProvider({ metadata: spMetadata });
  // The same SP, had it not asked for signed assertions: samlify then signs only the response.
  const rosterWithoutSignedAssertions = samlify.ServiceProvider({ metadata: spMetadata.replace('WantAssertionsSigned="true"', 'WantAssertionsSigned="false"') });

  async function requestIdOf(authnRequestUrl: string): Promise<string> {
    const query = Object.fromEntries(new URL(authnRequestUrl).searchParams);
    const { extract } = await idp.parseLoginRequest(rosterAsSeenByIdp, 'redirect', { query });
    return (extract as { request: { id: string } }).request.id;
  }

  return {
    entityId,
    ssoUrl,
    keys,
    certificate: certificateBody(keys.certificate),
    metadataXml: idp.getMetadata(),
    requestIdOf,
    async respond(authnRequestUrl, user, variant = 'genuine', respondOptions = {}) {
      const requestId = await requestIdOf(authnRequestUrl);
      const values = templateValues(entityId, sp, requestId, user, variant);
      const signer = respondOptions.signWith ? identityProvider(respondOptions.signWith) : idp;
      const target = variant === 'unsigned-assertion' ? rosterWithoutSignedAssertions : rosterAsSeenByIdp;
      const { context } = await signer.createLoginResponse(target, { extract: { request: { id: requestId } } }, 'post', { email: user.nameId }, {
        customTagReplacement: (template) => ({ id: values.ID!, context: fill(template, values) }),
      });
      const xml = Buffer.from(context, 'base64').toString('utf8');
      const attacked =
        variant === 'tampered' ? tamperedAfterSigning(xml, 'mallory@example.com')
        : variant === 'signature-wrapping' ? wrappedSignature(xml, 'mallory@example.com')
        : variant === 'unsigned' ? strippedOfSignatures(xml)
        : variant === 'comment-in-nameid' ? commentInNameId(xml, user.nameId.slice(0, user.nameId.indexOf('.com') + 4))
        : xml;
      return Buffer.from(attacked, 'utf8').toString('base64');
    },
  };
}
