import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AUDIT_EVENTS, auditEventById } from '../../src/audit/audit-events.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { auditEntries, buildOrg, orgState, type BuiltOrg } from '../helpers/org-factory.js';

describe('DELETE member (§5.5)', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
  });
  after(() => h.close());

  const memberIds = async (org: BuiltOrg) =>
    (await h.database.db.selectFrom('members').select('id').where('organization_id', '=', org.id).orderBy('id').execute()).map((row) => row.id);
  const remove = (org: BuiltOrg, as: string, target: string) => h.request(org.tokens[as]!, 'DELETE', org.memberUrl(target));
  const rendered = async (org: BuiltOrg) => {
    const entry = (await auditEntries(h, org.id)).find((e) => e.event === AUDIT_EVENTS.MEMBER_REMOVE.id)!;
    return {
      entry,
      text: auditEventById(entry.event)!.render({ data: entry.data, actorIsTarget: entry.actor_id === entry.target_user_id, targetName: null }),
    };
  };

  it('§5.5 an owner removes a member: 204, memberships go too, member.remove records the member', async () => {
    const org = await buildOrg(h, { teams: ['backend'], members: { owner: { role: 'owner' }, alice: { role: 'member', teams: ['backend'] } } });
    const response = await remove(org, 'owner', 'alice');
    assert.equal(response.status, 204);
    assert.equal(response.body, '');
    assert.deepEqual(await memberIds(org), [org.ids.owner]);
    assert.deepEqual((await orgState(h, org.id)).memberTeams, []);
    const { entry, text } = await rendered(org);
    assert.equal(entry.target_object, org.ids.alice);
    assert.equal(entry.data.email, org.emailOf('alice'));
    assert.deepEqual(entry.data.teams_slugs, ['backend']);
    assert.equal(text, `removed member ${org.emailOf('alice')}`);
  });

  it('§5.5 step 1 / §10: a member may leave (me); the entry reads "left the organization"', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, alice: { role: 'member' } } });
    const response = await remove(org, 'alice', 'me');
    assert.equal(response.status, 204);
    assert.deepEqual(await memberIds(org), [org.ids.owner]);
    assert.equal((await rendered(org)).text, 'left the organization');
  });

  it('§5.5 step 1: without member:admin a member cannot remove a full member (400)', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, mel: { role: 'member' }, bob: { role: 'member' } } });
    const before = await orgState(h, org.id);
    const response = await remove(org, 'mel', 'bob');
    assert.equal(response.status, 400);
    assert.deepEqual(response.body, { detail: 'You are missing the member:admin scope.' });
    assert.deepEqual(await orgState(h, org.id), before);
  });

  it('§5.5 step 1: a member may withdraw its own pending invite, not another\'s', async () => {
    const org = await buildOrg(h, {
      members: {
        owner: { role: 'owner' },
        mel: { role: 'member' },
        mine: { role: 'member', pending: true, invitedBy: 'mel' },
        theirs: { role: 'member', pending: true, invitedBy: 'owner' },
      },
    });
    const theirs = await remove(org, 'mel', 'theirs');
    assert.equal(theirs.status, 400);
    assert.deepEqual(theirs.body, { detail: 'You cannot modify invitations sent by someone else.' });
    const mine = await remove(org, 'mel', 'mine');
    assert.equal(mine.status, 204);
    assert.deepEqual(await memberIds(org), [org.ids.owner, org.ids.mel, org.ids.theirs]);
    assert.equal((await rendered(org)).text, `removed member ${org.emailOf('mine')}`);
  });

  it('§5.5 step 1: with member invites disabled a member cannot withdraw even its own invite', async () => {
    const org = await buildOrg(h, {
      settings: { allowMemberInvite: false },
      members: { owner: { role: 'owner' }, mel: { role: 'member' }, mine: { role: 'member', pending: true, invitedBy: 'mel' } },
    });
    const response = await remove(org, 'mel', 'mine');
    assert.equal(response.status, 400);
    assert.deepEqual(response.body, { detail: 'You are missing the member:admin scope.' });
  });

  it('§5.5 step 1: a manager cannot remove an owner (400 "more access than you")', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, other: { role: 'owner' }, manny: { role: 'manager' } } });
    const before = await orgState(h, org.id);
    const response = await remove(org, 'manny', 'owner');
    assert.equal(response.status, 400);
    assert.deepEqual(response.body, { detail: 'You cannot remove a member who has more access than you.' });
    assert.deepEqual(await orgState(h, org.id), before);
  });

  it('§5.5 step 2: the only owner cannot leave; a pending owner does not count (403)', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, ghost: { role: 'owner', pending: true } } });
    const before = await orgState(h, org.id);
    const response = await remove(org, 'owner', 'me');
    assert.equal(response.status, 403);
    assert.deepEqual(response.body, { detail: 'You cannot remove the only remaining owner or manager of the organization.' });
    assert.deepEqual(await orgState(h, org.id), before);
  });

  it('decisions item 10: the last owner cannot be removed even while a manager remains (403)', async () => {
    const org = await buildOrg(h, { users: { root: { superuser: true } }, members: { owner: { role: 'owner' }, manny: { role: 'manager' } } });
    const before = await orgState(h, org.id);
    const response = await remove(org, 'root', 'owner');
    assert.equal(response.status, 403);
    assert.deepEqual(response.body, { detail: 'You cannot remove the only remaining owner or manager of the organization.' });
    assert.deepEqual(await orgState(h, org.id), before);
  });

  it('§5.5 step 2: the last member with org:write (a manager, no owner left) cannot leave (403)', async () => {
    const org = await buildOrg(h, { members: { manny: { role: 'manager' }, alice: { role: 'member' } } });
    const response = await remove(org, 'manny', 'me');
    assert.equal(response.status, 403);
    assert.deepEqual(response.body, { detail: 'You cannot remove the only remaining owner or manager of the organization.' });
  });

  it('§5.5 step 2: an owner may leave while another owner remains', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, other: { role: 'owner' } } });
    assert.equal((await remove(org, 'owner', 'me')).status, 204);
    assert.deepEqual(await memberIds(org), [org.ids.other]);
  });

  it("§5.5 step 3: a member managed by the identity provider cannot be removed (403)", async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, alice: { role: 'member', flags: { 'idp:provisioned': true } } } });
    const response = await remove(org, 'owner', 'alice');
    assert.equal(response.status, 403);
    assert.deepEqual(response.body, { detail: "This user is managed through your organization's identity provider." });
  });

  it('§5.5 step 4: a member managed by a partnership cannot be removed (403)', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, alice: { role: 'member', flags: { 'partnership:restricted': true } } } });
    const response = await remove(org, 'owner', 'alice');
    assert.equal(response.status, 403);
    assert.deepEqual(response.body, {
      detail: 'This member is managed by an active partnership and cannot be modified until the end of the partnership.',
    });
  });

  it('§5.5 step 6: removing a member deletes the invites and invite requests it sent that are still pending, nothing else', async () => {
    const org = await buildOrg(h, {
      members: {
        owner: { role: 'owner' },
        manny: { role: 'manager' },
        sent: { role: 'member', pending: true, invitedBy: 'manny' },
        expired: { role: 'member', pending: true, invitedBy: 'manny', tokenExpiresAt: '2001-01-01T00:00:00Z' },
        joined: { role: 'member', invitedBy: 'manny' },
        others: { role: 'member', pending: true, invitedBy: 'owner' },
      },
    });
    const request = await h.database.db
      .insertInto('members')
      .values({ organization_id: org.id, email: `request.${org.slug}@example.com`, role: 'member', invite_status: 1, inviter_id: (await userIdOf(org, 'manny')) })
      .returning('id')
      .executeTakeFirstOrThrow();
    assert.ok(request.id);
    const response = await remove(org, 'owner', 'manny');
    assert.equal(response.status, 204);
    // A full member whose inviter left stays (Sentry's stale-token quirk is not copied: see README).
    assert.deepEqual(await memberIds(org), [org.ids.owner, org.ids.joined, org.ids.others]);
  });

  async function userIdOf(org: BuiltOrg, key: string): Promise<string> {
    const row = await h.database.db.selectFrom('users').select('id').where('email', '=', org.emailOf(key)).executeTakeFirstOrThrow();
    return row.id;
  }

  it('§1.4: an invite request, another organization\'s member or a malformed id is a 404, and nothing changes', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, alice: { role: 'member' } } });
    const other = await buildOrg(h, { members: { owner: { role: 'owner' }, bob: { role: 'member' } } });
    const request = await h.database.db
      .insertInto('members')
      .values({ organization_id: org.id, email: `req.${org.slug}@example.com`, role: 'member', invite_status: 2 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const before = await orgState(h, org.id);
    const otherBefore = await orgState(h, other.id);
    for (const id of [request.id, other.ids.bob!, 'abc', '-1', '99999999999999999999', '0']) {
      const response = await h.request(org.tokens.owner!, 'DELETE', `/api/0/organizations/${org.slug}/members/${id}/`);
      assert.equal(response.status, 404, id);
      assert.deepEqual(response.body, { detail: 'The requested resource does not exist' });
    }
    assert.deepEqual(await orgState(h, org.id), before);
    assert.deepEqual(await orgState(h, other.id), otherBefore);
  });

  it('§5.5 needs member:read, member:write or member:admin (403 otherwise), even to leave', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, alice: { role: 'member' } }, tokens: { orgOnly: ['alice', ['org:read']] } });
    const response = await remove(org, 'orgOnly', 'me');
    assert.equal(response.status, 403);
    assert.deepEqual(response.body, { detail: 'You do not have permission to perform this action.' });
  });
});
