import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp } from '../../src/app.js';
import { createHarness, type MailHarness } from '../helpers/harness.js';
import { browser, parseResponse, sessionCookie, signIn, signinToken } from '../helpers/session.js';
import { totpCode } from '../../src/identity/totp.js';

const TOTP_SECRET = 'JBSWY3DPEHPK3PXP';
const CSRF_FAILED = { detail: 'CSRF Failed: CSRF token missing or incorrect.' };

describe('browser sessions: sign-in link, TOTP step, cookie, CSRF, logout', () => {
  let h: MailHarness;

  before(async () => {
    h = await createHarness({ mail: true });
    await h.seed({
      users: [
        { email: 'olive@example.com', name: 'Olive' },
        { email: 'twofa@example.com', totpSecret: TOTP_SECRET },
        { email: 'gone@example.com' },
      ],
      organizations: [{ slug: 'acme', name: 'Acme', members: [{ email: 'olive@example.com', role: 'owner' }] }],
    });
    await h.database.db.updateTable('users').set({ is_active: false }).where('email', '=', 'gone@example.com').execute();
  });
  after(async () => {
    await h.close();
  });

  const post = (url: string, payload: unknown, remoteAddress = '127.0.0.1') =>
    h.app.inject({ method: 'POST', url, payload: payload as object, remoteAddress }).then(parseResponse);
  const outboxTo = (email: string) => h.database.db.selectFrom('email_outbox').selectAll().where('recipient', '=', email).execute();

  it('signin-link emails a one-time link to a known address, and answers 204 for any address', async () => {
    const known = await post('/api/0/auth/signin-link/', { email: 'Olive@Example.com' });
    assert.equal(known.status, 204);
    for (const email of ['nobody@example.com', 'gone@example.com']) {
      assert.equal((await post('/api/0/auth/signin-link/', { email })).status, 204);
      await h.services.sessions.settled();
      assert.equal((await outboxTo(email)).length, 0, `no email for ${email}`);
    }
    await h.deliverMail();
    const [mail] = await h.smtp.waitFor((messages) => messages.length >= 1);
    assert.equal(mail!.to && 'text' in mail!.to ? mail!.to.text : '', 'olive@example.com');
    const link = /http:\/\/roster\.test\/signin\/[0-9a-f]{64}\//.exec(String(mail!.text))?.[0];
    assert.ok(link, 'the text part carries the link');
    assert.ok(String(mail!.html).includes(link), 'the HTML part carries the link');

    const signedIn = await post('/api/0/auth/signin/', { token: signinToken(link) });
    assert.equal(signedIn.status, 200);
    assert.deepEqual(signedIn.body, { needs2fa: false });
  });

  it('a sign-in token is stored hashed, works once, and expires after 15 minutes', async () => {
    const link = (await h.services.sessions.signinLinkFor('olive@example.com'))!;
    const token = signinToken(link);
    const stored = await h.database.db.selectFrom('user_one_time_tokens').select('token_hash').execute();
    assert.ok(stored.every((row) => row.token_hash !== token));
    assert.equal((await post('/api/0/auth/signin/', { token })).status, 200);
    const again = await post('/api/0/auth/signin/', { token });
    assert.equal(again.status, 400);
    assert.ok(Array.isArray((again.body as Record<string, unknown>).token));

    const late = signinToken((await h.services.sessions.signinLinkFor('olive@example.com'))!);
    h.clock.advance(15 * 60_000);
    assert.equal((await post('/api/0/auth/signin/', { token: late })).status, 400);
    assert.equal((await post('/api/0/auth/signin/', { token: 'f'.repeat(64) })).status, 400);
  });

  it('of two sign-ins racing with one link, exactly one gets a session', async () => {
    const token = signinToken((await h.services.sessions.signinLinkFor('olive@example.com'))!);
    const results = await Promise.all([1, 2, 3].map(() => post('/api/0/auth/signin/', { token })));
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 400, 400]);
  });

  it('the cookie is httpOnly and SameSite=Lax, not Secure over http; the session authenticates the API', async () => {
    const token = signinToken((await h.services.sessions.signinLinkFor('olive@example.com'))!);
    const response = await post('/api/0/auth/signin/', { token });
    const line = ([] as string[]).concat(response.headers['set-cookie'] as string[]).find((l) => l.startsWith('roster_session='))!;
    assert.match(line, /HttpOnly/);
    assert.match(line, /SameSite=Lax/);
    assert.doesNotMatch(line, /Secure/);
    const stored = await h.database.db.selectFrom('user_sessions').select('token_hash').execute();
    assert.ok(stored.every((row) => row.token_hash !== sessionCookie(response.headers)));

    const session = browser(h, sessionCookie(response.headers)!);
    const orgs = await session.request('GET', '/api/0/organizations/');
    assert.equal(orgs.status, 200);
    assert.deepEqual(orgs.body.map((org: { slug: string }) => org.slug), ['acme']);
    const me = await session.request('GET', '/api/0/auth/');
    assert.equal(me.status, 200);
    assert.equal(me.body.email, 'olive@example.com');
    assert.equal(me.body.needs2fa, false);
    assert.match(me.body.csrfToken, /^[A-Za-z0-9_-]{20,}$/);
  });

  it('with an https public URL the cookie is Secure', async () => {
    const secure = await buildApp({ database: h.database, config: { ...h.config, publicUrl: 'https://roster.test' }, services: h.services, logger: false });
    try {
      const token = signinToken((await h.services.sessions.signinLinkFor('olive@example.com'))!);
      const response = await secure.inject({ method: 'POST', url: '/api/0/auth/signin/', payload: { token } });
      assert.match(String(response.headers['set-cookie']), /; Secure/);
    } finally {
      await secure.close();
    }
  });

  it('a state-changing request with a session needs its CSRF token in X-CSRFToken', async () => {
    const session = await signIn(h, 'olive@example.com');
    const missing = await session.request('POST', '/api/0/organizations/', { name: 'No Csrf' }, { csrf: false });
    assert.equal(missing.status, 403);
    assert.deepEqual(missing.body, CSRF_FAILED);
    const wrong = await session.request('POST', '/api/0/organizations/', { name: 'Wrong Csrf' }, { csrf: 'x'.repeat(32) });
    assert.equal(wrong.status, 403);
    assert.deepEqual(wrong.body, CSRF_FAILED);
    const other = await signIn(h, 'olive@example.com');
    const foreign = await session.request('POST', '/api/0/organizations/', { name: 'Other Csrf' }, { csrf: other.csrfToken! });
    assert.equal(foreign.status, 403, "another session's token does not do");
    const logout = await session.request('DELETE', '/api/0/auth/', undefined, { csrf: false });
    assert.equal(logout.status, 403, 'logout is state-changing too');
    const created = await session.request('POST', '/api/0/organizations/', { name: 'With Csrf' });
    assert.equal(created.status, 201);
    assert.equal(created.body.orgRole, 'owner');
  });

  it('a bearer token is not a session: no CSRF token needed', async () => {
    const token = (await h.seed({ users: [{ email: 'bearer@example.com' }] })).users['bearer@example.com']!.token;
    const created = await h.request(token, 'POST', '/api/0/organizations/', { name: 'By Token' });
    assert.equal(created.status, 201);
  });

  it('an account with 2FA: the session authenticates nothing but the auth routes until a right TOTP code', async () => {
    const session = await signIn(h, 'twofa@example.com');
    assert.equal(session.needs2fa, true);
    const me = await session.request('GET', '/api/0/auth/');
    assert.equal(me.body.needs2fa, true);
    assert.equal(me.body.has2fa, true);
    assert.equal((await session.request('GET', '/api/0/organizations/')).status, 401);

    const wrongCode = String((Number(totpCode(TOTP_SECRET, h.clock.now())) + 1) % 1_000_000).padStart(6, '0');
    const wrong = await session.request<Record<string, string[]>>('POST', '/api/0/auth/2fa/', { otp: wrongCode });
    assert.equal(wrong.status, 400);
    assert.deepEqual(Object.keys(wrong.body), ['otp']);
    assert.equal((await session.request('POST', '/api/0/auth/2fa/', { otp: totpCode(TOTP_SECRET, h.clock.now()) }, { csrf: false })).status, 403);

    const right = await session.request('POST', '/api/0/auth/2fa/', { otp: totpCode(TOTP_SECRET, h.clock.now()) });
    assert.equal(right.status, 204);
    assert.equal((await session.request('GET', '/api/0/organizations/')).status, 200);
    assert.equal((await session.request('GET', '/api/0/auth/')).body.needs2fa, false);
  });

  it('TOTP codes are rate-limited per account: the 11th try in 15 minutes is a 429', async () => {
    const session = await signIn(h, 'twofa@example.com');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await session.request('POST', '/api/0/auth/2fa/', { otp: '000000' })).status);
    assert.ok(statuses.slice(0, 9).every((status) => status === 400 || status === 429));
    assert.equal(statuses[10], 429);
    h.clock.advance(15 * 60_000);
  });

  it('sign-in links are rate-limited per IP, in the database (shared by every process); the per-address rule is in signin-link.test.ts', async () => {
    // A second app on the same database stands for a second process: the counter is not in memory.
    const second = await buildApp({ database: h.database, config: h.config, services: h.services, logger: false });
    try {
      const perIp: number[] = [];
      for (let i = 0; i < 31; i++) {
        const app = i % 2 === 0 ? h.app : second;
        perIp.push((await app.inject({ method: 'POST', url: '/api/0/auth/signin-link/', payload: { email: `ip${i}@example.com` }, remoteAddress: '192.0.2.7' })).statusCode);
      }
      assert.equal(perIp.filter((status) => status === 204).length, 30);
      assert.equal(perIp[30], 429);
    } finally {
      await second.close();
    }
  });

  it('logout revokes the session server-side and clears the cookie', async () => {
    const session = await signIn(h, 'olive@example.com');
    const out = await session.request('DELETE', '/api/0/auth/');
    assert.equal(out.status, 204);
    assert.match(String(out.headers['set-cookie']), /roster_session=;/);
    assert.equal((await session.request('GET', '/api/0/organizations/')).status, 401);
    assert.equal((await session.request('GET', '/api/0/auth/')).status, 401);
  });

  it('a session expires after 14 days, and stops with its user', async () => {
    const session = await signIn(h, 'olive@example.com');
    h.clock.advance(14 * 24 * 3600_000);
    assert.equal((await session.request('GET', '/api/0/organizations/')).status, 401);
    const fresh = await signIn(h, 'olive@example.com');
    await h.database.db.updateTable('users').set({ is_active: false }).where('email', '=', 'olive@example.com').execute();
    assert.equal((await fresh.request('GET', '/api/0/organizations/')).status, 401);
    await h.database.db.updateTable('users').set({ is_active: true }).where('email', '=', 'olive@example.com').execute();
  });

  it('GET /api/0/auth/ without a session is Sentry\'s 401', async () => {
    const response = await h.request(null, 'GET', '/api/0/auth/');
    assert.equal(response.status, 401);
    assert.deepEqual(response.body, { detail: 'Authentication credentials were not provided.' });
  });
});
