/**
 * Edits of a signed SAML response made after signing, as an attacker holding one genuine response
 * would make them. Each returns the edited XML; Roster must refuse every one.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';

const ASSERTION_NS = 'urn:oasis:names:tc:SAML:2.0:assertion';
const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';

function parse(xml: string): Document {
  return new DOMParser().parseFromString(xml, 'text/xml');
}

function serialize(document: Document): string {
  return new XMLSerializer().serializeToString(document);
}

function setNameId(scope: Element, nameId: string): void {
  const element = scope.getElementsByTagNameNS(ASSERTION_NS, 'NameID')[0]!;
  element.textContent = nameId;
}

/** The assertion's subject replaced by `nameId`; its signature left as it was. */
export function tamperedAfterSigning(xml: string, nameId: string): string {
  const document = parse(xml);
  setNameId(document.getElementsByTagNameNS(ASSERTION_NS, 'Assertion')[0]!, nameId);
  return serialize(document);
}

/**
 * XML signature wrapping: a forged copy of the assertion (new ID, new subject) takes the genuine
 * one's place, keeping the genuine signature, whose reference still resolves to the genuine
 * assertion, now hidden in the forgery's Advice. A verifier that checks "some signature is valid"
 * instead of "this assertion is the one signed" accepts the forged subject.
 */
export function wrappedSignature(xml: string, nameId: string): string {
  const document = parse(xml);
  const genuine = document.getElementsByTagNameNS(ASSERTION_NS, 'Assertion')[0]!;
  const forged = genuine.cloneNode(true) as Element;
  forged.setAttribute('ID', `_forged-${crypto.randomUUID()}`);
  setNameId(forged, nameId);
  const advice = document.createElementNS(ASSERTION_NS, 'saml:Advice');
  genuine.parentNode!.replaceChild(forged, genuine);
  advice.appendChild(genuine);
  forged.appendChild(advice);
  return serialize(document);
}

/**
 * A comment splits the signed NameID's text (`victim@example.com<!---->.evil.test`). Canonicalization
 * drops comments, so the signature still verifies; a reader that takes only the first text node
 * would see `victim@example.com`, an identity the attacker does not own.
 */
export function commentInNameId(xml: string, splitAfter: string): string {
  const document = parse(xml);
  const nameId = document.getElementsByTagNameNS(ASSERTION_NS, 'NameID')[0]!;
  const text = nameId.textContent ?? '';
  while (nameId.firstChild) nameId.removeChild(nameId.firstChild);
  nameId.appendChild(document.createTextNode(splitAfter));
  nameId.appendChild(document.createComment(''));
  nameId.appendChild(document.createTextNode(text.slice(splitAfter.length)));
  return serialize(document);
}

/** Every XML signature removed. */
export function strippedOfSignatures(xml: string): string {
  const document = parse(xml);
  for (const signature of Array.from(document.getElementsByTagNameNS(DSIG_NS, 'Signature'))) {
    signature.parentNode!.removeChild(signature);
  }
  return serialize(document);
}
