import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DAY_MS } from '../../src/platform/lib/clock.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { assertMatchesOpenApi } from '../helpers/openapi.js';
import { buildOrg, type BuiltOrg } from '../helpers/org-factory.js';

const LIST = '/api/0/organizations/{organization_id_or_slug}/members/';
const DETAIL = '/api/0/organizations/{organization_id_or_slug}/members/{member_id}/';

/**
 * `inviteExpiresAt` (Roster's addition to the member object): when a pending invite's link stops
 * working, read from the invite itself; null for a member who has accepted.
 */
describe('members: inviteExpiresAt, the expiry of a pending invite', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness({ start: new Date('2030-01-01T12:00:00Z') });
  });
  after(() => h.close());

  const storedExpiry = async (org: BuiltOrg, memberId: string) =>
    (await h.database.db.selectFrom('members').select('token_expires_at').where('organization_id', '=', org.id).where('id', '=', memberId).executeTakeFirstOrThrow())
      .token_expires_at;
  const at = (value: string | null) => (value === null ? null : Date.parse(value));

  it('an invite answers with its expiry, 30 days on; the list and the member GET show the same, members show null', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, mel: { role: 'member' } } });
    const created = await h.request(org.tokens.owner!, 'POST', `/api/0/organizations/${org.slug}/members/`, { email: 'new@example.com', orgRole: 'member' });
    assert.equal(created.status, 201);
    assertMatchesOpenApi('post', LIST, 201, created.body);
    assert.equal(at(created.body.inviteExpiresAt), h.clock.now().getTime() + 30 * DAY_MS);
    assert.equal(at(created.body.inviteExpiresAt), (await storedExpiry(org, created.body.id))!.getTime());

    const list = await h.request(org.tokens.owner!, 'GET', `/api/0/organizations/${org.slug}/members/`);
    assert.equal(list.status, 200);
    assertMatchesOpenApi('get', LIST, 200, list.body);
    const byEmail = Object.fromEntries(list.body.map((member: { email: string; inviteExpiresAt: string | null }) => [member.email, member.inviteExpiresAt]));
    assert.deepEqual(byEmail, { [org.emailOf('owner')]: null, [org.emailOf('mel')]: null, 'new@example.com': created.body.inviteExpiresAt });

    const detail = await h.request(org.tokens.owner!, 'GET', org.memberUrl(created.body.id));
    assert.equal(detail.status, 200);
    assertMatchesOpenApi('get', DETAIL, 200, detail.body);
    assert.equal(detail.body.inviteExpiresAt, created.body.inviteExpiresAt);
    assert.equal((await h.request(org.tokens.owner!, 'GET', org.memberUrl('mel'))).body.inviteExpiresAt, null);
  });

  it('an expired invite shows when it expired, beside expired: true', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, late: { role: 'member', pending: true, tokenExpiresAt: '2029-12-01T08:30:00Z' } } });
    const response = await h.request(org.tokens.owner!, 'GET', org.memberUrl('late'));
    assert.equal(response.body.expired, true);
    assert.equal(at(response.body.inviteExpiresAt), Date.parse('2029-12-01T08:30:00Z'));
  });

  it('a resend keeps the expiry; regenerate moves it to 30 days from then, also for an expired invite', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, invitee: { role: 'member', pending: true, invitedBy: 'owner' } } });
    const first = (await storedExpiry(org, org.ids.invitee!))!.getTime();
    assert.equal(at((await h.request(org.tokens.owner!, 'GET', org.memberUrl('invitee'))).body.inviteExpiresAt), first);

    h.clock.advance(3 * DAY_MS);
    const resent = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('invitee'), { reinvite: true });
    assert.equal(resent.status, 200);
    assertMatchesOpenApi('put', DETAIL, 200, resent.body);
    assert.equal(at(resent.body.inviteExpiresAt), first);

    h.clock.advance(40 * DAY_MS);
    assert.equal((await h.request(org.tokens.owner!, 'GET', org.memberUrl('invitee'))).body.expired, true);
    const regenerated = await h.request(org.tokens.owner!, 'PUT', org.memberUrl('invitee'), { reinvite: true, regenerate: true });
    assert.equal(regenerated.status, 200);
    assert.equal(regenerated.body.expired, false);
    assert.equal(at(regenerated.body.inviteExpiresAt), h.clock.now().getTime() + 30 * DAY_MS);
    assert.equal(at(regenerated.body.inviteExpiresAt), (await storedExpiry(org, org.ids.invitee!))!.getTime());
    const listed = (await h.request(org.tokens.owner!, 'GET', `/api/0/organizations/${org.slug}/members/`)).body.find(
      (member: { id: string }) => member.id === org.ids.invitee,
    );
    assert.equal(listed!.inviteExpiresAt, regenerated.body.inviteExpiresAt);
  });

  it('once accepted, the member has no invite expiry', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, invitee: { role: 'member', pending: true } } });
    const [, memberId, token] = /\/accept\/(\d+)\/([0-9a-f]{64})\//.exec(org.inviteLinks.invitee!)!;
    assert.equal((await h.request(null, 'POST', `/api/0/accept-invite/${memberId}/${token}/`)).status, 204);
    const response = await h.request(org.tokens.owner!, 'GET', org.memberUrl('invitee'));
    assert.equal(response.body.pending, false);
    assert.equal(response.body.inviteExpiresAt, null);
  });
});
