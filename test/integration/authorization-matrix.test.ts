import crypto from 'node:crypto';
import { after, before, describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { OpenApiDocument } from '../helpers/api-types.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import {
  buildForeign,
  buildHome,
  cellApplies,
  endpointName,
  ENDPOINTS,
  expectedDetail,
  expectedStatus,
  isScimKind,
  isScimRoute,
  fillPath,
  TEAM_ENDPOINTS,
  isSentryErrorBody,
  leakedInternals,
  openApiOperations,
  organizationRows,
  REQUESTER_KINDS,
  requesterOf,
  type EndpointSpec,
  type World,
} from '../matrix/index.js';
import { storedSecrets } from '../helpers/secrets.js';
import { accountRequest, isAccountRoute } from '../helpers/session.js';

/**
 * Issue 5, the authorization matrix: every route of the served OpenAPI document × every kind of
 * requester × every kind of target, each cell's status derived from the role rules (test/matrix),
 * checked against the running app. A refused write must change nothing in its organization; after a
 * successful write the home organization is built anew, so no cell sees another's effects. The other
 * organization is built once and must be unchanged, byte for byte, when all cells have run.
 */
describe('authorization matrix: every endpoint × requester × target, expected status from src/access/access.ts', () => {
  let h: Harness;
  let world: World;
  let foreignBefore: string;
  const responses: Array<{ cell: string; text: string; enrolment: boolean }> = [];
  let cells = 0;

  let openMembership = false;

  const newWorld = async (): Promise<World> => {
    const { home, superuser } = await buildHome(h, { openMembership });
    return { h, home, superuser, foreign: world?.foreign ?? (await buildForeign(h)) };
  };

  before(async () => {
    // A key, so that creating a webhook endpoint (it seals a signing secret) can succeed.
    h = await createHarness({ config: { secretKey: crypto.randomBytes(32) } });
    world = await newWorld();
    foreignBefore = await organizationRows(h, world.foreign.id);
  });
  after(() => h.close());

  it('every route in /api/0/openapi.json has matrix entries, and every entry is a served route', async () => {
    const document = (await h.request<OpenApiDocument>(null, 'GET', '/api/0/openapi.json')).body;
    const served = openApiOperations(document);
    const covered = new Set(ENDPOINTS.map((spec) => `${spec.method} ${spec.path}`));
    // The browser sign-in routes act on the caller's session, not on scopes in an organization: they
    // have no requester × target cells, and test/integration/sessions.test.ts covers them.
    const signIn = (operation: string) => operation.includes(' /api/0/auth/');
    assert.deepEqual(served.filter((operation) => !covered.has(operation) && !signIn(operation)), [], 'routes without a matrix entry');
    assert.deepEqual([...covered].filter((operation) => !served.includes(operation)), [], 'matrix entries for routes that are not served');
  });

  async function runCells(t: TestContext, spec: EndpointSpec) {
    const failures: string[] = [];
    const scimKindsTried = new Set<string>();
    let count = 0;
    for (const kind of REQUESTER_KINDS) {
      for (const target of spec.targets) {
        const requester = await requesterOf(world, kind, spec.needed);
        const cell = { world, requester, target };
        // A SCIM token is refused by the authentication hook before any target matters: on a route
        // outside the SCIM API, each SCIM kind is tried once, on the first target that applies.
        const scimElsewhere = isScimKind(kind) && !isScimRoute(spec);
        if (!cellApplies(spec, cell) || (scimElsewhere && scimKindsTried.has(kind))) {
          await requester.release?.();
          continue;
        }
        if (scimElsewhere) scimKindsTried.add(kind);
        count += 1;
        const expected = expectedStatus(spec, cell);
        const request = await spec.build(cell);
        const url = fillPath(spec.path, request.params, request.query);
        const label = `${kind} → ${target}: ${spec.method} ${url}`;
        const homeBefore = spec.method === 'GET' ? null : await organizationRows(h, world.home.id);
        // The account routes take a browser session only (issue 13): their cells ask as the requester's
        // browser; account-session-only.test.ts checks that every token is refused there.
        const response =
          isAccountRoute(url) && requester.token && requester.userId ? await accountRequest(h, requester.token, spec.method, url, request.body) : await h.request(requester.token, spec.method, url, request.body);
        const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
        responses.push({ cell: label, text, enrolment: spec.path.endsWith('/enroll/') && spec.method === 'GET' });
        if (response.status !== expected) failures.push(`${label}: expected ${expected}, got ${response.status} ${text.slice(0, 200)}`);
        if (response.status >= 400 && !isSentryErrorBody(response.body)) failures.push(`${label}: not a Sentry error body: ${text.slice(0, 200)}`);
        const detail = expectedDetail(spec, cell);
        if (detail !== null && (response.body as { detail?: unknown } | null)?.detail !== detail) failures.push(`${label}: expected the detail "${detail}", got ${text.slice(0, 200)}`);
        const leak = leakedInternals(text);
        if (leak) failures.push(`${label}: the response shows ${leak}: ${text.slice(0, 200)}`);
        if (homeBefore !== null && response.status >= 400 && (await organizationRows(h, world.home.id)) !== homeBefore) {
          failures.push(`${label}: refused with ${response.status} but the organization changed`);
        }
        if (response.status < 300 && spec.method !== 'GET' && !spec.keepsWorld) world = await newWorld();
        else await requester.release?.();
      }
    }
    if (!isScimRoute(spec) && scimKindsTried.size !== 2) failures.push(`a SCIM token kind was never tried here (tried: ${[...scimKindsTried].join(', ') || 'none'})`);
    cells += count;
    t.diagnostic(`${count} cells`);
    assert.deepEqual(failures, [], `${failures.length} of ${count} cells disagree with the rules`);
  }

  for (const spec of ENDPOINTS) {
    it(`${endpointName(spec)}: each requester kind × target answers as the role rules say`, (t) => runCells(t, spec));
  }

  // §3.7: with open membership every member has access to every team; the team routes again, so.
  for (const spec of TEAM_ENDPOINTS) {
    it(`${endpointName(spec)}, open membership: each requester kind × target answers as the role rules say`, async (t) => {
      if (!openMembership) {
        openMembership = true;
        world = await newWorld();
      }
      await runCells(t, spec);
    });
  }

  it('in all, the matrix checked every cell, and the other organization is byte-for-byte unchanged', async (t) => {
    t.diagnostic(`authorization matrix: ${cells} cells over ${ENDPOINTS.length} endpoints (and ${TEAM_ENDPOINTS.length} again with open membership) × ${REQUESTER_KINDS.length} requester kinds`);
    console.log(`authorization matrix: ${cells} cells checked`);
    assert.ok(cells > 1400, `only ${cells} cells ran`);
    assert.equal(await organizationRows(h, world.foreign.id), foreignBefore);
  });

  it('no response of the matrix carries a stored hash or a TOTP secret (enrolment shows only its own new secret)', async () => {
    const secrets = await storedSecrets(h);
    const found: string[] = [];
    for (const { cell, text, enrolment } of responses) {
      for (const candidate of text.match(/[0-9a-f]{64}/g) ?? []) if (secrets.hashes.has(candidate)) found.push(`${cell}: a stored hash`);
      if (enrolment) continue;
      for (const candidate of text.match(/[A-Z2-7]{16,}/g) ?? []) if (secrets.totp.has(candidate)) found.push(`${cell}: a TOTP secret`);
    }
    assert.ok(secrets.hashes.size > 100 && secrets.totp.size > 10, 'the scan has secrets to look for');
    assert.deepEqual(found, []);
  });
});
