import { CORE_GROUP_SCHEMA, CORE_USER_SCHEMA } from './scim-attribute-path.js';

/**
 * What `/Schemas` and `/ResourceTypes` describe (RFC 7643 §6, §7): only the attributes Roster stores
 * and returns (validators build their test data from `/Schemas`, spec scim.md §2.1), with their
 * RFC characteristics, plus Sentry's `sentryOrgRole` on the core User.
 */
type AttributeType = 'string' | 'boolean' | 'reference' | 'complex';

interface AttributeDefinition {
  name: string;
  type: AttributeType;
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact: boolean;
  mutability: 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
  returned: 'always' | 'never' | 'default' | 'request';
  uniqueness: 'none' | 'server' | 'global';
  subAttributes?: AttributeDefinition[];
  referenceTypes?: string[];
  canonicalValues?: string[];
}

function attribute(name: string, type: AttributeType, description: string, options: Partial<AttributeDefinition> = {}): AttributeDefinition {
  return { name, type, multiValued: false, description, required: false, caseExact: false, mutability: 'readWrite', returned: 'default', uniqueness: 'none', ...options };
}

const USER_ATTRIBUTES: AttributeDefinition[] = [
  attribute('userName', 'string', "The member's email address: the user's once joined, the invited address while pending.", { required: true, uniqueness: 'server' }),
  attribute('name', 'complex', 'The name the identity provider sent; "N/A" until it sends one.', {
    subAttributes: [
      attribute('formatted', 'string', 'The full name, formatted for display.'),
      attribute('familyName', 'string', 'The family name.'),
      attribute('givenName', 'string', 'The given name.'),
    ],
  }),
  attribute('displayName', 'string', 'The name the identity provider displays.'),
  attribute('emails', 'complex', 'The addresses the identity provider sent; else the member\'s address as the primary work one.', {
    multiValued: true,
    subAttributes: [
      attribute('value', 'string', 'An email address.'),
      attribute('type', 'string', 'What the address is for.', { canonicalValues: ['work', 'home', 'other'] }),
      attribute('primary', 'boolean', 'Whether this is the primary address.'),
    ],
  }),
  attribute('active', 'boolean', 'Always true: a deprovisioned member is deleted.'),
  attribute('sentryOrgRole', 'string', "The member's organization role (Sentry's extension); never owner through SCIM."),
];

const GROUP_ATTRIBUTES: AttributeDefinition[] = [
  attribute('displayName', 'string', "The team's name; its slug is the name slugified.", { required: true }),
  attribute('members', 'complex', "The team's members, pending invitees included.", {
    multiValued: true,
    subAttributes: [
      attribute('value', 'string', 'The member id.', { mutability: 'immutable' }),
      attribute('display', 'string', "The member's email address.", { mutability: 'readOnly' }),
    ],
  }),
];

const SCHEMA_URN = 'urn:ietf:params:scim:schemas:core:2.0:Schema';
const RESOURCE_TYPE_URN = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType';

const SCHEMAS = [
  { id: CORE_USER_SCHEMA, name: 'User', description: 'An organization member', attributes: USER_ATTRIBUTES },
  { id: CORE_GROUP_SCHEMA, name: 'Group', description: 'A team', attributes: GROUP_ATTRIBUTES },
];

const RESOURCE_TYPES = [
  { id: 'User', name: 'User', endpoint: '/Users', description: 'Organization members', schema: CORE_USER_SCHEMA },
  { id: 'Group', name: 'Group', endpoint: '/Groups', description: 'Teams', schema: CORE_GROUP_SCHEMA },
];

/** Every Schema resource, located under the organization's SCIM base URL. */
export function schemaResources(baseUrl: string) {
  return SCHEMAS.map((schema) => ({ schemas: [SCHEMA_URN], ...schema, meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${schema.id}` } }));
}

/** Every ResourceType resource (User, Group), located under the organization's SCIM base URL. */
export function resourceTypeResources(baseUrl: string) {
  return RESOURCE_TYPES.map((type) => ({
    schemas: [RESOURCE_TYPE_URN],
    ...type,
    schemaExtensions: [],
    meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/${type.id}` },
  }));
}
