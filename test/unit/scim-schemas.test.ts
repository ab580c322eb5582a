import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertResourceType,
  assertSchemaDefinition,
  assertScimError,
  assertScimListResponse,
  assertScimResource,
  assertServiceProviderConfig,
} from '../helpers/scim-schemas.js';

const USER = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  id: '12',
  userName: 'ada@example.com',
  name: { givenName: 'N/A', familyName: 'N/A' },
  emails: [{ primary: true, value: 'ada@example.com', type: 'work' }],
  meta: { resourceType: 'User' },
  sentryOrgRole: 'member',
  active: true,
};
const GROUP = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
  id: '7',
  displayName: 'Team A',
  members: [{ value: '12', display: 'ada@example.com' }],
  meta: { resourceType: 'Group' },
};
const LIST = { schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: 3, startIndex: 1, itemsPerPage: 1, Resources: [USER] };
const ERROR = { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '409', scimType: 'uniqueness', detail: 'User already exists in the database.' };
const SERVICE_PROVIDER_CONFIG = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
  documentationUri: 'https://docs.example.com/scim',
  patch: { supported: true },
  bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
  filter: { supported: true, maxResults: 100 },
  changePassword: { supported: false },
  sort: { supported: false },
  etag: { supported: false },
  authenticationSchemes: [{ type: 'oauthbearertoken', name: 'OAuth Bearer Token', description: 'The SCIM token of the organization.' }],
  meta: { resourceType: 'ServiceProviderConfig', location: 'https://roster.example.com/api/0/organizations/acme/scim/v2/ServiceProviderConfig' },
};
const RESOURCE_TYPE = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
  id: 'User',
  name: 'User',
  endpoint: '/Users',
  description: 'User Account',
  schema: 'urn:ietf:params:scim:schemas:core:2.0:User',
  schemaExtensions: [],
  meta: { resourceType: 'ResourceType', location: 'https://roster.example.com/api/0/organizations/acme/scim/v2/ResourceTypes/User' },
};
const attribute = (name: string, type: string, extra: object = {}) => ({ name, type, multiValued: false, required: false, caseExact: false, mutability: 'readWrite', returned: 'default', uniqueness: 'none', description: name, ...extra });
const SCHEMA = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
  id: 'urn:ietf:params:scim:schemas:core:2.0:User',
  name: 'User',
  description: 'User Account',
  attributes: [
    attribute('userName', 'string', { required: true, uniqueness: 'server' }),
    attribute('name', 'complex', { subAttributes: [attribute('givenName', 'string'), attribute('familyName', 'string')] }),
    attribute('emails', 'complex', { multiValued: true, subAttributes: [attribute('value', 'string'), attribute('type', 'string', { canonicalValues: ['work', 'home', 'other'] }), attribute('primary', 'boolean')] }),
    attribute('active', 'boolean'),
    attribute('sentryOrgRole', 'string'),
  ],
  meta: { resourceType: 'Schema', location: '/Schemas/urn:ietf:params:scim:schemas:core:2.0:User' },
};

/** `body` with `change` applied at the top, or by a function for nested changes. */
function broken<T extends object>(body: T, change: Partial<Record<string, unknown>> | ((copy: Record<string, unknown>) => void)): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  if (typeof change === 'function') change(copy);
  else for (const [key, value] of Object.entries(change)) if (value === undefined) delete copy[key];
  else copy[key] = value;
  return copy;
}

function rejects(assertion: () => void, message: RegExp) {
  assert.throws(assertion, (error: Error) => error instanceof assert.AssertionError && message.test(error.message));
}

