/**
 * Reading SAML XML (metadata, responses) without trusting it: a document type declaration is
 * refused outright (no entity expansion of any kind), a malformed document is an error rather than a
 * partial tree, and elements are found by namespace, never by prefix.
 */
import { DOMParser } from '@xmldom/xmldom';

export const SAML_METADATA_NS = 'urn:oasis:names:tc:SAML:2.0:metadata';
export const SAML_ASSERTION_NS = 'urn:oasis:names:tc:SAML:2.0:assertion';
export const SAML_PROTOCOL_NS = 'urn:oasis:names:tc:SAML:2.0:protocol';
export const XML_DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';

/** The parsed document, or a reason it is not usable XML. */
export function parseXml(xml: string): Document | string {
  if (/<!DOCTYPE/i.test(xml)) return 'must not contain a document type declaration';
  let failure: string | undefined;
  const record = (message: unknown) => {
    failure ??= String(message).split('\n')[0]!.replace(/^\[xmldom \w+\]\s*/, '');
  };
  // xmldom reports an unclosed element or an unquoted attribute only as a warning: all three refuse.
  const document = new DOMParser({ errorHandler: { warning: record, error: record, fatalError: record } }).parseFromString(xml, 'text/xml');
  if (failure) return `is not well-formed XML (${failure})`;
  if (!document?.documentElement) return 'is not an XML document';
  return document;
}

/** Direct children of `parent` with this namespace and local name. */
export function childElements(parent: Element, namespace: string, localName: string): Element[] {
  return Array.from(parent.childNodes).filter(
    (node): node is Element => node.nodeType === 1 && (node as Element).namespaceURI === namespace && (node as Element).localName === localName,
  );
}

/** Descendants of `parent` with this namespace and local name, in document order. */
export function descendants(parent: Document | Element, namespace: string, localName: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS(namespace, localName));
}
