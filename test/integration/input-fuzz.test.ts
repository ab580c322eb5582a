import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isCleanName } from '../../src/platform/lib/names.js';
import { isAccountRoute, sessionOf } from '../helpers/session.js';
import fc from 'fast-check';
import { createHarness, type Harness } from '../helpers/harness.js';
import { bodyFor, encodeSegment, HOSTILE_STRINGS, hostileString, QUERY_STRINGS, rawPayloads, valueFor, type JsonSchema } from '../fuzz/arbitraries.js';
import { bodyLimitOf, buildHome, isSentryErrorBody, leakedInternals } from '../matrix/index.js';

/**
 * Issue 5, input fuzzing: every request body, query and path parameter of every route in the served
 * OpenAPI document, with values derived from the route's own schemas (fitting or hostile), fixed
 * corpora of hostile path and query values, and raw payloads (malformed JSON, deep nesting, wrong
 * content types, oversized bodies, invalid UTF-8). Whatever comes in: never a 5xx, every 4xx in one
 * of Sentry's body shapes, and no stack trace, file path, SQL or internal name in any response.
 * INPUT_FUZZ_RUNS (default 20) sets the generated cases per route.
 */
const RUNS = Number(process.env.INPUT_FUZZ_RUNS ?? 20);

interface Operation {
  method: string;
  path: string;
  parameters?: Array<{ in: 'path' | 'query'; name: string; schema: JsonSchema }>;
  requestBody?: { content: { 'application/json': { schema: JsonSchema } } };
}

interface FuzzCase {
  body?: unknown;
  query: Record<string, unknown>;
  path?: { name: string; value: string };
}

