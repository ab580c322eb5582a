import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { migrate } from '../../src/platform/db/migrate.js';
import { buildOpenApiDocument } from '../../scripts/api-types.js';
import type { OpenApiDocument } from '../helpers/api-types.js';
import { createHarness, type Harness } from '../helpers/harness.js';

/** What /_health/ answers (a route outside the API document). */
interface Health {
  status: string;
  database: string;
}

describe('health, OpenAPI document and migrations', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
  });
  after(() => h.close());

  it('/_health/ answers when the database is reachable', async () => {
    const response = await h.request<Health>(null, 'GET', '/_health/');
    assert.equal(response.status, 200);
    assert.equal(response.body.status, 'ok');
    assert.equal(response.body.database, 'up');
  });

  it('serves an OpenAPI document generated from the route schemas', async () => {
    const response = await h.request<OpenApiDocument>(null, 'GET', '/api/0/openapi.json');
    assert.equal(response.status, 200);
    assert.equal(response.body.openapi, '3.1.0');
    const operation = response.body.paths['/api/0/organizations/{organization_id_or_slug}/']!.get!;
    assert.equal(operation.operationId, 'getOrganization');
    assert.ok(operation.responses['200']!.content!['application/json']!.schema.properties!.slug);
  });

  it("is the document the console's API types are generated from (built there without a database)", async () => {
    const served = await h.request(null, 'GET', '/api/0/openapi.json');
    assert.deepEqual(served.body, JSON.parse(JSON.stringify(await buildOpenApiDocument())));
  });

  it('migrating again applies nothing', async () => {
    assert.deepEqual(await migrate(h.database.db), []);
  });

  it('the schema refuses a member of another organization\'s team (composite foreign keys)', async () => {
    const seeded = await h.seed({
      users: [{ email: 'x@example.com' }],
      organizations: [
        { slug: 'one-org', name: 'One', teams: [{ slug: 'a' }], members: [{ email: 'x@example.com', role: 'owner' }] },
        { slug: 'two-org', name: 'Two', teams: [{ slug: 'b' }] },
      ],
    });
    const one = seeded.organizations['one-org']!;
    const two = seeded.organizations['two-org']!;
    await assert.rejects(
      h.database.db
        .insertInto('member_teams')
        .values({ organization_id: one.id, member_id: one.members['x@example.com']!, team_id: two.teams.b! })
        .execute(),
    );
  });
});
