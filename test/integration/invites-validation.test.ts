import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.js';
import { buildOrg, type BuiltOrg } from '../helpers/org-factory.js';

describe('invites: §5.2 step 4 (the serializer) and body bounds', () => {
  let h: Harness;
  let org: BuiltOrg;
  let other: BuiltOrg;
  before(async () => {
    h = await createHarness();
    org = await buildOrg(h, {
      teams: ['backend', 'frontend', 'archived'],
      members: { owner: { role: 'owner' }, member: { role: 'member' } },
    });
    other = await buildOrg(h, { teams: ['elsewhere'] });
    await h.database.db.updateTable('teams').set({ status: 1 }).where('organization_id', '=', org.id).where('slug', '=', 'archived').execute();
    await h.database.db
      .insertInto('members')
      .values({ organization_id: org.id, email: 'pending@example.com', role: 'member', token_hash: 'x'.repeat(64) })
      .execute();
  });
  after(() => h.close());

  const invite = (body: unknown, who = 'owner') => h.request(org.tokens[who]!, 'POST', `/api/0/organizations/${org.slug}/members/`, body);
  const memberCount = async () =>
    (await h.database.db.selectFrom('members').select('id').where('organization_id', '=', org.id).execute()).length;

  const cases: Array<[string, unknown, Record<string, string[]>]> = [
    ['email is required', {}, { email: ['This field is required.'] }],
    ['email may not be null', { email: null }, { email: ['This field may not be null.'] }],
    ['email may not be blank', { email: '   ' }, { email: ['This field may not be blank.'] }],
    ['email must be an address', { email: 'not-an-email' }, { email: ['Enter a valid email address.'] }],
    ['email needs a domain with a top label', { email: 'a@b' }, { email: ['Enter a valid email address.'] }],
    ['email at qq.com is blocked', { email: 'someone@QQ.com' }, { email: ['Enter a valid email address.'] }],
    ['email is at most 75 characters', { email: `${'a'.repeat(64)}@example.com` }, { email: ['Ensure this field has no more than 75 characters.'] }],
    ['a pending invite', { email: 'pending@example.com' }, { email: ['The user pending@example.com has already been invited'] }],
    ['orgRole must be a role', { email: 'a@example.com', orgRole: 'wizard' }, { orgRole: ['"wizard" is not a valid choice.'] }],
    ['role must be a role', { email: 'a@example.com', role: 'wizard' }, { role: ['"wizard" is not a valid choice.'] }],
    [
      'the retired admin role is refused while team roles are on',
      { email: 'a@example.com', orgRole: 'admin' },
      { orgRole: ["The role 'admin' is deprecated and may no longer be assigned."] },
    ],
    [
      'the retired role is reported under role too',
      { email: 'a@example.com', role: 'admin', orgRole: 'admin' },
      { role: ["The role 'admin' is deprecated and may no longer be assigned."], orgRole: ["The role 'admin' is deprecated and may no longer be assigned."] },
    ],
    ['teams must exist', { email: 'a@example.com', teams: ['nope'] }, { teams: ['Invalid teams'] }],
    ['teams must be active', { email: 'a@example.com', teams: ['archived'] }, { teams: ['Invalid teams'] }],
    ["another organization's team is unknown", { email: 'a@example.com', teams: ['elsewhere'] }, { teams: ['Invalid teams'] }],
    ['duplicate teams fail', { email: 'a@example.com', teams: ['backend', 'backend'] }, { teams: ['Invalid teams'] }],
    ['teams must be a list', { email: 'a@example.com', teams: 'backend' }, { teams: ['Expected a list of items but got type "str".'] }],
    ['teamRoles roles must be team roles', { email: 'a@example.com', teamRoles: [{ teamSlug: 'backend', role: 'wizard' }] }, { teamRoles: ['Invalid team-role'] }],
    ['teamRoles teams must exist', { email: 'a@example.com', teamRoles: [{ teamSlug: 'nope', role: null }] }, { teamRoles: ['Invalid teams'] }],
    [
      'teamRoles duplicates fail',
      { email: 'a@example.com', teamRoles: [{ teamSlug: 'backend', role: null }, { teamSlug: 'backend', role: 'admin' }] },
      { teamRoles: ['Invalid teams'] },
    ],
    ['sendInvite must be a boolean', { email: 'a@example.com', sendInvite: 'yes' }, { sendInvite: ['Must be a valid boolean.'] }],
  ];

  for (const [rule, body, expected] of cases) {
    it(`§5.2 step 4: ${rule}`, async () => {
      const before = await memberCount();
      const response = await invite(body);
      assert.equal(response.status, 400, JSON.stringify(response.body));
      assert.deepEqual(response.body, expected);
      assert.equal(await memberCount(), before);
    });
  }

  it('§5.2 step 4: an approved member of the organization is "already a member"', async () => {
    const response = await invite({ email: org.emailOf('member') });
    assert.deepEqual(response.body, { email: [`The user ${org.emailOf('member')} is already a member`] });
  });

  it('§5.2 step 4: a member gets every field error at once', async () => {
    const response = await invite({ email: 'bad', orgRole: 'manager', teams: ['nope'] }, 'member');
    assert.deepEqual(response.body, {
      email: ['Enter a valid email address.'],
      orgRole: ['You do not have permission to set that org-level role'],
      teams: ['Invalid teams'],
    });
  });

  it('§5.2 step 4: without team roles, the admin role may be given', async () => {
    const legacy = await buildOrg(h, { features: { 'team-roles': false } });
    const response = await h.request(legacy.tokens.owner!, 'POST', `/api/0/organizations/${legacy.slug}/members/`, { email: 'adm@example.com', orgRole: 'admin' });
    assert.equal(response.status, 201, JSON.stringify(response.body));
    assert.equal(response.body.orgRole, 'admin');
  });

  const malformed: Array<[string, unknown]> = [
    ['an item without teamSlug', [{ role: null }]],
    ['an item without role', [{ teamSlug: 'backend' }]],
    ['a string item', ['backend']],
    ['a null item', [null]],
    ['a number role', [{ teamSlug: 'backend', role: 5 }]],
    ['an object instead of a list', { teamSlug: 'backend', role: null }],
  ];
  for (const [what, teamRoles] of malformed) {
    it(`§5.2 step 4: malformed teamRoles (${what}) is a 400 on teamRoles, never a 500`, async () => {
      const response = await invite({ email: 'malformed@example.com', teamRoles });
      assert.equal(response.status, 400);
      assert.ok(Array.isArray((response.body as Record<string, unknown>).teamRoles), JSON.stringify(response.body));
    });
  }

  it('bounds: 10,000 teams is a 400 and changes nothing; as team roles, past the route\'s body limit, a 413', async () => {
    const teams = Array.from({ length: 10_000 }, (_, i) => `team-${i}`);
    const response = await invite({ email: 'many@example.com', teams });
    assert.equal(response.status, 400);
    assert.deepEqual(response.body, { teams: ['Ensure this field has no more than 1000 elements.'] });
    const roles = await invite({ email: 'many@example.com', teamRoles: teams.slice(0, 1001).map((teamSlug) => ({ teamSlug, role: null })) });
    assert.equal(roles.status, 400);
    const tooBig = await invite({ email: 'many@example.com', teamRoles: teams.map((teamSlug) => ({ teamSlug, role: null })) });
    assert.equal(tooBig.status, 413);
  });

  it('bounds: huge strings are a 400 (email, team slug, role, referrer)', async () => {
    // Long enough to break every field's bound, short enough for the route's body limit (issue 13 item 3).
    const huge = 'x'.repeat(20_000);
    assert.equal((await invite({ email: `${huge}@example.com` })).status, 400);
    assert.equal((await invite({ email: 'a@example.com', teams: [huge] })).status, 400);
    assert.equal((await invite({ email: 'a@example.com', orgRole: huge })).status, 400);
    assert.equal((await invite({ email: 'a@example.com', teamRoles: [{ teamSlug: 'backend', role: huge }] })).status, 400);
    const referrer = await h.request(org.tokens.owner!, 'POST', `/api/0/organizations/${org.slug}/members/?referrer=${'r'.repeat(5000)}`, { email: 'a@example.com' });
    assert.equal(referrer.status, 400);
  });

  it('bounds: a body that is not an object, or not JSON, is a 400', async () => {
    assert.equal((await invite(['a@example.com'])).status, 400);
    const broken = await h.app.inject({
      method: 'POST',
      url: `/api/0/organizations/${org.slug}/members/`,
      headers: { authorization: `Bearer ${org.tokens.owner}`, 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    assert.equal(broken.statusCode, 400);
  });

  it('unknown fields are ignored, as DRF does', async () => {
    const response = await invite({ email: 'extra@example.com', favouriteColour: 'green' });
    assert.equal(response.status, 201);
  });

  it('order: step 4 (validation) comes before step 5 (rate limit), and both before the writes', async () => {
    // Refused requests never reach the counters, so they cannot use up the limit.
    for (let i = 0; i < 12; i++) assert.equal((await invite({ email: 'order@example.com', teams: ['nope'] })).status, 400);
    assert.equal((await invite({ email: 'order@example.com' })).status, 201);
  });

  it("§1.1: another organization's owner gets a 404, whatever the body", async () => {
    const response = await h.request(other.tokens.owner!, 'POST', `/api/0/organizations/${org.slug}/members/`, { email: 'x@example.com' });
    assert.equal(response.status, 404);
  });
});