describe('input fuzzing: hostile bodies, queries and paths on every route get a 4xx in Sentry\'s shape, never a 5xx', () => {
  let h: Harness;
  let operations: Operation[];
  let cases = 0;
  before(async () => {
    h = await createHarness();
    const document = (await h.request(null, 'GET', '/api/0/openapi.json')).body as { paths: Record<string, Record<string, Operation>> };
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ ...operation, method: method.toUpperCase(), path })),
    );
  });
  after(() => h.close());

  /** Valid values for every path parameter, in a new home organization (so a write of one route cannot starve another). */
  async function validParams() {
    const { home } = await buildHome(h);
    const alice = home.members.member2!;
    return {
      token: home.members.owner1!.token!,
      params: {
        organization_id_or_slug: home.slug,
        member_id: alice.id,
        team_id_or_slug: 'alpha',
        request_id: home.accessRequestId,
        authenticator_id: alice.authenticatorId!,
        user_id: alice.userId!,
        token: home.inviteToken,
        // SCIM (issue 16): a member id for Users/{id}, a resource type for ResourceTypes/{name}.
        id: alice.id,
        name: 'User',
        // Webhooks (issue 18): ids of nothing, so each answers a 404.
        webhook_id: '1',
        delivery_id: '1',
      } as Record<string, string>,
    };
  }

  const queryString = (query: Record<string, unknown>) => {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      for (const item of Array.isArray(value) ? value : [value]) search.append(name, typeof item === 'string' ? item : JSON.stringify(item) ?? '');
    }
    const text = search.toString();
    return text ? `?${text}` : '';
  };

  async function check(label: string, response: { statusCode: number; body: string }, problems: string[]) {
    cases += 1;
    if (response.statusCode >= 500) problems.push(`${label}: ${response.statusCode} ${response.body.slice(0, 200)}`);
    if (response.statusCode >= 400) {
      let body: unknown = null;
      try {
        body = JSON.parse(response.body);
      } catch {
        problems.push(`${label}: a ${response.statusCode} without a JSON body: ${response.body.slice(0, 100)}`);
      }
      if (body !== null && !isSentryErrorBody(body)) problems.push(`${label}: not a Sentry error body: ${response.body.slice(0, 200)}`);
    }
    const leak = leakedInternals(response.body);
    if (leak) problems.push(`${label}: the response shows ${leak}: ${response.body.slice(0, 200)}`);
  }

  it('every route of the OpenAPI document is fuzzed', () => {
    assert.ok(operations.length >= 37, `${operations.length} operations`);
  });

  it(`each route: ${RUNS} generated cases from its schemas, then the hostile path, query and raw-payload corpora`, async (t) => {
    const problems: string[] = [];
    for (const operation of operations) {
      const { token, params } = await validParams();
      const pathParams = (operation.parameters ?? []).filter((parameter) => parameter.in === 'path');
      const queryParams = (operation.parameters ?? []).filter((parameter) => parameter.in === 'query');
      const bodySchema = operation.requestBody?.content['application/json'].schema;
      const url = (override?: { name: string; value: string }, query = '') =>
        operation.path.replace(/\{([a-z_]+)\}/g, (_, name: string) => encodeSegment(override?.name === name ? override.value : params[name]!)) + query;
      // The account routes take a browser session only (issue 13): they are fuzzed as the owner's browser.
      const browser = isAccountRoute(operation.path) ? await sessionOf(h, token) : null;
      const credentials = browser ? { cookie: `roster_session=${browser.cookie}`, 'x-csrftoken': browser.csrfToken! } : { authorization: `Bearer ${token}` };
      const send = (target: string, payload?: string | Buffer, contentType = 'application/json') =>
        h.app.inject({
          method: operation.method as 'POST',
          url: target,
          headers: { ...credentials, ...(payload !== undefined ? { 'content-type': contentType } : {}) },
          ...(payload !== undefined ? { payload } : {}),
        });
      const name = `${operation.method} ${operation.path}`;

      const generated: fc.Arbitrary<FuzzCase> = fc.record(
        {
          body: bodySchema ? bodyFor(bodySchema) : fc.constant(undefined),
          query: fc.record(Object.fromEntries([...queryParams.map((q) => [q.name, valueFor(q.schema)] as const), ['unknown', hostileString] as const]), { requiredKeys: [] }),
          path: fc.option(fc.record({ name: fc.constantFrom(...(pathParams.length ? pathParams.map((p) => p.name) : ['none'])), value: hostileString }), { freq: 4 }),
        },
        { requiredKeys: ['query'] },
      ).map((c) => ({ ...c, path: c.path ?? undefined }));
      await fc.assert(
        fc.asyncProperty(generated, async (c) => {
          const response = await send(url(c.path, queryString(c.query)), c.body === undefined ? undefined : JSON.stringify(c.body));
          await check(`${name} ${JSON.stringify(c).slice(0, 300)}`, response, problems);
        }),
        { numRuns: RUNS, ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}) },
      );

      for (const parameter of pathParams) {
        for (const value of HOSTILE_STRINGS) await check(`${name} {${parameter.name}}=${JSON.stringify(value.slice(0, 40))}`, await send(url({ name: parameter.name, value })), problems);
      }
      for (const parameter of [...queryParams.map((q) => q.name), 'unknown']) {
        for (const value of QUERY_STRINGS) await check(`${name} ?${parameter}=${JSON.stringify(value.slice(0, 40))}`, await send(url(undefined, queryString({ [parameter]: [value, value] }))), problems);
      }
      // Every hostile string as the only field of a body that names something (issue 13: a name must
      // not carry a line break into an email); the last test checks that none was stored.
      if (bodySchema && 'name' in ((bodySchema as { properties?: object }).properties ?? {})) {
        for (const value of HOSTILE_STRINGS) await check(`${name} {name: ${JSON.stringify(value.slice(0, 40))}}`, await send(url(), JSON.stringify({ name: value })), problems);
      }
      if (operation.method !== 'GET') {
        const limit = bodyLimitOf(h.app, operation.method, operation.path);
        for (const raw of rawPayloads(limit)) await check(`${name} with ${raw.name}`, await send(url(), raw.payload, raw.contentType), problems);
      }
    }
    for (const value of HOSTILE_STRINGS) await check(`avatar ${value.slice(0, 20)}`, await h.app.inject({ method: 'GET', url: `/organization-avatar/${encodeSegment(value)}/` }), problems);
    t.diagnostic(`input fuzzing: ${cases} requests over ${operations.length} routes`);
    console.log(`input fuzzing: ${cases} requests over ${operations.length} routes`);
    assert.deepEqual(problems, []);
  });

  it('issue 13: after all of it, no stored name of an organization, team or user holds a control character or a line break', async () => {
    const names = [
      ...(await h.database.db.selectFrom('organizations').select('name').execute()),
      ...(await h.database.db.selectFrom('teams').select('name').execute()),
      ...(await h.database.db.selectFrom('users').select('name').execute()),
    ].map((row) => row.name);
    assert.ok(names.length > 10);
    assert.deepEqual(names.filter((name) => !isCleanName(name)), []);
  });
});
