/**
 * A local OpenID Connect identity provider for trying Roster's single sign-on without an Okta or
 * Entra ID tenant (README, "Single sign-on"): oidc-provider, the OpenID-certified server the SSO
 * tests use, on 127.0.0.1 with one client registered for Roster's redirect URI and one account.
 * It prints the issuer, client id and client secret to paste into Settings › Authentication.
 *
 *   node --import tsx scripts/sso-demo-idp.ts
 *
 * SSO_DEMO_PORT (default 9100; 0 picks a free one), SSO_DEMO_EMAIL (default the demo's owner,
 * owner@example.com) and Roster's own ROSTER_PUBLIC_URL / HOST / PORT (which give the redirect URI,
 * as the server derives its public URL). For a demo only: its sessions and keys live in memory.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { loadConfig } from '../src/config.js';
import { DEMO_OWNER } from '../src/seed/demo.js';

const port = Number(process.env.SSO_DEMO_PORT ?? 9100);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`sso-demo-idp: SSO_DEMO_PORT must be a port number, got "${process.env.SSO_DEMO_PORT}"`);
  process.exit(2);
}
const email = (process.env.SSO_DEMO_EMAIL || DEMO_OWNER).toLowerCase();
// The same rule as `roster serve`, so the registered redirect URI is the one Roster sends.
const redirectUri = `${loadConfig(process.env).publicUrl}/auth/sso/`;
const clientId = 'roster-demo';
// New each run: a secret printed in a README would be everybody's.
const clientSecret = crypto.randomBytes(24).toString('base64url');
const signingKey = { ...crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'demo', alg: 'RS256', use: 'sig' };

const server = http.createServer();
await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const provider = new Provider(issuer, {
  clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
  jwks: { keys: [signingKey] },
  cookies: { keys: [crypto.randomBytes(32).toString('base64url')] },
  pkce: { required: () => true },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  // oidc-provider's built-in login page (any password) stands in for a real one; only the one account signs in.
  async findAccount(_ctx, id) {
    if (id.trim().toLowerCase() !== email) return undefined;
    return { accountId: id, claims: async () => ({ sub: email, email, email_verified: true, name: 'Demo User' }) };
  },
});
server.on('request', provider.callback());

console.log(`Demo OpenID Connect provider for Roster, on ${issuer} (Ctrl-C stops it).
Paste into Settings › Authentication, OpenID Connect:
  Issuer:        ${issuer}
  Client ID:     ${clientId}
  Client secret: ${clientSecret}
It accepts the redirect URI ${redirectUri}
Sign in at its login page as ${email}, with any password.`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => server.close(() => process.exit(0)));
}
