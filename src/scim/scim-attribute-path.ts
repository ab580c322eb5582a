/** The schema URNs Roster's resources use (RFC 7643 §4, §8.7.1). */
export const CORE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const CORE_GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

export interface AttributePath {
  /** The schema URN the path was prefixed with, lower-cased; null when it had none. */
  schema: string | null;
  /** Lower-cased attribute name, with its sub-attribute after a dot: `username`, `name.givenname`. */
  path: string;
}

// RFC 7643 §2.1: ATTRNAME = ALPHA *(ALPHA / DIGIT / "-" / "_"); `$ref` is the one name with a dollar.
const ATTRIBUTE_NAME = /^(?:[a-z][a-z0-9_-]*|\$ref)$/i;

/** True for a single attribute or sub-attribute name. */
export function isAttributeName(text: string): boolean {
  return ATTRIBUTE_NAME.test(text);
}

/**
 * Reads `attr`, `attr.sub` or `urn:…:attr[.sub]` (RFC 7644 §3.10: the schema URN, a colon, the
 * attribute). Names are case-insensitive (RFC 7643 §2.1), so they come back lower-cased; null when the
 * text is not such a path.
 */
export function parseAttributePath(text: string): AttributePath | null {
  let schema: string | null = null;
  let rest = text;
  if (/^urn:/i.test(text)) {
    const colon = text.lastIndexOf(':');
    schema = text.slice(0, colon).toLowerCase();
    rest = text.slice(colon + 1);
  }
  const names = rest.split('.');
  if (names.length > 2 || !names.every(isAttributeName)) return null;
  return { schema, path: rest.toLowerCase() };
}
