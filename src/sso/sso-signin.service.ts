import type { Config } from '../config.js';
import type { Db } from '../platform/db/database.js';
import type { Clock } from '../platform/lib/clock.js';
import { hashSecret, newSecret } from '../platform/lib/secrets.js';
import type { SessionService } from '../identity/sessions.service.js';
import { findMembershipOfUser } from '../members/member-sso.queries.js';
import { finishOidcSignIn, startOidcSignIn } from './protocols/oidc.js';
import { finishSamlSignIn, samlServiceProviderMetadata, startSamlSignIn } from './protocols/saml.js';
import type { SsoIdentity } from './protocols/errors.js';
import { providerName } from './auth-provider.presenter.js';
import { noProvider, signInFirst, SsoPageError, unknownSignin } from './sso-errors.js';
import { resolveSsoIdentity } from './sso-finish.js';
import { safeNextUrl } from './next-url.js';
import { oidcProviderFor, samlIdpFor, samlServiceProviderFor } from './sso-protocol.js';
import { ssoUrls } from './sso-urls.js';
import {
  deleteExpiredPendingSignins,
  deleteExpiredSamlIds,
  findSsoOrganization,
  insertPendingSignin,
  lockSsoProvider,
  markSessionSso,
  recordSamlIdSeen,
  takePendingSignin,
  type PendingSignin,
} from './sso-signin.queries.js';

/** How long a started sign-in may take at the identity provider. */
const PENDING_MINUTES = 10;

export type SsoFlow = 'login' | 'link';

/** A finished sign-in: where to send the browser, and the new session's cookie value (none when a link marked the browser's own session). */
export interface SsoSignedIn {
  sessionToken: string | null;
  redirectUrl: string;
}

/** The signed-in browser session a link flow starts from. */
export interface LinkingSession {
  userId: string;
  sessionId: string;
}

interface OidcPendingData {
  protocol: 'oidc';
  nonce: string;
  codeVerifier: string;
}
interface SamlPendingData {
  protocol: 'saml2';
  requestId: string;
}

export interface SsoSigninServiceDeps {
  db: Db;
  config: Pick<Config, 'publicUrl' | 'secretKey'>;
  clock: Clock;
  sessions: SessionService;
}

