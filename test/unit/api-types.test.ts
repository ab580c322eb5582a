import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { API_TYPES_PATH, buildOpenApiDocument, renderApiTypes } from '../../scripts/api-types.js';

// The console's types are generated from the route schemas and committed; a route whose shape changed
// without `npm run api-types` must fail here (and in `npm run lint`), not in a browser.
describe('the console API types (web/src/api.generated.ts)', () => {
  it('are what the current routes generate', async () => {
    const committed = fs.readFileSync(API_TYPES_PATH, 'utf8').split('\n');
    const generated = (await renderApiTypes()).split('\n');
    // The first line that differs, not a diff of thousands of lines.
    const at = generated.findIndex((line, index) => line !== committed[index]);
    const line = at === -1 ? committed.length === generated.length ? null : Math.min(committed.length, generated.length) : at;
    assert.equal(line, null, `web/src/api.generated.ts is stale from line ${(line ?? 0) + 1} (${JSON.stringify(generated[line ?? 0])}): run \`npm run api-types\` and commit it`);
  });

  it('come from the document the server serves, built without a database', async () => {
    type Operation = { operationId?: string; parameters?: Array<{ in: string; name: string }> };
    const document = (await buildOpenApiDocument()) as unknown as { openapi: string; paths: Record<string, Record<string, Operation>> };
    assert.equal(document.openapi, '3.1.0');
    const getOrganization = document.paths['/api/0/organizations/{organization_id_or_slug}/']?.get;
    assert.equal(getOrganization?.operationId, 'getOrganization');
    assert.deepEqual(
      getOrganization?.parameters?.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name),
      ['detailed', 'include_feature_flags'],
    );
  });
});
