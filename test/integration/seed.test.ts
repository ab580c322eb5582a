import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SeedError } from '../../src/seed/seed.js';
import { secretMatches } from '../../src/platform/lib/secrets.js';
import { createHarness, type Harness } from '../helpers/harness.js';

const FIXTURE = {
  users: [{ email: 'o@example.com', name: 'Olive', superuser: false, emailVerified: true, totpSecret: 'JBSWY3DPEHPK3PXP' }],
  organizations: [
    {
      slug: 'acme',
      name: 'Acme',
      settings: { openMembership: false },
      features: { 'team-roles': true, 'invite-members': true },
      authProvider: { provider: 'saml2' },
      teams: [{ slug: 'backend', name: 'Backend', idpProvisioned: false }],
      members: [
        { email: 'o@example.com', role: 'owner', teams: [{ slug: 'backend', role: null }] },
        { email: 'new@example.com', role: 'member', pending: true, invitedBy: 'o@example.com', tokenExpiresAt: '2018-01-01T00:00:00Z' },
        { email: 'l@example.com', role: 'member', flags: { 'sso:linked': true } },
      ],
    },
  ],
  tokens: [{ user: 'o@example.com', scopes: ['org:read', 'member:read'] }],
};

describe('roster seed fixture', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
  });
  after(() => h.close());

  it('loads the fixture of the issue and prints ids, tokens and invite links', async () => {
    const result = await h.seed(FIXTURE);
    const acme = result.organizations.acme!;
    assert.deepEqual(Object.keys(result.users).sort(), ['l@example.com', 'o@example.com']);
    assert.deepEqual(Object.keys(acme.members), ['o@example.com', 'new@example.com', 'l@example.com']);
    assert.ok(acme.teams.backend);
    assert.match(acme.inviteLinks['new@example.com']!, new RegExp(`^http://roster\\.test/accept/${acme.members['new@example.com']}/[0-9a-f]{64}/$`));
    assert.equal(result.tokens.length, 1);

    const owner = await h.request(result.users['o@example.com']!.token, 'GET', '/api/0/organizations/acme/');
    assert.equal(owner.status, 200);
    assert.equal(owner.body.openMembership, false);
    assert.equal(owner.body.hasAuthProvider, true);
    const limited = await h.request(result.tokens[0]!, 'GET', '/api/0/organizations/acme/');
    assert.equal(limited.status, 200);
    assert.deepEqual(limited.body.access.sort(), ['member:read', 'org:read']);

    const pending = await h.database.db.selectFrom('members').selectAll().where('email', '=', 'new@example.com').executeTakeFirstOrThrow();
    assert.equal(pending.user_id, null);
    assert.equal(pending.token_expires_at?.toISOString(), '2018-01-01T00:00:00.000Z');
    const token = acme.inviteLinks['new@example.com']!.split('/').at(-2)!;
    assert.ok(secretMatches(token, pending.token_hash));
    const linked = await h.database.db.selectFrom('members').selectAll().where('id', '=', acme.members['l@example.com']!).executeTakeFirstOrThrow();
    assert.equal(linked.sso_linked, true);
    const totp = await h.database.db.selectFrom('user_authenticators').selectAll().execute();
    assert.equal(totp.length, 1);
    assert.equal(totp[0]!.confirmed, true);
  });

  const badFixtures: Array<[string, unknown, RegExp]> = [
    ['a bad email', { users: [{ email: 'nope' }] }, /users\[0\]\.email/],
    ['an unknown role', { organizations: [{ slug: 'zz-org', name: 'Z', members: [{ email: 'z@example.com', role: 'king' }] }] }, /organizations\[0\]\.members\[0\]\.role/],
    ['an unknown team', { organizations: [{ slug: 'zz-org', name: 'Z', members: [{ email: 'z@example.com', role: 'member', teams: [{ slug: 'ghost' }] }] }] }, /organizations\[0\]\.members\[0\]\.teams\[0\]\.slug: no team "ghost"/],
    ['an unknown inviter', { organizations: [{ slug: 'zz-org', name: 'Z', members: [{ email: 'z@example.com', role: 'member', pending: true, invitedBy: 'who@example.com' }] }] }, /invitedBy/],
    ['a taken slug', { organizations: [{ slug: 'acme', name: 'Again' }] }, /organizations\[0\]\.slug/],
    ['an unknown setting', { organizations: [{ slug: 'zz-org', name: 'Z', settings: { bogus: 1 } }] }, /settings\.bogus/],
  ];
  for (const [name, fixture, message] of badFixtures) {
    it(`refuses ${name}, naming the entry, and keeps nothing of it`, async () => {
      const before = await h.database.db.selectFrom('users').select('id').execute();
      await assert.rejects(
        h.seed({ users: [{ email: 'partial@example.com' }], ...(fixture as object) }),
        (error: unknown) => error instanceof SeedError && message.test(error.message),
      );
      const afterRows = await h.database.db.selectFrom('users').select('id').execute();
      assert.equal(afterRows.length, before.length);
      assert.equal(await h.database.db.selectFrom('organizations').select('id').where('slug', '=', 'zz-org').executeTakeFirst(), undefined);
    });
  }
});
