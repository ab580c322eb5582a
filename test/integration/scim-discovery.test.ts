import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.js';
import { buildOrg } from '../helpers/org-factory.js';
import { assertRefusal, scimOrg } from '../helpers/scim-groups.js';
import { assertResourceType, assertSchemaDefinition } from '../helpers/scim-schemas.js';
import { URN } from '../helpers/scim-schema-definitions.js';

/**
 * Issue 16, discovery (spec scim.md §1.6, RFC 7644 §4): ResourceTypes and Schemas as ListResponses,
 * pagination ignored, one by name or URN, no filtering (403), read-only (405 in the SCIM envelope).
 */
interface List<T> {
  schemas: string[];
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  Resources: T[];
}

describe('SCIM discovery: ResourceTypes and Schemas (issue 16)', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
  });
  after(() => h.close());

  it('lists the User and Group resource types, whatever the paging asked, and each by name', async () => {
    const { token, base } = await scimOrg(h);
    const list = await h.request<List<{ id: string; endpoint: string; schema: string }>>(token, 'GET', `${base}/ResourceTypes?startIndex=2&count=1`);
    assert.equal(list.status, 200);
    assert.deepEqual([list.body.schemas, list.body.totalResults, list.body.startIndex, list.body.itemsPerPage], [[URN.listResponse], 2, 1, 2]);
    list.body.Resources.forEach(assertResourceType);
    assert.deepEqual(list.body.Resources.map((type) => [type.id, type.endpoint, type.schema]), [
      ['User', '/Users', URN.user],
      ['Group', '/Groups', URN.group],
    ]);
    const group = await h.request<{ id: string }>(token, 'GET', `${base}/ResourceTypes/Group`);
    assert.equal(group.status, 200);
    assertResourceType(group.body);
    assert.equal(group.body.id, 'Group');
    assertRefusal(await h.request(token, 'GET', `${base}/ResourceTypes/Device`), 404, undefined, 'Resource type not found.');
  });

  it('lists the User and Group schemas with only what Roster keeps (sentryOrgRole included), and each by URN', async () => {
    const { token, base } = await scimOrg(h);
    const list = await h.request<List<{ id: string; attributes: Array<{ name: string; subAttributes?: Array<{ name: string }> }> }>>(token, 'GET', `${base}/Schemas`);
    assert.equal(list.status, 200);
    assert.equal(list.body.totalResults, 2);
    list.body.Resources.forEach(assertSchemaDefinition);
    const [user, group] = list.body.Resources;
    assert.deepEqual([user!.id, group!.id], [URN.user, URN.group]);
    assert.deepEqual(user!.attributes.map((attribute) => attribute.name), ['userName', 'name', 'displayName', 'emails', 'active', 'sentryOrgRole']);
    assert.deepEqual(group!.attributes.map((attribute) => attribute.name), ['displayName', 'members']);
    assert.deepEqual(group!.attributes[1]!.subAttributes?.map((attribute) => attribute.name), ['value', 'display']);
    const one = await h.request<{ id: string }>(token, 'GET', `${base}/Schemas/${URN.group}`);
    assert.equal(one.status, 200);
    assertSchemaDefinition(one.body);
    assert.equal(one.body.id, URN.group);
    assertRefusal(await h.request(token, 'GET', `${base}/Schemas/urn:example:nothing`), 404, undefined, 'Schema not found.');
  });

  it('refuses a filter (403) and writes (405), in the SCIM envelope; an organization without SCIM gets its 403 first', async () => {
    const { token, base } = await scimOrg(h);
    const filter = encodeURIComponent('id eq "User"');
    for (const path of ['ResourceTypes', 'Schemas', 'ResourceTypes/User', `Schemas/${URN.user}`]) {
      assertRefusal(await h.request(token, 'GET', `${base}/${path}?filter=${filter}`), 403, undefined, 'Filtering is not supported on this endpoint.');
    }
    for (const path of ['ResourceTypes', 'Schemas', 'ServiceProviderConfig']) {
      assertRefusal(await h.request(token, 'POST', `${base}/${path}`), 405, undefined);
    }
    const plain = await buildOrg(h, { authProvider: { provider: 'saml2' } });
    const refused = await h.request(plain.tokens.owner!, 'GET', `/api/0/organizations/${plain.slug}/scim/v2/Schemas?filter=${filter}`);
    assertRefusal(refused, 403, undefined, "SCIM is not enabled for this organization's identity provider.");
  });
});
