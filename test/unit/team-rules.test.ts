import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_SCOPE_OPTIONS,
  canApproveTeamAccess,
  computeAccess,
  receivesTeamAccessRequests,
  teamRoleSeenByRequester,
} from '../../src/access/access.js';
import { ORG_ROLE_IDS, TEAM_ROLE_IDS, type TeamRoleId } from '../../src/access/roles.js';
import { derivedTeamSlugs, releasedTeamSlug } from '../../src/teams/team-slug.js';
import { parseTeamSearch } from '../../src/teams/team-search.js';

describe('decisions.md fix 12: who approves a team access request', () => {
  it('managers and owners always; admins of the team, by org role or by team role; nobody else', () => {
    assert.equal(receivesTeamAccessRequests('owner', null, true), true);
    assert.equal(receivesTeamAccessRequests('manager', null, true), true);
    assert.equal(receivesTeamAccessRequests('admin', null, true), false, 'an admin off the team');
    assert.equal(receivesTeamAccessRequests('admin', { role: null }, true), true, 'an admin on the team');
    assert.equal(receivesTeamAccessRequests('member', { role: null }, true), false);
    assert.equal(receivesTeamAccessRequests('member', { role: 'admin' }, true), true, 'a team admin by team role (§12 item 16 fixed)');
    assert.equal(receivesTeamAccessRequests('member', { role: 'admin' }, false), false, 'team roles off: the stored role does not count');
  });

  it('the requester-side rule agrees with the recipient rule for every role and membership (full scopes)', () => {
    const memberships: Array<{ role: TeamRoleId | null } | null> = [null, { role: null }, ...TEAM_ROLE_IDS.map((role) => ({ role }))];
    for (const orgRoleId of ORG_ROLE_IDS) {
      for (const membership of memberships) {
        for (const teamRolesEnabled of [true, false]) {
          const access = computeAccess({
            orgRoleId,
            tokenScopes: null,
            isSuperuser: false,
            openMembership: false,
            teamRolesEnabled,
            options: DEFAULT_SCOPE_OPTIONS,
            memberships: membership ? [{ teamId: '7', role: membership.role }] : [],
          });
          assert.equal(
            canApproveTeamAccess(access, '7', DEFAULT_SCOPE_OPTIONS),
            receivesTeamAccessRequests(orgRoleId, membership, teamRolesEnabled),
            `${orgRoleId} ${JSON.stringify(membership)} team-roles ${teamRolesEnabled}`,
          );
        }
      }
    }
  });

  it('a token without org:write or team:write cannot approve, whatever the role', () => {
    const access = computeAccess({
      orgRoleId: 'owner',
      tokenScopes: ['org:read'],
      isSuperuser: false,
      openMembership: false,
      teamRolesEnabled: true,
      options: DEFAULT_SCOPE_OPTIONS,
      memberships: [{ teamId: '7', role: null }],
    });
    assert.equal(canApproveTeamAccess(access, '7', DEFAULT_SCOPE_OPTIONS), false);
  });
});

describe('§6.5 the team role a requester sees on a Team object', () => {
  it('no access: none; a member: its stored role raised to its org role minimum; a superuser: the top role\'s minimum', () => {
    assert.equal(teamRoleSeenByRequester({ hasAccess: false, storedRole: 'admin', orgRoleId: 'owner', isSuperuser: false }), null);
    assert.equal(teamRoleSeenByRequester({ hasAccess: true, storedRole: null, orgRoleId: 'member', isSuperuser: false })!.id, 'contributor');
    assert.equal(teamRoleSeenByRequester({ hasAccess: true, storedRole: 'admin', orgRoleId: 'member', isSuperuser: false })!.id, 'admin');
    assert.equal(teamRoleSeenByRequester({ hasAccess: true, storedRole: null, orgRoleId: 'manager', isSuperuser: false })!.id, 'admin');
    assert.equal(teamRoleSeenByRequester({ hasAccess: true, storedRole: null, orgRoleId: null, isSuperuser: true })!.id, 'admin');
  });
});

describe('§2.3 team slugs derived from a name', () => {
  it('slugifies and cuts to 30 characters; the next tries carry a random suffix', () => {
    const [first, second] = derivedTeamSlugs('Platform Team — Europe & Asia, Night Shift');
    assert.equal(first, 'platform-team-europe-asia-nigh');
    assert.match(second!, /^platform-team-europe-asia-nigh-[0-9a-f]{6}$/);
    assert.equal(derivedTeamSlugs('x').length, 5);
  });

  it('an all-digit or empty slug starts with a suffix', () => {
    assert.match(derivedTeamSlugs('1234')[0]!, /^1234-[0-9a-f]{6}$/);
    assert.match(derivedTeamSlugs('!!!')[0]!, /^team-[0-9a-f]{6}$/);
  });

  it('a deleted team releases its slug for another of at most 50 characters', () => {
    const released = releasedTeamSlug('a'.repeat(45));
    assert.equal(released.length, 50);
    assert.notEqual(released, 'a'.repeat(45));
  });
});

describe('team search', () => {
  it('words, slug: and id: lists; unknown keys and hasExternalTeams:true match nothing; a non-numeric id: is a 400', () => {
    assert.deepEqual(parseTeamSearch('back end'), { nothing: false, text: 'back end', slugs: null, ids: null });
    assert.deepEqual(parseTeamSearch('slug:a slug:b id:3'), { nothing: false, text: null, slugs: ['a', 'b'], ids: ['3'] });
    assert.equal(parseTeamSearch('color:red').nothing, true);
    assert.equal(parseTeamSearch('hasExternalTeams:true').nothing, true);
    assert.equal(parseTeamSearch('hasExternalTeams:false').nothing, false);
    assert.throws(() => parseTeamSearch('id:x'), (error: { status?: number }) => error.status === 400);
  });
});
