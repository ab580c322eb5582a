import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createHarness, type Harness } from '../helpers/harness.js';
import { buildOrg } from '../helpers/org-factory.js';

const COMMAND = 'node --import tsx scripts/sso-demo-idp.ts';

interface Printed {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

/** Starts the README's demo provider and reads what it prints, up to its last line. */
function startDemo(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; printed: Printed }> {
  const [node, ...args] = COMMAND.split(' ');
  const child = spawn(node === 'node' ? process.execPath : node!, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => reject(new Error(`the demo provider exited (${code}):\n${stderr}${stdout}`)));
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      if (!stdout.includes('with any password.')) return;
      const value = (label: string) => new RegExp(`${label}:? +(\\S+)`).exec(stdout)?.[1] ?? '';
      resolve({
        child,
        printed: { issuer: value('Issuer'), clientId: value('Client ID'), clientSecret: value('Client secret'), redirectUri: value('the redirect URI') },
      });
    });
  });
}

/**
 * Issue 15, part 3: the README's local SSO demo stays true. The command it shows starts a provider
 * whose discovery document answers, whose client accepts Roster's redirect URI, and whose printed
 * values Roster accepts as an OIDC configuration.
 */
describe('the SSO demo identity provider of the README', () => {
  let h: Harness;
  let demo: { child: ChildProcess; printed: Printed };

  before(async () => {
    h = await createHarness({ config: { secretKey: crypto.randomBytes(32) } });
    demo = await startDemo({ SSO_DEMO_PORT: '0', ROSTER_PUBLIC_URL: h.config.publicUrl, SSO_DEMO_EMAIL: '' });
  });
  after(async () => {
    if (demo?.child.exitCode === null) {
      demo.child.removeAllListeners('exit');
      const exited = new Promise((resolve) => demo.child.once('exit', resolve));
      demo.child.kill('SIGTERM');
      await exited;
    }
    await h?.close();
  });

  it('is the command the README gives', () => {
    const readme = fs.readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## Single sign-on'));
    assert.ok(section.startsWith('## Single sign-on'), 'the README has a "Single sign-on" section');
    assert.ok(section.includes(COMMAND), `the section runs ${COMMAND}`);
  });

  it('prints an issuer whose discovery document answers for itself', async () => {
    const { issuer } = demo.printed;
    assert.match(issuer, /^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${issuer}/.well-known/openid-configuration`);
    assert.equal(response.status, 200);
    const document = (await response.json()) as Record<string, unknown>;
    assert.equal(document.issuer, issuer);
    for (const endpoint of ['authorization_endpoint', 'token_endpoint', 'jwks_uri']) assert.match(String(document[endpoint]), /^http:\/\/127\.0\.0\.1:/);
  });

  it("registers Roster's redirect URI: its authorization endpoint takes the request to its login page", async () => {
    const { issuer, clientId, redirectUri } = demo.printed;
    assert.equal(redirectUri, `${h.config.publicUrl}/auth/sso/`);
    const query = new URLSearchParams({
      client_id: clientId,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'openid email profile',
      state: 'demo-state',
      code_challenge: crypto.createHash('sha256').update('a-verifier-that-is-at-least-43-characters-long-x').digest('base64url'),
      code_challenge_method: 'S256',
    });
    const response = await fetch(`${issuer}/auth?${query}`, { redirect: 'manual' });
    // An unknown client or redirect URI is an error page (400); a good request goes on to the login interaction.
    assert.equal(response.status, 303, await response.text());
    assert.match(response.headers.get('location') ?? '', /\/interaction\//);
  });

  it('prints values Roster accepts as an OpenID Connect provider', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' } } });
    const { issuer, clientId, clientSecret } = demo.printed;
    const response = await h.request<{ provider_name: string; config: { client_id?: string }; service_provider: { redirect_uri?: string } }>(
      org.tokens.owner!,
      'POST',
      `/api/0/organizations/${org.slug}/auth-provider/`,
      { provider: 'oidc', config: { issuer, client_id: clientId, client_secret: clientSecret } },
    );
    assert.equal(response.status, 201, JSON.stringify(response.body));
    assert.equal(response.body.config.client_id, 'roster-demo');
    assert.equal(response.body.service_provider.redirect_uri, demo.printed.redirectUri);
  });
});
