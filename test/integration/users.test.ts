import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.js';
import { assertMatchesOpenApi } from '../helpers/openapi.js';
import { totpCode } from '../../src/identity/totp.js';
import { presentUser, presentUserWithEmails } from '../../src/identity/users.presenter.js';
import { findUsersWithTwoFactor } from '../../src/identity/users.queries.js';
import { ENROLMENT_MINUTES } from '../../src/identity/authenticators.service.js';
import { SESSION_ONLY } from '../../src/identity/authenticate.js';
import { accountRequest } from '../helpers/session.js';

const ENROLL = '/api/0/users/me/authenticators/totp/enroll/';

describe('accounts: /users/me/ and TOTP two-factor', () => {
  let h: Harness;
  let ann: string;
  let bob: string;
  let enrolled: string;
  let strict: string;
  let annId: string;

  before(async () => {
    h = await createHarness({ start: new Date('2030-01-01T00:00:00Z') });
    const seeded = await h.seed({
      users: [
        { email: 'ann@example.com', name: 'Ann', emailVerified: false },
        { email: 'bob@example.com' },
        { email: 'enrolled@example.com', totpSecret: 'JBSWY3DPEHPK3PXP' },
        { email: 'strict@example.com', totpSecret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' },
      ],
      organizations: [{ slug: 'strict', name: 'Strict', settings: { require2FA: true }, members: [{ email: 'strict@example.com', role: 'owner' }] }],
    });
    ann = seeded.users['ann@example.com']!.token;
    annId = seeded.users['ann@example.com']!.id;
    bob = seeded.users['bob@example.com']!.token;
    enrolled = seeded.users['enrolled@example.com']!.token;
    strict = seeded.users['strict@example.com']!.token;
  });
  after(() => h.close());

  const me = async (token: string) => {
    const response = await h.request(token, 'GET', '/api/0/users/me/');
    assert.equal(response.status, 200);
    return response.body;
  };

  it('GET /users/me/ is the requester in Sentry\'s user shape, with emails and no secrets', async () => {
    const body = await me(ann);
    assert.equal(body.id, annId);
    assert.equal(body.name, 'Ann');
    assert.equal(body.username, 'ann@example.com');
    assert.equal(body.email, 'ann@example.com');
    assert.equal(body.hasPasswordAuth, false);
    assert.equal(body.has2fa, false);
    assert.equal(body.isSuperuser, false);
    assert.deepEqual(body.emails, [{ id: annId, email: 'ann@example.com', is_verified: false }]);
    assert.deepEqual(body.authenticators, []);
    assert.deepEqual(body.avatar, { avatarType: 'letter_avatar', avatarUuid: null, avatarUrl: null });
    assert.match(body.avatarUrl, /^https:\/\/gravatar\.com\/avatar\/[0-9a-f]{32}\?s=32&d=mm$/);
    assert.ok(!Number.isNaN(Date.parse(body.dateJoined)));
    // The same keys Sentry's OpenAPI file requires of a user object (checked through a member list shape).
    assertMatchesOpenApi('get', '/api/0/organizations/{organization_id_or_slug}/members/', 200, [
      { ...minimalMember(), user: body },
    ]);
  });

  it('without credentials: 401', async () => {
    const response = await h.request(null, 'GET', '/api/0/users/me/');
    assert.equal(response.status, 401);
    assert.deepEqual(response.body, { detail: 'Authentication credentials were not provided.' });
  });

  it('has2fa and authenticators report only a confirmed authenticator (seeded)', async () => {
    const body = await me(enrolled);
    assert.equal(body.has2fa, true);
    assert.equal(body.authenticators.length, 1);
    assert.deepEqual(Object.keys(body.authenticators[0]!).sort(), ['dateCreated', 'dateUsed', 'id', 'name', 'type']);
    assert.equal(body.authenticators[0]!.type, 'totp');
    assert.ok(!JSON.stringify(body).includes('JBSWY3DPEHPK3PXP'), 'the secret never leaves');
  });

  it('the member-facing user presenter leaves emails out and reads has2fa from the query', async () => {
    const [row] = await findUsersWithTwoFactor(h.database.db, [annId, annId]);
    assert.ok(row);
    const user = presentUser(row, row.has2fa);
    assert.equal(user.has2fa, false);
    assert.equal('emails' in user, false);
    const [other] = await findUsersWithTwoFactor(h.database.db, [(await me(enrolled)).id]);
    assert.equal(other!.has2fa, true);
    // Sentry's OpenAPI file lists `emails` as required on a member's user: the variant with emails passes.
    const withEmails = JSON.parse(JSON.stringify(presentUserWithEmails(row, row.has2fa)));
    assertMatchesOpenApi('get', '/api/0/organizations/{organization_id_or_slug}/members/', 200, [{ ...minimalMember(), user: withEmails }]);
  });

  it('enrolment: GET gives a secret and its otpauth URI, and leaves has2fa false until confirmed', async () => {
    const response = await accountRequest(h, bob, 'GET', ENROLL);
    assert.equal(response.status, 200);
    assert.match(response.body.secret, /^[A-Z2-7]{32}$/);
    assert.equal(response.body.qrcodeUri, `otpauth://totp/Roster:bob@example.com?secret=${response.body.secret}&issuer=Roster`);
    assert.equal((await me(bob)).has2fa, false);
    assert.deepEqual((await me(bob)).authenticators, []);
  });

  it('enrolment: a wrong code is refused with Sentry\'s message and changes nothing', async () => {
    const { secret } = (await accountRequest(h, bob, 'GET', ENROLL)).body;
    const good = totpCode(secret, h.clock.now());
    const bad = good === '000000' ? '000001' : '000000';
    const response = await accountRequest(h, bob, 'POST', ENROLL, { secret, otp: bad });
    assert.equal(response.status, 400);
    assert.deepEqual(response.body, { details: 'Invalid confirmation code. Try again.' });
    assert.equal((await me(bob)).has2fa, false);
  });

  it('enrolment: a GET answers the secret in progress until it expires (a cross-site GET cannot replace it); then a new one (issue 13)', async () => {
    const first = (await accountRequest(h, bob, 'GET', ENROLL)).body.secret;
    const second = (await accountRequest(h, bob, 'GET', ENROLL)).body.secret;
    assert.equal(second, first, 'the same secret while the enrolment is in progress');
    h.clock.advance(ENROLMENT_MINUTES * 60_000);
    const expired = await accountRequest<{ details: string }>(h, bob, 'POST', ENROLL, { secret: first, otp: totpCode(first, h.clock.now()) });
    assert.equal(expired.status, 400, 'an expired enrolment no longer confirms');
    assert.match(expired.body.details, /No enrolment in progress/);
    const third = (await accountRequest(h, bob, 'GET', ENROLL)).body.secret;
    assert.notEqual(third, first);
    const stale = await accountRequest<{ details: string }>(h, bob, 'POST', ENROLL, { secret: first, otp: totpCode(first, h.clock.now()) });
    assert.equal(stale.status, 400);
    assert.ok(stale.body.details);
    const rows = await h.database.db.selectFrom('user_authenticators as a').innerJoin('users as u', 'u.id', 'a.user_id').select('a.secret').where('u.email', '=', 'bob@example.com').execute();
    assert.deepEqual(rows.map((row) => row.secret), [third]);
  });

  it('the authenticator routes take a browser session only: a token is a 403 and changes nothing (issue 13)', async () => {
    const [theirs] = (await me(enrolled)).authenticators;
    const secretsBefore = await h.database.db.selectFrom('user_authenticators').select(['id', 'secret', 'confirmed']).orderBy('id').execute();
    for (const [method, url, body] of [
      ['GET', ENROLL, undefined],
      ['POST', ENROLL, { secret: 'JBSWY3DPEHPK3PXP', otp: '123456' }],
      ['DELETE', `/api/0/users/me/authenticators/${theirs!.id}/`, undefined],
    ] as const) {
      for (const token of [ann, enrolled]) {
        const response = await h.request(token, method, url, body);
        assert.equal(response.status, 403, `${method} ${url}`);
        assert.deepEqual(response.body, { detail: SESSION_ONLY });
      }
    }
    assert.deepEqual(await h.database.db.selectFrom('user_authenticators').select(['id', 'secret', 'confirmed']).orderBy('id').execute(), secretsBefore);
  });

  it('enrolment: a code from the app (±1 step, on the injected clock) confirms it; then has2fa is true', async () => {
    const { secret } = (await accountRequest(h, bob, 'GET', ENROLL)).body;
    const code = totpCode(secret, new Date(h.clock.now().getTime() - 30_000)); // the previous step still counts
    const response = await accountRequest(h, bob, 'POST', ENROLL, { secret, otp: code });
    assert.equal(response.status, 204);
    const body = await me(bob);
    assert.equal(body.has2fa, true);
    assert.equal(body.authenticators.length, 1);
    assert.equal(body.authenticators[0]!.name, 'Authenticator App');
  });

  it('re-enrolment is refused while a confirmed TOTP exists, and the confirmed one is kept', async () => {
    const again = await accountRequest<{ details: string }>(h, bob, 'GET', ENROLL);
    assert.equal(again.status, 400);
    assert.match(again.body.details, /^Already enrolled/);
    const confirmAgain = await accountRequest(h, bob, 'POST', ENROLL, { secret: 'JBSWY3DPEHPK3PXPJBSWY3DP', otp: '123456' });
    assert.equal(confirmAgain.status, 400);
    assert.equal((await me(bob)).has2fa, true);
  });

  it('confirming with no enrolment in progress is a clear 400; a malformed body is a field error', async () => {
    const none = await accountRequest<{ details: string }>(h, ann, 'POST', ENROLL, { secret: 'JBSWY3DPEHPK3PXP', otp: '123456' });
    assert.equal(none.status, 400);
    assert.match(none.body.details, /No enrolment in progress/);
    const missing = await accountRequest(h, ann, 'POST', ENROLL, { secret: 'JBSWY3DPEHPK3PXP' });
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.body, { otp: ['This field is required.'] });
  });

  it('DELETE /users/me/authenticators/{id}/ removes it (204), after which has2fa is false', async () => {
    const [authenticator] = (await me(bob)).authenticators;
    const response = await accountRequest(h, bob, 'DELETE', `/api/0/users/me/authenticators/${authenticator!.id}/`);
    assert.equal(response.status, 204);
    assert.equal((await me(bob)).has2fa, false);
    const again = await accountRequest(h, bob, 'DELETE', `/api/0/users/me/authenticators/${authenticator!.id}/`);
    assert.equal(again.status, 404);
  });

  it('another user\'s authenticator is a 404 and is kept; a malformed id is a 404', async () => {
    const [theirs] = (await me(enrolled)).authenticators;
    const response = await accountRequest(h, ann, 'DELETE', `/api/0/users/me/authenticators/${theirs!.id}/`);
    assert.equal(response.status, 404);
    assert.deepEqual(response.body, { detail: 'The requested resource does not exist' });
    assert.equal((await me(enrolled)).has2fa, true);
    assert.equal((await accountRequest(h, ann, 'DELETE', '/api/0/users/me/authenticators/abc/')).status, 404);
  });

  it('a member of an organization requiring 2FA cannot remove their authenticator (403)', async () => {
    const [authenticator] = (await me(strict)).authenticators;
    const response = await accountRequest(h, strict, 'DELETE', `/api/0/users/me/authenticators/${authenticator!.id}/`);
    assert.equal(response.status, 403);
    assert.deepEqual(response.body, { detail: 'Cannot delete authenticator because organization requires 2FA' });
    assert.equal((await me(strict)).has2fa, true);
  });
});

function minimalMember() {
  return {
    id: '1', email: 'ann@example.com', name: 'Ann', orgRole: 'member', role: 'member', roleName: 'Member',
    pending: false, expired: false, dateCreated: '2030-01-01T00:00:00Z', inviteStatus: 'approved', inviterName: null,
    flags: { 'idp:provisioned': false, 'idp:role-restricted': false, 'sso:linked': false, 'sso:invalid': false, 'member-limit:restricted': false, 'partnership:restricted': false },
  };
}
