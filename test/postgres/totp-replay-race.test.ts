import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { totpCode } from '../../src/identity/totp.js';
import { USED_CODE } from '../../src/identity/sessions.service.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { parseResponse, signIn } from '../helpers/session.js';

const SECRET = 'JBSWY3DPEHPK3PXP';

/**
 * One TOTP code sent at once from several sessions of one account (an attacker who saw the code races
 * the owner), through three apps with their own connection pools on one PostgreSQL schema (as three
 * processes would be): exactly one session passes, every other is told the code is used.
 */
describe('TOTP replay under concurrency (PostgreSQL)', () => {
  const ROUNDS = 8;
  const SESSIONS = 6; // under the 10 codes per account per 15 minutes
  let h: Harness;
  let apps: FastifyInstance[];

  before(async () => {
    h = await createHarness({ start: new Date('2030-01-01T00:00:10Z') });
    apps = [h.app];
    for (let i = 0; i < 2; i++) apps.push(await h.anotherApp({ poolSize: SESSIONS }));
    await h.seed({ users: [{ email: 'racer@example.com', totpSecret: SECRET }] });
  });
  after(() => h.close());

  it('several concurrent submissions of one code: exactly one succeeds, the rest are refused as used', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      // A new step and a fresh rate-limit window each round.
      h.clock.advance(15 * 60_000);
      const sessions = await Promise.all(Array.from({ length: SESSIONS }, () => signIn(h, 'racer@example.com')));
      const otp = totpCode(SECRET, h.clock.now());
      const responses = await Promise.all(
        sessions.map(async (session, index) =>
          parseResponse(
            await apps[index % apps.length]!.inject({
              method: 'POST',
              url: '/api/0/auth/2fa/',
              headers: { cookie: `roster_session=${session.cookie}`, 'x-csrftoken': session.csrfToken! },
              payload: { otp },
            }),
          ),
        ),
      );
      const statuses = responses.map((response) => response.status);
      assert.deepEqual([...statuses].sort(), [204, ...Array<number>(SESSIONS - 1).fill(400)], `round ${round}: ${statuses.join(', ')}`);
      for (const response of responses.filter((r) => r.status === 400)) assert.deepEqual(response.body, { otp: [USED_CODE] });

      const signedIn = await Promise.all(sessions.map(async (session) => !(await session.request('GET', '/api/0/auth/')).body.needs2fa));
      assert.equal(signedIn.filter(Boolean).length, 1, `round ${round}: one session is signed in`);
    }
  });
});
