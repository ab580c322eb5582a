import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { createHarness, type Harness } from '../helpers/harness.js';
import { seedDemo } from '../../src/seed/demo.js';
import { browser, parseResponse, sessionCookie, signinToken } from '../helpers/session.js';

/** The first start of an empty database prints a link that signs the demo owner in to the console. */
describe('demo: a sign-in link for the owner', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
  });
  after(() => h.close());

  it('seedDemo returns a one-time link that signs in the owner of acme, and nothing on a second start', async () => {
    const runtime = { config: h.config, database: h.database, services: h.services, clock: h.clock, logger: pino({ level: 'silent' }), close: async () => {} };
    const demo = await seedDemo(runtime);
    assert.ok(demo);
    assert.match(demo.signinUrl, /^http:\/\/roster\.test\/signin\/[0-9a-f]{64}\/$/);

    const response = parseResponse(await h.app.inject({ method: 'POST', url: '/api/0/auth/signin/', payload: { token: signinToken(demo.signinUrl) } }));
    assert.equal(response.status, 200);
    const session = browser(h, sessionCookie(response.headers)!);
    const me = await session.request('GET', '/api/0/auth/');
    assert.equal(me.body.email, demo.ownerEmail);
    const org = await session.request('GET', `/api/0/organizations/${demo.orgSlug}/`);
    assert.equal(org.status, 200);
    assert.equal(org.body.orgRole, 'owner');

    assert.equal(await seedDemo(runtime), null);
  });
});
