import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.js';
import { buildOrg, orgState, type BuiltOrg } from '../helpers/org-factory.js';

/** Bad input to PUT and DELETE: a 4xx with Sentry's body, never a 500, and nothing changes. */
describe('PUT/DELETE member: bad input', () => {
  let h: Harness;
  let org: BuiltOrg;
  let other: BuiltOrg;
  before(async () => {
    h = await createHarness();
    org = await buildOrg(h, {
      teams: ['backend', 'frontend'],
      members: { owner: { role: 'owner' }, alice: { role: 'member', teams: ['backend'] }, invitee: { role: 'member', pending: true } },
    });
    other = await buildOrg(h, { members: { owner: { role: 'owner' }, bob: { role: 'member' } } });
  });
  after(() => h.close());

  const put = (body: unknown, target = org.memberUrl('alice')) => h.request(org.tokens.owner!, 'PUT', target, body);

  const huge = Array.from({ length: 10_000 }, (_, i) => `team-${i}`);
  const cases: Array<[string, unknown, unknown]> = [
    ['orgRole of the wrong type', { orgRole: 5 }, { orgRole: ['"5" is not a valid choice.'] }],
    ['orgRole null', { orgRole: null }, { orgRole: ['This field may not be null.'] }],
    ['an unknown role', { role: 'god' }, { role: ['"god" is not a valid choice.'] }],
    ['teams not a list', { teams: 'backend' }, { teams: ['Expected a list of items but got type "str".'] }],
    ['teams null', { teams: null }, { teams: ['This field may not be null.'] }],
    ['teams of numbers', { teams: [1, 2] }, { teams: ['Invalid teams'] }],
    ['unknown teams', { teams: ['backend', 'nope'] }, { teams: ['Invalid teams'] }],
    ['teamRoles not a list', { teamRoles: 'backend' }, { teamRoles: ['Expected a list of items but got type "str".'] }],
    ['teamRoles items not objects', { teamRoles: ['backend'] }, { teamRoles: ['Invalid data. Expected a dictionary, but got str.'] }],
    ['teamRoles item without teamSlug', { teamRoles: [{ role: 'admin' }] }, { teamRoles: ['This field is required.'] }],
    ['teamRoles with an unknown role', { teamRoles: [{ teamSlug: 'backend', role: 'boss' }] }, { teamRoles: ['Invalid team-role'] }],
    ['teamRoles with an unknown team', { teamRoles: [{ teamSlug: 'nope', role: null }] }, { teamRoles: ['Invalid teams'] }],
    ['10,000 teams', { teams: huge }, { teams: ['Ensure this field has no more than 1000 elements.'] }],
    ['1,001 teamRoles', { teamRoles: huge.slice(0, 1001).map((teamSlug) => ({ teamSlug, role: null })) }, { teamRoles: ['Ensure this field has no more than 1000 elements.'] }],
    ['reinvite not a boolean', { reinvite: 'maybe' }, { reinvite: ['Must be a valid boolean.'] }],
    ['reinvite null', { reinvite: null }, { reinvite: ['This field may not be null.'] }],
    ['sendInvite as a list', { sendInvite: [true] }, { sendInvite: ['Must be a valid boolean.'] }],
    ['an invalid email', { email: 'not-an-email' }, { email: ['Enter a valid email address.'] }],
    ['a blocked email domain', { email: 'someone@qq.com' }, { email: ['Enter a valid email address.'] }],
    ['an email of the wrong type', { email: 7 }, { email: ['Not a valid string.'] }],
    ['a list as the body', [], { non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] }],
  ];
  for (const [name, body, expected] of cases) {
    it(`PUT with ${name}: 400 ${JSON.stringify(expected).slice(0, 80)}`, async () => {
      const before = await orgState(h, org.id);
      const response = await put(body);
      assert.equal(response.status, 400, JSON.stringify(response.body));
      assert.deepEqual(response.body, expected);
      assert.deepEqual(await orgState(h, org.id), before);
    });
  }

  const putJson = (text: string, contentType = 'application/json') =>
    h.app.inject({
      method: 'PUT',
      url: org.memberUrl('alice'),
      headers: { authorization: `Bearer ${org.tokens.owner}`, 'content-type': contentType },
      payload: text,
    });

  it('PUT with malformed JSON: 400 with a parse error, nothing changes', async () => {
    const before = await orgState(h, org.id);
    const response = await putJson('{"orgRole": ');
    assert.equal(response.statusCode, 400);
    assert.match(JSON.parse(response.body).detail, /^JSON parse error/);
    assert.deepEqual(await orgState(h, org.id), before);
  });

  it('PUT with a JSON string as the body, or a body that is not JSON: 4xx, nothing changes', async () => {
    const before = await orgState(h, org.id);
    const text = await putJson('"hello"');
    assert.equal(text.statusCode, 400);
    assert.deepEqual(JSON.parse(text.body), { non_field_errors: ['Invalid data. Expected a dictionary, but got str.'] });
    const form = await putJson('orgRole=owner', 'application/x-www-form-urlencoded');
    assert.equal(form.statusCode, 415);
    assert.deepEqual(await orgState(h, org.id), before);
  });

  it('PUT with no body at all is an empty edit (200), as in Sentry', async () => {
    const response = await h.app.inject({ method: 'PUT', url: org.memberUrl('alice'), headers: { authorization: `Bearer ${org.tokens.owner}` } });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(JSON.parse(response.body).teams, ['backend']);
  });

  it('unknown fields are ignored, as by Sentry\'s serializer (200, teams kept)', async () => {
    const response = await put({ isAdmin: true, user: { id: '1' } });
    assert.equal(response.status, 200);
    assert.deepEqual(response.body.teams, ['backend']);
  });

  for (const method of ['PUT', 'DELETE'] as const) {
    it(`§1.4 ${method}: malformed ids, unknown ids and another organization's member are 404 and change nothing`, async () => {
      const before = await orgState(h, org.id);
      const otherBefore = await orgState(h, other.id);
      for (const id of ['abc', '-1', '1.5', '99999999999999999999', '0', '999999999', other.ids.bob!]) {
        const response = await h.request(org.tokens.owner!, method, `/api/0/organizations/${org.slug}/members/${id}/`, method === 'PUT' ? { orgRole: 'owner' } : undefined);
        assert.equal(response.status, 404, `${method} ${id}`);
        assert.deepEqual(response.body, { detail: 'The requested resource does not exist' });
      }
      const foreign = await h.request(org.tokens.owner!, method, `/api/0/organizations/${other.slug}/members/${other.ids.bob}/`, method === 'PUT' ? { orgRole: 'owner' } : undefined);
      assert.equal(foreign.status, 404, 'an organization the requester is not in');
      assert.deepEqual(await orgState(h, org.id), before);
      assert.deepEqual(await orgState(h, other.id), otherBefore);
    });

    it(`${method} without credentials is a 401, with a bad token too`, async () => {
      const before = await orgState(h, org.id);
      const anonymous = await h.request(null, method, org.memberUrl('alice'), method === 'PUT' ? { orgRole: 'owner' } : undefined);
      assert.equal(anonymous.status, 401);
      assert.deepEqual(anonymous.body, { detail: 'Authentication credentials were not provided.' });
      const bad = await h.request('nope', method, org.memberUrl('alice'), method === 'PUT' ? { orgRole: 'owner' } : undefined);
      assert.equal(bad.status, 401);
      assert.deepEqual(await orgState(h, org.id), before);
    });
  }
});
