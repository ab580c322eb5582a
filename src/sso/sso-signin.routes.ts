import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Config } from '../config.js';
import { OrgIdOrSlug } from '../platform/http/schemas.js';
import { PUBLIC_ROUTE_IP_LIMIT } from '../platform/http/ip-rate-limit.js';
import type { SessionService } from '../identity/sessions.service.js';
import { SESSION_COOKIE, sessionCookieOptions } from '../identity/session-cookie.js';
import { SsoSignInError } from './protocols/errors.js';
import { signInFirst, SsoPageError } from './sso-errors.js';
import { refusedPage, signInPage, SSO_PAGE_CSP } from './sso-pages.js';
import type { LinkingSession, SsoFlow, SsoSigninService, SsoSignedIn } from './sso-signin.service.js';

/** The double-submit token of the sign-in form: a SameSite=Strict cookie the form must repeat. */
const FORM_COOKIE = 'roster_sso_form';
const FORM_TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** A SAMLResponse with a few certificates and attributes is tens of KB; 256 KiB leaves room, no more. */
const ACS_BODY_LIMIT = 256 * 1024;

const OrgParams = Type.Object({ org: OrgIdOrSlug });
const PageQuery = Type.Object({ next: Type.Optional(Type.String({ maxLength: 2048 })) });
const StartBody = Type.Object({ form_token: Type.String({ maxLength: 64 }), next: Type.Optional(Type.String({ maxLength: 2048 })) });
const AcsBody = Type.Object({ SAMLResponse: Type.String({ minLength: 1, maxLength: ACS_BODY_LIMIT }), RelayState: Type.String({ minLength: 1, maxLength: 512 }) });

const sameText = (a: string, b: string) => a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));

const formRefused = () => new SsoPageError(403, 'form-expired', 'This sign-in form has expired or was not sent from this site. Open the sign-in page again.');

/**
 * The SSO pages, outside /api/0 as Sentry's: `/auth/login/{org}/` and `/auth/link/{org}/` (a page
 * with one button; the POST starts the flow), the OIDC callback `/auth/sso/`, the SAML ACS
 * `/saml/acs/{org}/` and SP metadata `/saml/metadata/{org}/`. A finished sign-in sets the same session
 * cookie as the email sign-in and redirects; a refused one is a page naming its reason.
 */
export function ssoSigninRoutes(signins: SsoSigninService, sessions: SessionService, config: Pick<Config, 'publicUrl'>): FastifyPluginAsyncTypebox {
  const sessionCookie = sessionCookieOptions(config);
  const publicOrigin = new URL(config.publicUrl).origin;
  const formCookie = { httpOnly: true, sameSite: 'strict' as const, secure: config.publicUrl.startsWith('https:'), path: '/auth/', maxAge: 3600 };

  /** The signed-in session behind a link flow (2FA step done); 401 page otherwise. */
  async function linkingSession(request: FastifyRequest): Promise<LinkingSession> {
    const value = request.cookies[SESSION_COOKIE];
    const session = value ? await sessions.authenticate(value) : null;
    if (!session || !session.twoFactorPassed) throw signInFirst();
    return { userId: session.user.id, sessionId: session.id };
  }

  /** The form came from this site's page: its token repeats the cookie, and a browser's Origin (when sent) is Roster's. */
  function checkForm(request: FastifyRequest, formToken: string) {
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== publicOrigin) throw formRefused();
    const cookie = request.cookies[FORM_COOKIE];
    if (!cookie || !FORM_TOKEN.test(cookie) || !sameText(cookie, formToken)) throw formRefused();
  }

  /** A login sets its new session's cookie; a link kept the browser's session, whose cookie stays as it is. */
  const signedIn = (reply: FastifyReply, result: SsoSignedIn) => {
    if (result.sessionToken !== null) reply.setCookie(SESSION_COOKIE, result.sessionToken, sessionCookie);
    return reply.header('cache-control', 'no-store').redirect(result.redirectUrl, 302);
  };

  return async (app) => {
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(typeof body === 'string' ? body : body.toString('utf8'))));
    });
    // After the console's headers (registered on the root): these pages have their own policy. The
    // referrer policy lets the form's POST carry its real Origin (under no-referrer browsers send
    // `Origin: null`), and still tells no other site where the browser came from.
    app.addHook('onSend', async (_request, reply) => {
      reply.header('content-security-policy', SSO_PAGE_CSP).header('referrer-policy', 'same-origin');
    });
    app.setErrorHandler(async (error, _request, reply) => {
      if (error instanceof SsoPageError) return reply.status(error.status).type('text/html; charset=utf-8').send(refusedPage(error.status, error.code, error.message));
      if (error instanceof SsoSignInError) return reply.status(400).type('text/html; charset=utf-8').send(refusedPage(400, error.code, error.message));
      throw error;
    });

    for (const flow of ['login', 'link'] as const satisfies readonly SsoFlow[]) {
      app.get(
        `/auth/${flow}/:org/`,
        { schema: { hide: true, params: OrgParams, querystring: PageQuery }, config: { public: true } },
        async (request, reply) => {
          if (flow === 'link') await linkingSession(request);
          const details = await signins.page(request.params.org);
          const existing = request.cookies[FORM_COOKIE];
          const formToken = existing && FORM_TOKEN.test(existing) ? existing : crypto.randomBytes(32).toString('base64url');
          return reply
            .setCookie(FORM_COOKIE, formToken, formCookie)
            .header('cache-control', 'no-store')
            .type('text/html; charset=utf-8')
            .send(signInPage({ ...details, flow, formToken, next: request.query.next }));
        },
      );

      app.post(
        `/auth/${flow}/:org/`,
        {
          bodyLimit: 4 * 1024,
          schema: { hide: true, params: OrgParams, body: StartBody },
          config: { public: true, ipRateLimit: { name: 'sso-start', ...PUBLIC_ROUTE_IP_LIMIT } },
        },
        async (request, reply) => {
          checkForm(request, request.body.form_token);
          const linking = flow === 'link' ? await linkingSession(request) : null;
          const url = await signins.start(request.params.org, flow, request.body.next, linking);
          return reply.header('cache-control', 'no-store').redirect(url, 302);
        },
      );
    }

    app.get('/auth/sso/', { schema: { hide: true }, config: { public: true } }, async (request, reply) =>
      signedIn(reply, await signins.finishOidc(request.url, request.ip)),
    );

    app.post(
      '/saml/acs/:org/',
      { bodyLimit: ACS_BODY_LIMIT + 4 * 1024, schema: { hide: true, params: OrgParams, body: AcsBody }, config: { public: true } },
      async (request, reply) => signedIn(reply, await signins.finishSaml(request.params.org, request.body, request.ip)),
    );

    app.get('/saml/metadata/:org/', { schema: { hide: true, params: OrgParams }, config: { public: true } }, async (request, reply) =>
      reply.type('application/samlmetadata+xml; charset=utf-8').send(await signins.samlMetadata(request.params.org)),
    );
  };
}
