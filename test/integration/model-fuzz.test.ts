import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createHarness, type Harness } from '../helpers/harness.js';
import { operation } from '../model/operations.js';
import { coverage, runSequence } from '../model/runner.js';

/**
 * Issue 5, model-based fuzzing: long random sequences of invites, accepts, role and team changes,
 * team roles, joins and leaves, removals, settings (2FA and email-verification enforcement) and 2FA
 * enrolment, from random requesters, and (issue 16) the identity provider's SCIM provisions,
 * deprovisions, role syncs and Group membership changes, against the service and against the model in test/model. After
 * every step the statuses and the state agree and the invariants hold (test/model/runner.ts).
 *
 * FUZZ_RUNS (default 30) and FUZZ_STEPS (default 40) make it heavier; a failure prints its seed and
 * path, which FUZZ_SEED and FUZZ_PATH replay (FUZZ_SHRINK=1 shrinks the failing sequence first).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const STEPS = Number(process.env.FUZZ_STEPS ?? 40);

describe('model-based fuzzing: the service and the model of the rules agree, step by step', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
  });
  after(() => h.close());

  it(`issue 5: ${RUNS} runs × ${STEPS} steps: same statuses, same members, roles, teams and team roles, an active owner kept, no duplicate membership, no redundant team role stored, refused requests change nothing; SCIM interleaved: a deprovisioned member stays gone, each Group lists its team's members`, async (t) => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: STEPS, maxLength: STEPS }), (ops) => runSequence(h, ops)),
      {
        numRuns: RUNS,
        ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}),
        ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}),
        endOnFailure: process.env.FUZZ_SHRINK !== '1',
      },
    );
    const seen = [...coverage].sort(([a], [b]) => a.localeCompare(b)).map(([key, count]) => `${key}: ${count}`);
    t.diagnostic(`operation → status counts: ${seen.join(', ')}`);
    // The sequences must reach past the refusals: accepted invites, role changes, team changes, enforcement.
    // Issue 16: and past SCIM's refusals: provisions, deprovisions, group changes and role syncs.
    const scim = ['scimProvision 201', 'scimDeprovision 204', 'scimGroup 204', 'scimRoleSync 200'];
    for (const reached of ['invite 201', 'accept 204', 'changeRole 200', 'changeTeams 200', 'teamRole 200', 'addTeam 201', 'remove 204', 'settings 200', ...scim]) {
      assert.ok(RUNS < 10 || coverage.has(reached), `no step reached ${reached}`);
    }
  });
});
