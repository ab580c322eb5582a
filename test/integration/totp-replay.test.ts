import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { totpCode, TOTP_STEP_SECONDS } from '../../src/identity/totp.js';
import { INVALID_CODE, USED_CODE } from '../../src/identity/sessions.service.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { accountRequest, signIn } from '../helpers/session.js';

const SECRET = 'JBSWY3DPEHPK3PXP';
const STEP_MS = TOTP_STEP_SECONDS * 1000;
const ENROLL = '/api/0/users/me/authenticators/totp/enroll/';

/**
 * A TOTP code stays valid for its 30-second step (and one step either side); once an account has used
 * it, it is refused for the rest of that time, and so is any code of an earlier step.
 */
describe('TOTP codes cannot be replayed', () => {
  let h: Harness;
  let n = 0;

  before(async () => {
    // Mid-step, so that "the next step" is never reached by a test's own small clock moves.
    h = await createHarness({ start: new Date('2030-01-01T00:00:10Z') });
  });
  after(() => h.close());

  /** A fresh account with a TOTP authenticator (its own rate-limit budget), and its API token. */
  async function twoFactorUser(): Promise<{ email: string; token: string }> {
    const email = `replay${++n}@example.com`;
    const seeded = await h.seed({ users: [{ email, totpSecret: SECRET }] });
    return { email, token: seeded.users[email]!.token };
  }

  const codeAt = (offsetSteps: number, secret = SECRET) => totpCode(secret, new Date(h.clock.now().getTime() + offsetSteps * STEP_MS));

  async function secondStep(email: string, otp: string) {
    const session = await signIn(h, email);
    assert.equal(session.needs2fa, true);
    const response = await session.request('POST', '/api/0/auth/2fa/', { otp });
    const stillWaiting = (await session.request('GET', '/api/0/auth/')).body.needs2fa as boolean;
    return { status: response.status, body: response.body, stillWaiting };
  }

  it('a code that passed one sign-in does not pass another, in the same step or the next; a new code does', async () => {
    const { email } = await twoFactorUser();
    const code = codeAt(0);
    const first = await secondStep(email, code);
    assert.equal(first.status, 204);
    assert.equal(first.stillWaiting, false);

    const replay = await secondStep(email, code);
    assert.equal(replay.status, 400);
    assert.deepEqual(replay.body, { otp: [USED_CODE] });
    assert.equal(replay.stillWaiting, true, 'the replaying session is still not signed in');

    h.clock.advance(STEP_MS); // the code is still within the ±1 step window, and still refused
    assert.equal((await secondStep(email, code)).status, 400);
    assert.equal((await secondStep(email, codeAt(0))).status, 204);
  });

  it('after a code of a later step (a fast clock), an unused code of an earlier step is refused too', async () => {
    const { email } = await twoFactorUser();
    assert.equal((await secondStep(email, codeAt(1))).status, 204);
    const earlier = await secondStep(email, codeAt(0));
    assert.equal(earlier.status, 400);
    assert.deepEqual(earlier.body, { otp: [USED_CODE] });
    h.clock.advance(2 * STEP_MS);
    assert.equal((await secondStep(email, codeAt(0))).status, 204);
  });

  it('a wrong code is still "invalid", not "used"', async () => {
    const { email } = await twoFactorUser();
    const wrong = codeAt(0) === '000000' ? '000001' : '000000';
    assert.deepEqual((await secondStep(email, wrong)).body, { otp: [INVALID_CODE] });
  });

  it('the code that confirmed an enrolment cannot then pass the sign-in step', async () => {
    const email = `enrol${++n}@example.com`;
    const token = (await h.seed({ users: [{ email }] })).users[email]!.token;
    const { secret } = (await accountRequest(h, token, 'GET', ENROLL)).body;
    const code = codeAt(0, secret);
    assert.equal((await accountRequest(h, token, 'POST', ENROLL, { secret, otp: code })).status, 204);

    const replay = await secondStep(email, code);
    assert.equal(replay.status, 400);
    assert.deepEqual(replay.body, { otp: [USED_CODE] });
    h.clock.advance(STEP_MS);
    assert.equal((await secondStep(email, codeAt(0, secret))).status, 204);
  });

  it('a new enrolment has a new secret and starts afresh: its first code is taken in the same step', async () => {
    const email = `renrol${++n}@example.com`;
    const token = (await h.seed({ users: [{ email }] })).users[email]!.token;
    const first = (await accountRequest(h, token, 'GET', ENROLL)).body.secret;
    assert.equal((await accountRequest(h, token, 'POST', ENROLL, { secret: first, otp: codeAt(0, first) })).status, 204);
    const [authenticator] = (await h.request(token, 'GET', '/api/0/users/me/')).body.authenticators;
    assert.equal((await accountRequest(h, token, 'DELETE', `/api/0/users/me/authenticators/${authenticator!.id}/`)).status, 204);

    const second = (await accountRequest(h, token, 'GET', ENROLL)).body.secret;
    assert.equal((await accountRequest(h, token, 'POST', ENROLL, { secret: second, otp: codeAt(0, second) })).status, 204);
  });

  it('the accepted step is kept on the account\'s authenticator, in the database', async () => {
    const { email } = await twoFactorUser();
    assert.equal((await secondStep(email, codeAt(0))).status, 204);
    const row = await h.database.db
      .selectFrom('user_authenticators as a')
      .innerJoin('users as u', 'u.id', 'a.user_id')
      .select(['a.last_accepted_step', 'a.last_used_at'])
      .where('u.email', '=', email)
      .executeTakeFirstOrThrow();
    assert.equal(Number(row.last_accepted_step), Math.floor(h.clock.now().getTime() / STEP_MS));
    assert.equal(row.last_used_at?.getTime(), h.clock.now().getTime());
  });
});
