import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.js';
import { parseResponse } from '../helpers/session.js';
import { RATE_LIMITS, SIGNIN_LINK_MINUTES } from '../../src/identity/sessions.service.js';

const LINK = '/api/0/auth/signin-link/';

/**
 * Issue 13, items 5 and 6: `POST /auth/signin-link/` answered 2–5 ms later for an address with an
 * account, a stranger could spend an address's links for the hour, and behind a reverse proxy every
 * client shared one rate-limit bucket (and the audit log showed the proxy's address).
 */
describe('sign-in links: the answer says nothing of the address, and nobody can lock its owner out', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
    await h.seed({ users: [{ email: 'olive@example.com' }, { email: 'victim@example.com' }] });
  });
  after(() => h.close());

  const post = (email: string, remoteAddress = '127.0.0.1') => h.app.inject({ method: 'POST', url: LINK, payload: { email }, remoteAddress }).then(parseResponse);
  const emailsTo = async (email: string) =>
    (await h.database.db.selectFrom('email_outbox').select('id').where('recipient', '=', email).execute()).length;
  const liveLinks = async (email: string) =>
    (
      await h.database.db
        .selectFrom('user_one_time_tokens')
        .select('id')
        .where('email', '=', email)
        .where('purpose', '=', 'signin')
        .where('used_at', 'is', null)
        .where('expires_at', '>', h.clock.now())
        .execute()
    ).length;

  it('item 5: the 204 is sent before the address is looked up, for a known address as for an unknown one', async () => {
    const sessions = h.services.sessions;
    const original = sessions.sendSigninLink;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const asked: string[] = [];
    // The lookup and the outbox are held back until the answers are in.
    sessions.sendSigninLink = (email: string) => {
      asked.push(email);
      return gate.then(() => original(email));
    };
    try {
      assert.equal((await post('olive@example.com', '198.51.100.1')).status, 204);
      assert.equal((await post('nobody@example.com', '198.51.100.1')).status, 204);
      assert.deepEqual(asked, ['olive@example.com', 'nobody@example.com'], 'both addresses are handed on only after their answer');
      assert.equal(await emailsTo('olive@example.com'), 0, 'nothing was looked up or written before the answer');
      open();
      await gate;
      await new Promise((resolve) => setImmediate(resolve));
      await sessions.settled();
      assert.equal(await emailsTo('olive@example.com'), 1);
      assert.equal(await emailsTo('nobody@example.com'), 0);
    } finally {
      sessions.sendSigninLink = original;
    }
  });

  it('item 6: a stranger asking for an address over and over cannot lock its owner out; the address gets a bounded number of emails', async () => {
    const { limit } = RATE_LIMITS.linksPerAddress;
    const before = await emailsTo('victim@example.com');
    // A stranger, from many addresses, asks twice the hourly limit: every answer is a 204.
    for (let i = 0; i < 2 * limit; i++) {
      assert.equal((await post('victim@example.com', `203.0.113.${i + 1}`)).status, 204);
      await h.services.sessions.settled();
      assert.ok((await liveLinks('victim@example.com')) >= 1, 'the owner holds a working link after every request');
    }
    assert.equal((await emailsTo('victim@example.com')) - before, limit, 'past the limit, no email while a link is live');
    // When the links expire (15 minutes, not the hour), the owner asks and gets a new one.
    h.clock.advance(SIGNIN_LINK_MINUTES * 60_000);
    assert.equal(await liveLinks('victim@example.com'), 0);
    assert.equal((await post('victim@example.com', '192.0.2.50')).status, 204);
    await h.services.sessions.settled();
    assert.equal(await liveLinks('victim@example.com'), 1, 'the owner is not locked out for the rest of the hour');
    assert.equal((await emailsTo('victim@example.com')) - before, limit + 1);
    h.clock.advance(3600_000);
  });
});

describe('ROSTER_TRUST_PROXY: behind a reverse proxy, each client has its own bucket and its own address in the audit log', () => {
  const PROXY = '10.0.0.1';
  let trusted: Harness;
  let untrusted: Harness;
  let hops: Harness;
  let token: string;
  before(async () => {
    trusted = await createHarness({ config: { trustProxy: Object.freeze([PROXY]) } });
    untrusted = await createHarness();
    hops = await createHarness({ config: { trustProxy: 1 } });
    const seeded = await trusted.seed({
      users: [{ email: 'o@example.com' }],
      organizations: [{ slug: 'acme', name: 'Acme', members: [{ email: 'o@example.com', role: 'owner' }] }],
    });
    token = seeded.users['o@example.com']!.token;
  });
  after(async () => {
    await trusted.close();
    await untrusted.close();
    await hops.close();
  });

  const ask = (h: Harness, client: string, remoteAddress = PROXY) =>
    h.app.inject({ method: 'POST', url: LINK, payload: { email: `${Math.random()}@example.com` }, remoteAddress, headers: { 'x-forwarded-for': client } });

  it('the per-IP limit counts the client named by a trusted proxy, not the proxy', async () => {
    const { limit } = RATE_LIMITS.linksPerIp;
    for (let i = 0; i < limit; i++) assert.equal((await ask(trusted, '198.51.100.7')).statusCode, 204);
    assert.equal((await ask(trusted, '198.51.100.7')).statusCode, 429);
    assert.equal((await ask(trusted, '198.51.100.8')).statusCode, 204, 'another client behind the same proxy is not limited');
  });

  it('X-Forwarded-For from anyone but a trusted proxy is ignored: a client cannot pick its bucket', async () => {
    const { limit } = RATE_LIMITS.linksPerIp;
    for (let i = 0; i < limit; i++) assert.equal((await ask(trusted, `192.0.2.${i + 1}`, '198.51.100.99')).statusCode, 204);
    assert.equal((await ask(trusted, '192.0.2.200', '198.51.100.99')).statusCode, 429);
    // Off by default: the peer is the client, whatever the header says.
    for (let i = 0; i < limit; i++) assert.equal((await ask(untrusted, `192.0.2.${i + 1}`, '198.51.100.98')).statusCode, 204);
    assert.equal((await ask(untrusted, '192.0.2.201', '198.51.100.98')).statusCode, 429);
  });

  it('a hop count trusts that many proxies in front of Roster', async () => {
    const { limit } = RATE_LIMITS.linksPerIp;
    for (let i = 0; i < limit; i++) assert.equal((await ask(hops, '203.0.113.9, 198.51.100.30', '10.9.9.9')).statusCode, 204);
    assert.equal((await ask(hops, '203.0.113.10, 198.51.100.30', '10.9.9.9')).statusCode, 429, 'the client is the hop before the one proxy');
    assert.equal((await ask(hops, '203.0.113.9, 198.51.100.31', '10.9.9.9')).statusCode, 204);
  });

  it("the audit log records the client's address, not the proxy's", async () => {
    const changed = await trusted.app.inject({
      method: 'PUT',
      url: '/api/0/organizations/acme/',
      payload: { name: 'Acme Two' },
      remoteAddress: PROXY,
      headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': '198.51.100.77' },
    });
    assert.equal(changed.statusCode, 200);
    const log = await trusted.request(token, 'GET', '/api/0/organizations/acme/audit-logs/?event=org.edit');
    assert.equal(log.body.rows[0]!.ipAddress, '198.51.100.77');
  });
});
