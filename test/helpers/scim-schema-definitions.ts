import SCIMMY from 'scimmy';

/**
 * The RFC 7643 schema definitions Roster's SCIM answers are held to, from scimmy (a maintained SCIM
 * library) through its public API: its User (extended with Sentry's `sentryOrgRole`, a string on the
 * core User schema, and with the enterprise extension), Group, ServiceProviderConfig and ResourceType
 * definitions, and RFC 7643 §7's Schema resource, which scimmy describes but does not define, built
 * here from its Attribute type.
 */
const { Attribute, SchemaDefinition } = SCIMMY.Types;
type Attribute = InstanceType<typeof Attribute>;
type SchemaDefinition = InstanceType<typeof SchemaDefinition>;

export const URN = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  enterpriseUser: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  serviceProviderConfig: 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
  resourceType: 'urn:ietf:params:scim:schemas:core:2.0:ResourceType',
  schema: 'urn:ietf:params:scim:schemas:core:2.0:Schema',
  listResponse: SCIMMY.Messages.ListResponse.id,
  error: SCIMMY.Messages.ErrorResponse.id,
} as const;

/** The attributes every SchemaDefinition adds itself (RFC 7643 §3.1). */
const COMMON = new Set(['schemas', 'id', 'externalId', 'meta']);
const own = (definition: SchemaDefinition) => definition.attributes.filter((attribute) => !COMMON.has(attribute.name));

/** Sentry's User: RFC 7643's, plus `sentryOrgRole` (spec scim.md §1.4, §2.2). */
export const userDefinition: SchemaDefinition = new SchemaDefinition(
  SCIMMY.Schemas.User.definition.name,
  SCIMMY.Schemas.User.definition.id,
  SCIMMY.Schemas.User.definition.description,
  [...own(SCIMMY.Schemas.User.definition), new Attribute('string', 'sentryOrgRole', { description: "The member's organization role (Sentry's extension of the core User)." })],
).extend(SCIMMY.Schemas.EnterpriseUser.definition);

export const enterpriseUserDefinition: SchemaDefinition = SCIMMY.Schemas.EnterpriseUser.definition;
export const groupDefinition: SchemaDefinition = SCIMMY.Schemas.Group.definition;
export const serviceProviderConfigDefinition: SchemaDefinition = SCIMMY.Schemas.ServiceProviderConfig.definition;
export const resourceTypeDefinition: SchemaDefinition = SCIMMY.Schemas.ResourceType.definition;

// RFC 7643 §7: a schema's attribute definitions, nested one level in subAttributes.
function attributeDefinitionParts(): Attribute[] {
  return [
    new Attribute('string', 'name', { required: true, caseExact: true }),
    new Attribute('string', 'type', { required: true, canonicalValues: ['string', 'boolean', 'decimal', 'integer', 'dateTime', 'reference', 'binary', 'complex'] }),
    new Attribute('boolean', 'multiValued', { required: true }),
    new Attribute('string', 'description'),
    new Attribute('boolean', 'required', { required: true }),
    new Attribute('string', 'canonicalValues', { multiValued: true }),
    new Attribute('boolean', 'caseExact'),
    new Attribute('string', 'mutability', { canonicalValues: ['readOnly', 'readWrite', 'immutable', 'writeOnly'] }),
    new Attribute('string', 'returned', { canonicalValues: ['always', 'never', 'default', 'request'] }),
    new Attribute('string', 'uniqueness', { canonicalValues: ['none', 'server', 'global'] }),
    new Attribute('string', 'referenceTypes', { multiValued: true }),
  ];
}
export const schemaDefinition: SchemaDefinition = new SchemaDefinition('Schema', URN.schema, 'Specifies the schema of a SCIM resource', [
  new Attribute('string', 'name'),
  new Attribute('string', 'description'),
  new Attribute('complex', 'attributes', { required: true, multiValued: true }, [
    ...attributeDefinitionParts(),
    new Attribute('complex', 'subAttributes', { multiValued: true }, attributeDefinitionParts()),
  ]),
]);

const JSON_TYPES: Record<string, string> = { string: 'string', reference: 'string', dateTime: 'string', binary: 'string', boolean: 'boolean', integer: 'integer', decimal: 'number' };

/**
 * A definition's attributes as JSON Schema, stricter than scimmy's coerce on the wire types (it
 * accepts `"3"` for an integer): exact JSON types, no nulls (Entra refuses `"members": null`), no
 * attribute the schema does not define, none that is never returned (`password`).
 */
function attributesJsonSchema(attributes: Attribute[]): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const attribute of attributes) {
    properties[attribute.name] = attribute.config.returned === false || attribute.config.returned === 'never' ? false : attributeJsonSchema(attribute);
  }
  const required = attributes.filter((attribute) => attribute.config.required && attribute.config.direction !== 'in').map((attribute) => attribute.name);
  return { type: 'object', additionalProperties: false, properties, ...(required.length ? { required } : {}) };
}

function attributeJsonSchema(attribute: Attribute): Record<string, unknown> {
  const canonical = Array.isArray(attribute.config.canonicalValues) && attribute.config.canonicalValues.length > 0 && attribute.type === 'string' ? { enum: attribute.config.canonicalValues } : {};
  const one = attribute.type === 'complex' ? attributesJsonSchema(attribute.subAttributes ?? []) : { type: JSON_TYPES[attribute.type], ...canonical };
  return attribute.config.multiValued ? { type: 'array', items: one } : one;
}

/** The JSON Schema of a resource: its attributes, `schemas` naming its URN (and only known ones), extensions by URN. */
export function resourceJsonSchema(definition: SchemaDefinition, extensions: SchemaDefinition[] = []): Record<string, unknown> {
  const base = attributesJsonSchema(definition.attributes.filter((attribute) => !('attributes' in attribute)));
  const properties = base.properties as Record<string, unknown>;
  properties.schemas = { type: 'array', minItems: 1, items: { enum: [definition.id, ...extensions.map((extension) => extension.id)] }, contains: { const: definition.id } };
  for (const extension of extensions) properties[extension.id] = attributesJsonSchema(own(extension));
  return { ...base, required: [...new Set([...((base.required as string[]) ?? []), 'schemas'])] };
}
