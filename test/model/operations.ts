import fc from 'fast-check';
import { ORG_ROLE_IDS, TEAM_ROLE_IDS, type OrgRoleId, type TeamRoleId } from '../../src/access/roles.js';
import { TEAMS, type Settings, type Team } from './model.js';
import type { GroupChange } from './scim-rules.js';

/**
 * The operations a fuzzed sequence is made of, as plain data (so fast-check can print and shrink
 * them). `requester` and `person` are choices that the runner resolves against the model when the
 * step runs (`resolveOperation`): mostly someone the step can act on (a member, a pending invite, a
 * person without a membership, as fits), sometimes anyone, so that both accepted and refused
 * requests stay frequent however the organization has changed.
 */
export type Operation =
  | { kind: 'invite'; requester: number; person: number; role: OrgRoleId; teams: Team[] }
  | { kind: 'accept'; person: number }
  | { kind: 'changeRole'; requester: number; person: number; role: OrgRoleId }
  | { kind: 'changeTeams'; requester: number; person: number; teams: Array<{ team: Team; role: TeamRoleId | null }> }
  | { kind: 'teamRole'; requester: number; person: number; team: Team; role: TeamRoleId }
  | { kind: 'addTeam'; requester: number; person: number; team: Team }
  | { kind: 'removeTeam'; requester: number; person: number; team: Team }
  | { kind: 'remove'; requester: number; person: number }
  | { kind: 'leave'; requester: number }
  | { kind: 'settings'; requester: number; body: Partial<Settings> }
  | { kind: 'reinvite'; requester: number; person: number; regenerate: boolean }
  | { kind: 'wait'; days: number }
  | { kind: 'enrol2fa'; person: number }
  | { kind: 'remove2fa'; person: number }
  // Issue 16: the identity provider's SCIM requests, made with the organization's SCIM token.
  | { kind: 'scimProvision'; person: number; role: OrgRoleId | null }
  | { kind: 'scimDeprovision'; person: number; how: DeprovisionShape }
  | { kind: 'scimRoleSync'; person: number; role: OrgRoleId | null }
  | { kind: 'scimGroup'; team: Team; change: GroupChange; persons: number[]; unknown: boolean };

/** How the identity provider deprovisions: Okta's PATCH, Entra's PATCH, Okta's custom-app PUT, or DELETE. */
export type DeprovisionShape = 'oktaPatch' | 'entraPatch' | 'put' | 'delete';

/** Choices below this pick among the fitting people; the others pick anyone. */
export const FITTING_CHOICES = 8;
const CHOICES = 10;

const requester = fc.integer({ min: 0, max: CHOICES - 1 });
const person = fc.integer({ min: 0, max: CHOICES - 1 });
const accountHolder = person;
const team = fc.constantFrom(...TEAMS);
/** `sentryOrgRole` as an identity provider sends it: mostly none or member, sometimes a role SCIM refuses (owner). */
const scimRole = fc.constantFrom<OrgRoleId | null>(null, null, 'member', 'member', 'admin', 'manager', 'billing', 'owner');
const teamRoleOrNull = fc.constantFrom<TeamRoleId | null>(null, ...TEAM_ROLE_IDS);

export const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('invite' as const), requester, person, role: fc.constantFrom(...ORG_ROLE_IDS), teams: fc.subarray([...TEAMS]) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('accept' as const), person }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('changeRole' as const), requester, person, role: fc.constantFrom(...ORG_ROLE_IDS) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('changeTeams' as const),
      requester,
      person,
      teams: fc.uniqueArray(fc.record({ team, role: teamRoleOrNull }), { selector: (item) => item.team, maxLength: TEAMS.length }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('teamRole' as const), requester, person, team, role: fc.constantFrom(...TEAM_ROLE_IDS) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('addTeam' as const), requester, person, team }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('removeTeam' as const), requester, person, team }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), requester, person }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('leave' as const), requester }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('settings' as const),
      requester,
      body: fc.record(
        { require2FA: fc.boolean(), requireEmailVerification: fc.boolean(), openMembership: fc.boolean(), allowMemberInvite: fc.boolean() },
        { requiredKeys: [] },
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reinvite' as const), requester, person, regenerate: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wait' as const), days: fc.constantFrom(1, 10, 29, 31) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('enrol2fa' as const), person: accountHolder }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove2fa' as const), person: accountHolder }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('scimProvision' as const), person, role: scimRole }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('scimDeprovision' as const), person, how: fc.constantFrom<DeprovisionShape>('oktaPatch', 'entraPatch', 'put', 'delete') }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('scimRoleSync' as const), person, role: scimRole }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('scimGroup' as const),
      team,
      change: fc.constantFrom<GroupChange>('add', 'add', 'remove', 'removeLegacy', 'replace'),
      persons: fc.uniqueArray(person, { minLength: 1, maxLength: 3 }),
      // Now and then a member id the organization does not have: the whole PATCH is refused (404).
      unknown: fc.integer({ min: 0, max: 9 }).map((draw) => draw === 0),
    }),
  },
);
