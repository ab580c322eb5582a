import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ssoGateRefuses, ssoRequired, type SsoGateFacts } from '../../src/access/sso-gate.js';
import { safeNextUrl } from '../../src/sso/next-url.js';

/** Issue 15: the require-SSO gate's rule, and where a finished sign-in may send the browser. */
describe('require-SSO gate (issue 15)', () => {
  const facts = (change: Partial<SsoGateFacts> = {}): SsoGateFacts => ({
    member_id: '7',
    member_role: 'member',
    auth_provider: 'oidc',
    auth_allow_unlinked: false,
    sso_member_valid: false,
    sso_session_done: false,
    sso_owner_linked: true,
    ...change,
  });

  it('stops a member without both a valid identity and an SSO session', () => {
    assert.equal(ssoGateRefuses(facts()), true);
    assert.equal(ssoGateRefuses(facts({ sso_member_valid: true })), true);
    assert.equal(ssoGateRefuses(facts({ sso_session_done: true })), true);
    assert.equal(ssoGateRefuses(facts({ sso_member_valid: true, sso_session_done: true })), false);
  });

  it('stops nobody without a provider, with Require SSO off, or who is not a member', () => {
    assert.equal(ssoGateRefuses(facts({ auth_provider: null, auth_allow_unlinked: null })), false);
    assert.equal(ssoGateRefuses(facts({ auth_allow_unlinked: true })), false);
    assert.equal(ssoGateRefuses(facts({ member_id: null, member_role: null })), false);
  });

  it('lets an owner through only while no owner is linked', () => {
    assert.equal(ssoGateRefuses(facts({ member_role: 'owner', sso_owner_linked: false })), false);
    assert.equal(ssoGateRefuses(facts({ member_role: 'owner', sso_owner_linked: true })), true);
    assert.equal(ssoGateRefuses(facts({ member_role: 'manager', sso_owner_linked: false })), true);
  });

  it("answers Sentry's body with the sign-in page on the public URL", () => {
    const error = ssoRequired('https://roster.example', 'acme');
    assert.equal(error.status, 401);
    assert.deepEqual(error.body, { detail: { code: 'sso-required', message: 'Must login via SSO', extra: { loginUrl: 'https://roster.example/auth/login/acme/' } } });
  });
});

describe('the next URL after an SSO sign-in (issue 15)', () => {
  const fallback = 'https://roster.example/organizations/acme/';

  it('keeps paths and URLs on the public URL', () => {
    assert.equal(safeNextUrl('https://roster.example', '/organizations/acme/teams/?q=1', fallback), 'https://roster.example/organizations/acme/teams/?q=1');
    assert.equal(safeNextUrl('https://roster.example', 'https://roster.example/x/', fallback), 'https://roster.example/x/');
    assert.equal(safeNextUrl('https://roster.example/roster', '/roster/organizations/', fallback), 'https://roster.example/roster/organizations/');
  });

  it('replaces anything that leaves it by the fallback', () => {
    for (const next of [
      'https://evil.example/',
      '//evil.example/',
      '/\\evil.example/',
      'https://roster.example.evil.example/',
      'https://user:pass@roster.example/',
      'http://roster.example/',
      'javascript:alert(1)',
      '/organizations/\nSet-Cookie: x',
      '/elsewhere/',
      '',
      undefined,
    ]) {
      assert.equal(safeNextUrl(next === '/elsewhere/' ? 'https://roster.example/roster' : 'https://roster.example', next, fallback), fallback, String(next));
    }
  });
});
