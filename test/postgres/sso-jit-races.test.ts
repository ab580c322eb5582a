import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { insertUser } from '../../src/identity/users.queries.js';
import { samlServiceProviderFor } from '../../src/sso/sso-protocol.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { buildOrg, type BuiltOrg } from '../helpers/org-factory.js';
import { startSamlIdp, type TestSamlIdp } from '../helpers/saml-idp.js';
import { refusalCode, ssoClient } from '../helpers/sso-client.js';
import type { Response } from '../helpers/harness.js';

/**
 * A just-in-time SSO sign-in creates the account of an address nobody holds yet. Another request may
 * create that account at the same moment (a sign-in through another organization's provider, an
 * accepted invite): the sign-in then meets an existing account and follows the rules for one (not a
 * member here: 409 `account-exists`), never a unique violation and a 500. Two apps with their own
 * connection pools on one PostgreSQL schema, as two `roster serve` processes would be.
 */
describe('JIT SSO sign-ins racing the creation of their account (PostgreSQL)', () => {
  const ROUNDS = 8;
  let h: Harness;
  let apps: FastifyInstance[];
  const orgs: Array<{ org: BuiltOrg; idp: TestSamlIdp }> = [];

  before(async () => {
    h = await createHarness();
    apps = [h.app, await h.anotherApp({ poolSize: 5 })];
    for (let i = 0; i < 2; i++) {
      const org = await buildOrg(h, { members: { owner: { role: 'owner' } } });
      const idp = await startSamlIdp(samlServiceProviderFor(h.config, org.slug), { entityId: `https://idp.test.invalid/${org.slug}` });
      const created = await h.request(org.tokens.owner!, 'POST', `/api/0/organizations/${org.slug}/auth-provider/`, {
        provider: 'saml2',
        config: { idp_metadata_xml: idp.metadataXml },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      orgs.push({ org, idp });
    }
  });
  after(() => h.close());

  /** Starts a sign-in at organization `index` through app `index`, and returns the POST to its ACS, ready to send. */
  async function prepared(index: number, email: string): Promise<() => Promise<Response>> {
    const { org, idp } = orgs[index]!;
    const client = ssoClient({ ...h, app: apps[index]! });
    const authnRequestUrl = await client.start(org.slug);
    const form = {
      SAMLResponse: await idp.respond(authnRequestUrl, { nameId: `${index}-${email}`, email }),
      RelayState: new URL(authnRequestUrl).searchParams.get('RelayState')!,
    };
    return () => client.send('POST', `/saml/acs/${org.slug}/`, { form });
  }

  const usersWith = async (email: string) => (await h.database.db.selectFrom('users').select('id').where('email', '=', email).execute()).length;

  it('two sign-ins wait on an account being created with their address, then treat it as an existing one', async () => {
    const email = 'held@newcomers.example';
    const posts = await Promise.all([prepared(0, email), prepared(1, email)]);
    const holder = await h.testDatabase.openAnother(1);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding!: (pid: number) => void;
    const holderPid = new Promise<number>((resolve) => (holding = resolve));
    // Another request's transaction has created the account and not committed yet.
    const creation = holder.db.transaction().execute(async (tx) => {
      await insertUser(tx, { email });
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(tx);
      holding(rows[0]!.pid);
      await released;
    });
    const pid = await holderPid;
    const answers = Promise.all(posts.map((post) => post()));
    try {
      // Both sign-ins found no account, and now wait on the uncommitted one's unique key.
      const giveUp = Date.now() + 120_000; // a guard against hanging, not a timing assertion
      for (let waiting = 0; waiting < 2; ) {
        if (Date.now() > giveUp) assert.fail(`only ${waiting} sign-in(s) came to wait on the account being created`);
        await new Promise((resolve) => setTimeout(resolve, 20));
        const { rows } = await sql<{ waiting: number }>`select count(*)::int as waiting from pg_stat_activity where ${pid} = any(pg_blocking_pids(pid))`.execute(h.database.db);
        waiting = rows[0]!.waiting;
      }
    } finally {
      release();
    }
    await creation;
    const responses = await answers;
    for (const response of responses) {
      assert.equal(response.status, 409, String(response.body));
      assert.equal(refusalCode(response), 'account-exists');
    }
    assert.equal(await usersWith(email), 1);
  });

  it('two JIT sign-ins with one address through two organizations at once: one joins, one meets the account, no 5xx', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const email = `racer-${round}@newcomers.example`;
      const posts = await Promise.all([prepared(0, email), prepared(1, email)]);
      const responses = await Promise.all(posts.map((post) => post()));
      const statuses = responses.map((response) => response.status);
      assert.deepEqual([...statuses].sort(), [302, 409], `round ${round}: ${statuses.join(', ')}`);
      assert.equal(refusalCode(responses[statuses.indexOf(409)]!), 'account-exists');
      assert.equal(await usersWith(email), 1, `round ${round}`);
    }
  });
});
