/**
 * Turns @node-saml/node-saml's refusals into Roster's sign-in error codes. node-saml throws plain
 * Errors, so the code is read from its message; where one message covers several causes (a bad or
 * absent signature, a subject confirmation outside its time window) the untrusted response is looked
 * at only to name the cause. The decision to refuse has already been made by node-saml.
 */
import { SsoSignInError, type SsoSignInErrorCode } from './errors.js';
import { childElements, descendants, parseXml, SAML_ASSERTION_NS, SAML_PROTOCOL_NS, XML_DSIG_NS } from './saml-xml.js';

function responseDocument(samlResponse: string): Document | undefined {
  const document = parseXml(Buffer.from(samlResponse, 'base64').toString('utf8'));
  return typeof document === 'string' ? undefined : document;
}

/** Whether the response's own assertion (a direct child of the Response) carries a signature at all. */
function assertionIsSigned(document: Document): boolean {
  const response = document.documentElement;
  if (response.namespaceURI !== SAML_PROTOCOL_NS) return false;
  return childElements(response, SAML_ASSERTION_NS, 'Assertion').some((assertion) => childElements(assertion, XML_DSIG_NS, 'Signature').length > 0);
}

/** Which side of its validity window the response's timestamps put `now` on, if either. */
function timeWindow(document: Document, now: number): 'expired' | 'not-yet-valid' | undefined {
  const stamped = [...descendants(document, SAML_ASSERTION_NS, 'Conditions'), ...descendants(document, SAML_ASSERTION_NS, 'SubjectConfirmationData')];
  for (const element of stamped) {
    const notOnOrAfter = Date.parse(element.getAttribute('NotOnOrAfter') ?? '');
    if (notOnOrAfter <= now) return 'expired';
    const notBefore = Date.parse(element.getAttribute('NotBefore') ?? '');
    if (notBefore > now) return 'not-yet-valid';
  }
  return undefined;
}

function codeOf(message: string, samlResponse: string): SsoSignInErrorCode {
  if (/multiple assertions/.test(message)) return 'bad-signature';
  if (/signature/i.test(message)) {
    const document = responseDocument(samlResponse);
    return document && !assertionIsSigned(document) ? 'unsigned-assertion' : 'bad-signature';
  }
  if (/expired/.test(message)) return 'expired';
  if (/not yet valid/.test(message)) return 'not-yet-valid';
  if (/subject confirmation/i.test(message)) {
    const document = responseDocument(samlResponse);
    return (document && timeWindow(document, Date.now())) || 'invalid-response';
  }
  if (/audience|AudienceRestriction/i.test(message)) return 'wrong-audience';
  if (/issuer/i.test(message)) return 'wrong-issuer';
  if (/InResponseTo/i.test(message)) return 'unexpected-response';
  if (/status code|provider returned/i.test(message)) return 'provider-error';
  return 'invalid-response';
}

/** Rethrows anything node-saml threw while validating `samlResponse` as an `SsoSignInError`. */
export function asSamlSignInError(error: unknown, samlResponse: string): SsoSignInError {
  if (error instanceof SsoSignInError) return error;
  const code = codeOf(error instanceof Error ? error.message : String(error), samlResponse);
  return new SsoSignInError(code, `SAML sign-in refused (${code})`, { cause: error });
}
