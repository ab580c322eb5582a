import { DEFAULT_SCOPE_OPTIONS, computeAccess, type AccessInput } from '../../src/access/access.js';

/** An Access for rule tests: a session member of the default role unless `overrides` say otherwise. */
export function testAccess(overrides: Partial<AccessInput> = {}) {
  return computeAccess({
    orgRoleId: 'member',
    tokenScopes: null,
    isSuperuser: false,
    openMembership: false,
    teamRolesEnabled: true,
    options: DEFAULT_SCOPE_OPTIONS,
    memberships: [],
    ...overrides,
  });
}
