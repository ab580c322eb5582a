import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.js';
import { buildOrg, type BuiltOrg } from '../helpers/org-factory.js';
import { DAY_MS } from '../../src/platform/lib/clock.js';

const INVALID = { details: 'Invalid invite code' };
const UNABLE = { details: 'unable to accept organization invite' };

describe('accept-invite: GET|POST /api/0/accept-invite/[{org}/]{member_id}/{token}/', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
  });
  after(() => h.close());

  /** Invites an address through the API and returns the link's parts, read from the queued email. */
  async function invited(org: BuiltOrg, email: string, body: Record<string, unknown> = {}) {
    const response = await h.request(org.tokens.owner!, 'POST', `/api/0/organizations/${org.slug}/members/`, { email, ...body });
    assert.equal(response.status, 201, JSON.stringify(response.body));
    const mail = await h.database.db.selectFrom('email_outbox').selectAll().where('recipient', '=', email.trim().toLowerCase()).orderBy('id', 'desc').executeTakeFirstOrThrow();
    const [, memberId, token] = /\/accept\/(\d+)\/([0-9a-f]{64})\//.exec(mail.text_body)!;
    // `as const` keeps the links' template types, so a request to one is typed as the accept route's answer.
    return { memberId: memberId!, token: token!, short: `/api/0/accept-invite/${memberId}/${token}/`, long: `/api/0/accept-invite/${org.slug}/${memberId}/${token}/` } as const;
  }
  const memberRow = (id: string) => h.database.db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const userByEmail = (email: string) => h.database.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();

  it('§5.8 GET: a valid link, without credentials, in every form (short, org slug, org id)', async () => {
    const org = await buildOrg(h);
    const link = await invited(org, 'guest@example.com');
    const expected = {
      orgSlug: org.slug,
      orgName: org.name,
      orgRole: 'member',
      roleName: 'Member',
      needsAuthentication: true,
      needsSso: false,
      hasAuthProvider: false,
      requireSso: false,
      existingMember: false,
      needs2fa: false,
      needsEmailVerification: false,
    };
    for (const url of [link.short, link.long, `/api/0/accept-invite/${org.id}/${link.memberId}/${link.token}/`]) {
      const response = await h.request(null, 'GET', url);
      assert.equal(response.status, 200, url);
      assert.deepEqual(response.body, expected);
    }
  });

  it('GET names the organization and the role the invite grants, for the accept page (Roster addition)', async () => {
    const org = await buildOrg(h, { teams: ['backend'] });
    const link = await invited(org, 'lead@example.com', { orgRole: 'manager', teams: ['backend'] });
    const response = await h.request(null, 'GET', link.short);
    assert.equal(response.status, 200);
    assert.equal(response.body.orgName, org.name);
    assert.equal(response.body.orgRole, 'manager');
    assert.equal(response.body.roleName, 'Manager');
  });

  it('§5.8 GET: with credentials, existingMember and needs2fa speak of the requester; SSO fields of the provider', async () => {
    const org = await buildOrg(h, {
      settings: { require2FA: true },
      authProvider: { provider: 'saml2', allowUnlinked: false },
      members: { owner: { role: 'owner', totp: true }, member: { role: 'member' } },
    });
    const link = await invited(org, 'guest@example.com');
    const asMember = await h.request(org.tokens.member!, 'GET', link.short);
    assert.equal(asMember.status, 200);
    assert.deepEqual(asMember.body, {
      orgSlug: org.slug,
      orgName: org.name,
      orgRole: 'member',
      roleName: 'Member',
      needsAuthentication: false,
      needsSso: true,
      hasAuthProvider: true,
      requireSso: true,
      existingMember: true,
      needs2fa: true,
      needsEmailVerification: false,
      ssoProvider: 'saml2',
    });
    const asOwner = await h.request(org.tokens.owner!, 'GET', link.short);
    assert.equal(asOwner.body.needs2fa, false);
    const anonymous = await h.request(null, 'GET', link.short);
    assert.equal(anonymous.body.needs2fa, true);
    assert.equal(anonymous.body.existingMember, false);
  });

  it('§5.8 GET: a provider that allows unlinked accounts is not required', async () => {
    const org = await buildOrg(h, { authProvider: { provider: 'google', allowUnlinked: true } });
    const link = await invited(org, 'guest@example.com');
    const response = await h.request(null, 'GET', link.short);
    assert.equal(response.body.requireSso, false);
    assert.equal(response.body.needsSso, true);
  });

  it('Clarifications: unknown, mistyped, expired, used, malformed and other-organization links all get the same 400', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, member: { role: 'member' } } });
    const other = await buildOrg(h);
    const link = await invited(org, 'guest@example.com');
    const wrongToken = link.token.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
    const bad = [
      `/api/0/accept-invite/999999999/${link.token}/`,
      `/api/0/accept-invite/${link.memberId}/${wrongToken}/`,
      `/api/0/accept-invite/${link.memberId}/short/`,
      `/api/0/accept-invite/not-a-number/${link.token}/`,
      `/api/0/accept-invite/${other.slug}/${link.memberId}/${link.token}/`,
      `/api/0/accept-invite/no-such-org/${link.memberId}/${link.token}/`,
      // An approved member is not an invite, whatever token is sent.
      `/api/0/accept-invite/${org.ids.member}/${link.token}/`,
    ];
    for (const url of bad) {
      for (const method of ['GET', 'POST'] as const) {
        const response = await h.request(null, method, url);
        assert.equal(response.status, 400, `${method} ${url}`);
        assert.deepEqual(response.body, INVALID, `${method} ${url}`);
      }
    }
    // Expired: 30 days later the same link is invalid, for GET and POST.
    h.clock.advance(30 * DAY_MS);
    try {
      assert.deepEqual((await h.request(null, 'GET', link.short)).body, INVALID);
      assert.deepEqual((await h.request(null, 'POST', link.short)).body, INVALID);
    } finally {
      h.clock.advance(-30 * DAY_MS);
    }
    // Used: once accepted, the link is spent.
    assert.equal((await h.request(null, 'POST', link.short)).status, 204);
    assert.deepEqual((await h.request(null, 'GET', link.short)).body, INVALID);
    assert.deepEqual((await h.request(null, 'POST', link.short)).body, INVALID);
  });

  it('decisions 9: without credentials and without an account, accepting creates a verified account for the address', async () => {
    const org = await buildOrg(h, { teams: ['backend'] });
    const link = await invited(org, 'newcomer@example.com', { orgRole: 'member', teams: ['backend'] });
    const response = await h.request(null, 'POST', link.long);
    assert.equal(response.status, 204);
    const user = (await userByEmail('newcomer@example.com'))!;
    assert.equal(user.email_verified, true);
    const row = await memberRow(link.memberId);
    assert.equal(row.user_id, user.id);
    assert.equal(row.email, null);
    assert.equal(row.token_hash, null);
    assert.equal(row.token_expires_at, null);
    assert.equal(row.role, 'member');
    const entry = await h.database.db
      .selectFrom('audit_log_entries')
      .selectAll()
      .where('organization_id', '=', org.id)
      .where('event', '=', 3)
      .executeTakeFirstOrThrow();
    assert.equal(entry.actor_id, user.id);
    assert.equal(entry.target_user_id, user.id);
    assert.equal(entry.target_object, link.memberId);
    assert.equal(entry.data.email, 'newcomer@example.com');
    assert.deepEqual(entry.data.teams_slugs, ['backend']);
  });

  it('decisions 9: without credentials, an address that has an account must sign in first (400, nothing changes)', async () => {
    const org = await buildOrg(h);
    const elsewhere = await buildOrg(h);
    const address = elsewhere.emailOf('owner');
    const link = await invited(org, address);
    const response = await h.request(null, 'POST', link.short);
    assert.equal(response.status, 400);
    assert.deepEqual(response.body, UNABLE);
    assert.equal((await memberRow(link.memberId)).user_id, null);
    // Signed in as that account, it works.
    assert.equal((await h.request(elsewhere.tokens.owner!, 'POST', link.short)).status, 204);
    assert.equal((await memberRow(link.memberId)).user_id, elsewhere.userIds.owner);
  });

  it("decisions 9 / §12 item 10: a signed-in account must own the invited address (case-insensitive), else 400", async () => {
    const org = await buildOrg(h);
    const other = await buildOrg(h);
    const link = await invited(org, other.emailOf('owner').toUpperCase());
    const stranger = await buildOrg(h);
    const refused = await h.request(stranger.tokens.owner!, 'POST', link.short);
    assert.equal(refused.status, 400);
    assert.deepEqual(refused.body, UNABLE);
    assert.equal((await memberRow(link.memberId)).user_id, null);
    assert.equal((await h.request(other.tokens.owner!, 'POST', link.short)).status, 204);
    const audit = await h.database.db.selectFrom('audit_log_entries').selectAll().where('organization_id', '=', org.id).where('event', '=', 3).execute();
    assert.deepEqual(audit.map((entry) => entry.actor_id), [other.userIds.owner]);
  });

  it('§5.8 POST: a user who already has a member row gets "member already exists", and the invite stays', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, member: { role: 'member' } } });
    const link = await invited(org, 'soon-member@example.com');
    // The address became the member's own meanwhile (an email change), so the invite points at a member.
    await h.database.db.updateTable('users').set({ email: 'soon-member@example.com' }).where('id', '=', org.userIds.member!).execute();
    const response = await h.request(org.tokens.member!, 'POST', link.short);
    assert.equal(response.status, 400);
    assert.deepEqual(response.body, { details: 'member already exists' });
    assert.equal((await memberRow(link.memberId)).user_id, null);
  });

  it('§5.8 POST: an organization that requires 2FA refuses accounts without it', async () => {
    const org = await buildOrg(h, { settings: { require2FA: true }, members: { owner: { role: 'owner', totp: true } } });
    const plain = await buildOrg(h);
    const secured = await buildOrg(h, { members: { owner: { role: 'owner', totp: true } } });
    const noTwoFactor = await invited(org, plain.emailOf('owner'));
    assert.deepEqual((await h.request(plain.tokens.owner!, 'POST', noTwoFactor.short)).body, UNABLE);
    const newcomer = await invited(org, 'no-account@example.com');
    assert.deepEqual((await h.request(null, 'POST', newcomer.short)).body, UNABLE);
    assert.equal(await userByEmail('no-account@example.com'), undefined);
    const withTwoFactor = await invited(org, secured.emailOf('owner'));
    assert.equal((await h.request(secured.tokens.owner!, 'POST', withTwoFactor.short)).status, 204);
  });

  it('§7 step 4: after accepting, the member is listed with its user and the invite is no longer pending', async () => {
    const org = await buildOrg(h);
    const link = await invited(org, 'listed@example.com');
    assert.equal((await h.request(null, 'POST', link.short)).status, 204);
    const list = await h.request(org.tokens.owner!, 'GET', `/api/0/organizations/${org.slug}/members/?query=email:listed@example.com`);
    assert.equal(list.status, 200);
    assert.equal(list.body.length, 1);
    assert.equal(list.body[0]!.pending, false);
    assert.equal(list.body[0]!.user!.email, 'listed@example.com');
  });

  it('a token in the Authorization header that is not valid is a 401, not an anonymous accept', async () => {
    const org = await buildOrg(h);
    const link = await invited(org, 'header@example.com');
    const response = await h.request('not-a-real-token', 'POST', link.short);
    assert.equal(response.status, 401);
    assert.equal((await memberRow(link.memberId)).user_id, null);
  });
});
