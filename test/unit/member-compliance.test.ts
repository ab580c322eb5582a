import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { membersToDetach } from '../../src/roles/enforcement.js';

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
});
