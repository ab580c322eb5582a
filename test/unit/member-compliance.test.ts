import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canRemoveMember } from '../../src/access/access.js';
import { planEnforcement, type EnforcementCandidate } from '../../src/access/enforcement.js';
import { testAccess } from '../helpers/access.js';

const anyone = () => true;
const membersToDetach = (members: EnforcementCandidate[]) => planEnforcement(members, anyone).detach;

describe('2FA / email-verification enforcement keeps an owner (decisions.md item 10)', () => {
  const member = (id: string, role: string, compliant: boolean, active = true) => ({ id, role, compliant, active });

  it('§12 item 17: detaches every non-compliant member, owners included, while a compliant active owner remains', () => {
    assert.deepEqual(
      membersToDetach([member('1', 'owner', true), member('2', 'owner', false), member('3', 'member', false), member('4', 'admin', true)]),
      ['2', '3'],
    );
  });

  it('keeps the earliest non-compliant active owner when no compliant active owner remains', () => {
    assert.deepEqual(membersToDetach([member('10', 'owner', false), member('9', 'owner', false), member('11', 'manager', true)]), ['10']);
    assert.deepEqual(membersToDetach([member('5', 'owner', false)]), []);
  });

  it('an inactive owner neither counts as the remaining owner nor is the one kept', () => {
    assert.deepEqual(membersToDetach([member('1', 'owner', true, false), member('2', 'owner', false)]), []);
    assert.deepEqual(membersToDetach([member('1', 'owner', false, false), member('2', 'owner', false)]), ['1']);
  });

  it('issue 13 item 2: never suspends whom the requester could not remove; those are asked to comply', () => {
    const manager = testAccess({ orgRoleId: 'manager' });
    const members = [member('1', 'owner', false), member('2', 'owner', false), member('3', 'owner', true), member('4', 'manager', false), member('5', 'member', false)];
    assert.deepEqual(planEnforcement(members, (role) => canRemoveMember(manager, role)), { detach: ['4', '5'], askToComply: ['1', '2'] });
    // A token without member:admin removes nobody, so it suspends nobody.
    const writeOnly = testAccess({ orgRoleId: 'owner', tokenScopes: ['org:write', 'org:read'] });
    assert.deepEqual(planEnforcement(members, (role) => canRemoveMember(writeOnly, role)), { detach: [], askToComply: ['1', '2', '4', '5'] });
  });
});