describe('SCIM answers against the RFC schemas (test/helpers/scim-schemas.ts)', () => {
  it('accepts Sentry-shaped Users (sentryOrgRole included, enterprise extension allowed) and Groups', () => {
    assertScimResource('User', USER);
    assertScimResource('User', { ...USER, active: undefined, externalId: 'okta-1', displayName: 'Ada' });
    assertScimResource('User', {
      ...USER,
      schemas: [...USER.schemas, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { employeeNumber: '7' },
    });
    assertScimResource('Group', GROUP);
    assertScimResource('Group', { ...GROUP, members: [] });
    const { members: _members, ...withoutMembers } = GROUP;
    assertScimResource('Group', withoutMembers);
  });

  it('refuses Users with a wrong type, a missing required attribute, or an attribute the schema lacks', () => {
    rejects(() => assertScimResource('User', broken(USER, { active: 'true' })), /active.*boolean/);
    rejects(() => assertScimResource('User', broken(USER, { id: undefined })), /required property 'id'/);
    rejects(() => assertScimResource('User', broken(USER, { id: 12 })), /id must be string/);
    rejects(() => assertScimResource('User', broken(USER, { userName: undefined })), /userName/);
    rejects(() => assertScimResource('User', broken(USER, { sentryOrgRole: 5 })), /sentryOrgRole must be string/);
    rejects(() => assertScimResource('User', broken(USER, { sentryOrgRole: null })), /sentryOrgRole must be string/);
    rejects(() => assertScimResource('User', broken(USER, { name: null })), /name must be object/);
    rejects(() => assertScimResource('User', broken(USER, { favouriteColour: 'red' })), /additional properties/);
    rejects(() => assertScimResource('User', broken(USER, { password: 'secret' })), /password/);
    rejects(() => assertScimResource('User', broken(USER, { schemas: undefined })), /required property 'schemas'/);
    rejects(() => assertScimResource('User', broken(USER, { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'] })), /schemas/);
    rejects(() => assertScimResource('User', broken(USER, (copy) => ((copy.emails as Array<Record<string, unknown>>)[0]!.primary = 'true'))), /primary must be boolean/);
    rejects(() => assertScimResource('User', broken(USER, (copy) => ((copy.meta as Record<string, unknown>).resourceType = 1))), /resourceType must be string/);
  });

  it('refuses Groups with members null, a member id that is not a string, or no displayName', () => {
    rejects(() => assertScimResource('Group', broken(GROUP, { members: null })), /members must be array/);
    rejects(() => assertScimResource('Group', broken(GROUP, { members: [{ value: 12 }] })), /value must be string/);
    rejects(() => assertScimResource('Group', broken(GROUP, { displayName: undefined })), /displayName/);
    rejects(() => assertScimResource('Group', broken(GROUP, { userName: 'x' })), /additional properties/);
  });

  it('accepts ListResponses, empty ones included, and refuses wrong types, bad counts and bad resources', () => {
    assertScimListResponse('User', LIST);
    assertScimListResponse('User', { schemas: LIST.schemas, totalResults: 0, startIndex: 1, itemsPerPage: 0, Resources: [] });
    assertScimListResponse('Group', { schemas: LIST.schemas, totalResults: 0 });
    assertScimListResponse('Group', { ...LIST, Resources: [GROUP] });
    rejects(() => assertScimListResponse('User', broken(LIST, { totalResults: '3' })), /totalResults must be integer/);
    rejects(() => assertScimListResponse('User', broken(LIST, { startIndex: 0 })), /startIndex must be >= 1/);
    rejects(() => assertScimListResponse('User', broken(LIST, { itemsPerPage: 100 })), /itemsPerPage is the size of this page/);
    rejects(() => assertScimListResponse('User', broken(LIST, { Resources: undefined })), /Resources is required/);
    rejects(() => assertScimListResponse('User', broken(LIST, { totalResults: 0 })), /1 Resources but totalResults 0/);
    rejects(() => assertScimListResponse('User', broken(LIST, { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'] })), /schemas/);
    rejects(() => assertScimListResponse('User', broken(LIST, { Resources: [{ ...USER, active: 'true' }] })), /active/);
    rejects(() => assertScimListResponse('Group', LIST), /Group/);
    rejects(() => assertScimListResponse('User', broken(LIST, { next: 'x' })), /additional properties/);
  });

  it('accepts RFC Errors and refuses a numeric status, a scimType outside the list or unfit for the status', () => {
    assertScimError(ERROR);
    assertScimError({ schemas: ERROR.schemas, status: '404', detail: 'The requested resource does not exist' });
    assertScimError({ schemas: ERROR.schemas, status: '400', scimType: 'invalidFilter' });
    assertScimError({ schemas: ERROR.schemas, status: '405', detail: 'Method not allowed.' });
    rejects(() => assertScimError(broken(ERROR, { schemas: undefined })), /required property 'schemas'/);
    rejects(() => assertScimError(broken(ERROR, { status: 409 })), /status must be string/);
    rejects(() => assertScimError(broken(ERROR, { status: 'conflict' })), /status must match pattern/);
    rejects(() => assertScimError(broken(ERROR, { status: undefined })), /required property 'status'/);
    rejects(() => assertScimError(broken(ERROR, { scimType: 'duplicate' })), /scimType must be equal to one of the allowed values/);
    rejects(() => assertScimError(broken(ERROR, { status: '400' })), /'400' not valid for detail error keyword 'uniqueness'/);
    rejects(() => assertScimError(broken(ERROR, { detail: { message: 'x' } })), /detail must be string/);
    rejects(() => assertScimError(broken(ERROR, { code: 'x' })), /additional properties/);
  });

  it('accepts a ServiceProviderConfig and refuses string booleans, string integers, missing capabilities', () => {
    assertServiceProviderConfig(SERVICE_PROVIDER_CONFIG);
    rejects(() => assertServiceProviderConfig(broken(SERVICE_PROVIDER_CONFIG, { patch: { supported: 'true' } })), /supported must be boolean/);
    rejects(() => assertServiceProviderConfig(broken(SERVICE_PROVIDER_CONFIG, { filter: { supported: true, maxResults: '100' } })), /maxResults must be integer/);
    rejects(() => assertServiceProviderConfig(broken(SERVICE_PROVIDER_CONFIG, { patch: undefined })), /patch/);
    rejects(() => assertServiceProviderConfig(broken(SERVICE_PROVIDER_CONFIG, { authenticationSchemes: {} })), /authenticationSchemes must be array/);
  });

  it('accepts a ResourceType and refuses one without an endpoint or with a wrong schemaExtensions', () => {
    assertResourceType(RESOURCE_TYPE);
    assertResourceType({ ...RESOURCE_TYPE, schemaExtensions: [{ schema: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', required: false }] });
    rejects(() => assertResourceType(broken(RESOURCE_TYPE, { endpoint: undefined })), /endpoint/);
    rejects(() => assertResourceType(broken(RESOURCE_TYPE, { schemaExtensions: 'none' })), /schemaExtensions must be array/);
    rejects(() => assertResourceType(broken(RESOURCE_TYPE, { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'] })), /schemas/);
  });

  it('accepts a Schema that lists attributes the RFC defines as it defines them (and sentryOrgRole), and refuses others', () => {
    assertSchemaDefinition(SCHEMA);
    assertSchemaDefinition({ ...SCHEMA, id: 'urn:ietf:params:scim:schemas:core:2.0:Group', name: 'Group', attributes: [attribute('displayName', 'string', { required: true })] });
    rejects(() => assertSchemaDefinition(broken(SCHEMA, { attributes: undefined })), /attributes/);
    rejects(() => assertSchemaDefinition(broken(SCHEMA, { attributes: [attribute('userName', 'text')] })), /type must be equal to one of the allowed values/);
    rejects(() => assertSchemaDefinition(broken(SCHEMA, { attributes: [attribute('userName', 'string', { multiValued: 'false' })] })), /multiValued must be boolean/);
    rejects(() => assertSchemaDefinition(broken(SCHEMA, { attributes: [attribute('favouriteColour', 'string')] })), /"favouriteColour" is not an attribute/);
    rejects(() => assertSchemaDefinition(broken(SCHEMA, { attributes: [attribute('active', 'string')] })), /"active" has the wrong type/);
    rejects(() => assertSchemaDefinition(broken(SCHEMA, { attributes: [attribute('name', 'complex', { subAttributes: [attribute('nick', 'string')] })] })), /"name.nick" is not defined/);
  });
});