export function createSsoSigninService({ db, config, clock, sessions }: SsoSigninServiceDeps) {
  const consolePage = (slug: string) => `${config.publicUrl}/organizations/${slug}/`;

  async function providerOf(by: { slug: string } | { id: string }) {
    const org = await findSsoOrganization(db, by);
    if (!org || !org.provider || !org.config) throw noProvider();
    return { ...org, provider: org.provider, config: org.config as Record<string, unknown> };
  }

  /** The pending sign-in a state (or RelayState) names, taken once; 400 `unknown-state` when unknown, used or expired. */
  async function takePending(state: unknown): Promise<PendingSignin> {
    if (typeof state !== 'string' || state === '' || state.length > 512) throw unknownSignin();
    const pending = await db.transaction().execute((tx) => takePendingSignin(tx, hashSecret(state)));
    if (!pending || pending.expires_at.getTime() <= clock.now().getTime()) throw unknownSignin();
    return pending;
  }

  /**
   * One transaction: who the identity is, then the session marked as having come through this
   * organization's provider. A login opens a new session (with its TOTP step when the account has
   * 2FA); a link marks the session that started it and keeps it (no second session, no second code),
   * 401 `not-signed-in` when that session has ended meanwhile.
   */
  async function complete(pending: PendingSignin, identity: SsoIdentity, ip: string): Promise<SsoSignedIn> {
    const now = clock.now();
    return db.transaction().execute(async (tx) => {
      const provider = await lockSsoProvider(tx, pending.organization_id);
      if (!provider) throw noProvider();
      const link = linkingSessionOf(pending);
      if (link && !(await sessions.isStillSignedIn(tx, link.sessionId, link.userId))) throw signInFirst();
      const user = await resolveSsoIdentity(tx, {
        orgId: pending.organization_id,
        provider: provider.provider,
        defaultRole: provider.default_role,
        linkUserId: link?.userId ?? null,
        identity,
        ip,
        now,
      });
      const redirectUrl = pending.next_url ?? consolePage(provider.slug);
      if (link) {
        await markSessionSso(tx, link.sessionId, pending.organization_id, now);
        return { sessionToken: null, redirectUrl };
      }
      const session = await sessions.openSession(tx, user.id);
      await markSessionSso(tx, session.sessionId, pending.organization_id, now);
      return { sessionToken: session.sessionToken, redirectUrl };
    });
  }

  /** The session a pending link started from; null for a login. A link row names both (a check in SQL). */
  function linkingSessionOf(pending: PendingSignin): LinkingSession | null {
    if (pending.flow !== 'link') return null;
    if (pending.user_id === null || pending.session_id === null) throw unknownSignin();
    return { userId: pending.user_id, sessionId: pending.session_id };
  }

  return {
    /** What the sign-in page names: the organization and its provider. 404 `no-provider`. */
    async page(slug: string): Promise<{ orgName: string; orgSlug: string; providerName: string }> {
      const org = await providerOf({ slug });
      return { orgName: org.name, orgSlug: org.slug, providerName: providerName(org.provider) };
    },

    /**
     * Starts a sign-in (or, with `linking`, the linking of a signed-in member's account): keeps the
     * pending state for 10 minutes and returns the identity provider's URL. 404 `no-provider`; 403
     * `not-a-member` when the user linking is not a member. `next` off the public URL is dropped.
     */
    async start(slug: string, flow: SsoFlow, next: string | undefined, linking: LinkingSession | null): Promise<string> {
      const org = await providerOf({ slug });
      if (flow === 'link') {
        const membership = linking ? await findMembershipOfUser(db, org.id, linking.userId) : undefined;
        if (!membership || membership.invite_status !== 0) {
          throw new SsoPageError(403, 'not-a-member', 'Only a member of this organization can link an identity to their account.');
        }
      }
      // The protocol's part first: it may fetch the provider's discovery document, which no
      // transaction waits for.
      let started: { url: string; state: string; data: OidcPendingData | SamlPendingData };
      if (org.provider === 'oidc') {
        const oidc = await oidcProviderFor(config, org.id, org.config);
        const { url, pending } = await startOidcSignIn(oidc, ssoUrls(config, org.slug).oidcRedirectUri);
        started = { url, state: pending.state, data: { protocol: 'oidc', nonce: pending.nonce, codeVerifier: pending.codeVerifier } };
      } else if (org.provider === 'saml2') {
        const relayState = newSecret();
        const { url, requestId } = await startSamlSignIn(samlIdpFor(org.config), samlServiceProviderFor(config, org.slug), relayState);
        started = { url, state: relayState, data: { protocol: 'saml2', requestId } };
      } else {
        throw noProvider();
      }
      const now = clock.now();
      const link = flow === 'link' ? linking : null;
      await db.transaction().execute(async (tx) => {
        // Housekeeping where the rows are made: nothing else ever needs the expired ones.
        await deleteExpiredPendingSignins(tx, now);
        if (org.provider === 'saml2') await deleteExpiredSamlIds(tx, now);
        await insertPendingSignin(tx, {
          stateHash: hashSecret(started.state),
          orgId: org.id,
          flow,
          userId: link?.userId ?? null,
          sessionId: link?.sessionId ?? null,
          nextUrl: safeNextUrl(config.publicUrl, next, consolePage(org.slug)),
          data: { ...started.data },
          expiresAt: new Date(now.getTime() + PENDING_MINUTES * 60_000),
        });
      });
      return started.url;
    },

    /**
     * The OIDC callback (`/auth/sso/`): the state names the sign-in (and its organization); the code
     * is exchanged and the ID token checked by the protocol module. 400 `unknown-state`, or the
     * protocol's code (`state-mismatch`, `wrong-audience`, …); then as `complete`.
     */
    async finishOidc(callbackUrl: string, ip: string): Promise<SsoSignedIn> {
      const received = new URL(callbackUrl, `${config.publicUrl}/`);
      const state = received.searchParams.get('state');
      const pending = await takePending(state);
      const data = pending.data as Partial<OidcPendingData>;
      const org = await providerOf({ id: pending.organization_id });
      if (data.protocol !== 'oidc' || org.provider !== 'oidc' || !data.nonce || !data.codeVerifier) throw unknownSignin();
      const oidc = await oidcProviderFor(config, org.id, org.config);
      const identity = await finishOidcSignIn(oidc, ssoUrls(config, org.slug).oidcRedirectUri, received, {
        state: state!,
        nonce: data.nonce,
        codeVerifier: data.codeVerifier,
      });
      return complete(pending, identity, ip);
    },

    /**
     * The SAML ACS (`/saml/acs/{org}/`): the RelayState names the sign-in, which must be this
     * organization's (400 `wrong-organization` otherwise: another organization's provider cannot
     * sign anyone in here); the response is checked by the protocol module, its ids recorded against
     * replay. Then as `complete`.
     */
    async finishSaml(slug: string, body: { SAMLResponse?: unknown; RelayState?: unknown }, ip: string): Promise<SsoSignedIn> {
      const org = await providerOf({ slug });
      const pending = await takePending(body.RelayState);
      const data = pending.data as Partial<SamlPendingData>;
      if (pending.organization_id !== org.id) {
        throw new SsoPageError(400, 'wrong-organization', "This response answers another organization's sign-in.");
      }
      if (data.protocol !== 'saml2' || org.provider !== 'saml2' || !data.requestId) throw unknownSignin();
      const identity = await finishSamlSignIn(samlIdpFor(org.config), samlServiceProviderFor(config, org.slug), body, {
        requestId: data.requestId,
        isAssertionSeen: (id, expiresAt) => db.transaction().execute((tx) => recordSamlIdSeen(tx, org.id, id, expiresAt)),
      });
      return complete(pending, identity, ip);
    },

    /** Roster's SP metadata for the organization's SAML provider; 404 `no-provider` without one. */
    async samlMetadata(slug: string): Promise<string> {
      const org = await providerOf({ slug });
      if (org.provider !== 'saml2') throw noProvider();
      return samlServiceProviderMetadata(samlServiceProviderFor(config, org.slug));
    },
  };

}

export type SsoSigninService = ReturnType<typeof createSsoSigninService>;
