/**
 * What Roster reads from an assertion node-saml has already verified: the checks node-saml leaves
 * to its caller (the assertion's issuer is the configured IdP: node-saml compares it only on logout
 * messages; recipient and destination are Roster's ACS URL), the one-time ids to record, and the
 * identity. Only the verified assertion XML is read, never the unsigned rest of the response,
 * except for the Response's own Destination, which is checked, never trusted.
 */
import type { Profile } from '@node-saml/node-saml';
import { SsoSignInError, type SsoIdentity } from './errors.js';
import { childElements, descendants, parseXml, SAML_ASSERTION_NS } from './saml-xml.js';

const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';
/** How long a used id is remembered when the assertion states no end of validity. */
const DEFAULT_REMEMBER_MS = 24 * 60 * 60 * 1000;

function parsed(xml: string | undefined, what: string): Document {
  const document = parseXml(xml ?? '');
  if (typeof document === 'string') throw new SsoSignInError('invalid-response', `the ${what} cannot be read`);
  return document;
}

/**
 * Throws unless the signed assertion names the configured IdP as its issuer: one signing key may
 * serve several entities (an IdP hosting many tenants), and the key alone does not say which.
 */
function checkIssuer(assertion: Document, idpEntityId: string): void {
  const issuer = childElements(assertion.documentElement, SAML_ASSERTION_NS, 'Issuer')[0]?.textContent?.trim();
  if (issuer !== idpEntityId) throw new SsoSignInError('wrong-issuer', 'the assertion was issued by another identity provider');
}

/** Throws unless every bearer confirmation is addressed to `acsUrl` (and there is one). */
function checkRecipient(assertion: Document, acsUrl: string): void {
  const confirmations = descendants(assertion, SAML_ASSERTION_NS, 'SubjectConfirmation').filter(
    (confirmation) => confirmation.getAttribute('Method') === BEARER,
  );
  const recipients = confirmations.flatMap((confirmation) =>
    descendants(confirmation, SAML_ASSERTION_NS, 'SubjectConfirmationData').map((data) => data.getAttribute('Recipient') ?? ''),
  );
  if (recipients.length === 0 || recipients.some((recipient) => recipient !== acsUrl)) {
    throw new SsoSignInError('wrong-recipient', 'the assertion is addressed to another service provider endpoint');
  }
}

function checkDestination(responseXml: string | undefined, acsUrl: string): void {
  const destination = parsed(responseXml, 'response').documentElement.getAttribute('Destination');
  if (destination && destination !== acsUrl) throw new SsoSignInError('wrong-destination', 'the response was sent to another endpoint');
}

/** The latest end of validity the assertion states (remembering a used id past it is pointless). */
function validUntil(assertion: Document): Date {
  const ends = [...descendants(assertion, SAML_ASSERTION_NS, 'Conditions'), ...descendants(assertion, SAML_ASSERTION_NS, 'SubjectConfirmationData')]
    .map((element) => Date.parse(element.getAttribute('NotOnOrAfter') ?? ''))
    .filter((time) => Number.isFinite(time));
  return new Date(ends.length > 0 ? Math.max(...ends) : Date.now() + DEFAULT_REMEMBER_MS);
}

/**
 * Checks issuer, recipient and destination, and returns the ids that must never be accepted again
 * (the assertion's and the request's) with how long to remember them.
 */
export function checkAssertion(
  profile: Profile,
  idp: { entityId: string },
  sp: { acsUrl: string },
  requestId: string,
): { oneTime: string[]; expiresAt: Date } {
  const assertion = parsed(profile.getAssertionXml?.(), 'assertion');
  checkIssuer(assertion, idp.entityId);
  checkRecipient(assertion, sp.acsUrl);
  checkDestination(profile.getSamlResponseXml?.(), sp.acsUrl);
  const assertionId = assertion.documentElement.getAttribute('ID');
  if (!assertionId) throw new SsoSignInError('invalid-response', 'the assertion has no ID');
  return { oneTime: [assertionId, `in-response-to:${requestId}`], expiresAt: validUntil(assertion) };
}

const EMAIL_ATTRIBUTES = ['email', 'mail', 'emailAddress', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress'];
const NAME_ATTRIBUTES = ['name', 'displayName', 'http://schemas.microsoft.com/identity/claims/displayname'];
const GIVEN_NAME = ['givenName', 'firstName', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname'];
const SURNAME = ['surname', 'sn', 'lastName', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname'];
const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The first single text value among `names`; multi-valued or structured attributes are ignored. */
function attribute(profile: Profile, names: string[]): string | null {
  for (const name of names) {
    const value = profile[name];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return null;
}

/**
 * The identity: NameID as the id; email from an email attribute, else the NameID when it is one.
 * SAML has no "verified" flag: an email the organization's own IdP signs for counts as verified.
 */
export function identityFromProfile(profile: Profile): SsoIdentity {
  if (!profile.nameID) throw new SsoSignInError('invalid-response', 'the assertion names no subject (NameID)');
  const email = attribute(profile, EMAIL_ATTRIBUTES) ?? (LOOKS_LIKE_EMAIL.test(profile.nameID) ? profile.nameID : null);
  const fullName = [attribute(profile, GIVEN_NAME), attribute(profile, SURNAME)].filter((part) => part !== null).join(' ');
  return {
    id: profile.nameID,
    email: email ? email.toLowerCase() : null,
    emailVerified: email !== null,
    name: attribute(profile, NAME_ATTRIBUTES) ?? (fullName || null),
  };
}
