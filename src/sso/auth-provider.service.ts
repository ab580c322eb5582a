import type { Config } from '../config.js';
import type { Db, Executor, Tx } from '../platform/db/database.js';
import type { Clock } from '../platform/lib/clock.js';
import type { Requester } from '../access/requester.js';
import { allowedOrgRoles } from '../access/access.js';
import { loadOrgContext, type OrgContext } from '../access/org-context.js';
import type { Scope } from '../access/roles.js';
import type { SsoEditPayload } from '../audit/audit-payloads.js';
import { recordAudit } from '../audit/record-audit.js';
import { violatedUniqueConstraint } from '../platform/db/constraint-errors.js';
import { detailError, fieldError, notFound } from '../platform/http/errors.js';
import { countUnlinkedMembers, findUnlinkedMembers } from '../members/member-sso.queries.js';
import { queueSsoLinkEmail } from '../members/invite-emails.js';
import { setDefaultRole, turnOffTwoFactorForSso } from '../organizations/sso-settings.js';
import { findAuthProvider, insertAuthProvider, updateAuthProvider, type AuthProviderRow } from './auth-provider.queries.js';
import { presentAuthProvider, providerName } from './auth-provider.presenter.js';
import type { CreateAuthProviderBody, UpdateAuthProviderBody } from './auth-provider.schemas.js';
import { checkProviderConfig, type StoredConfig } from './provider-config.js';
import { disableSso } from './sso-disable.js';
import { ssoUrls } from './sso-urls.js';
import { disableScim, enableScim, rotateScimToken, scimUrl, type IssuedScimToken } from './scim-token.js';

/** Who may configure SSO (Sentry's org:write, which org:admin includes). */
export const AUTH_PROVIDER_SCOPES: readonly Scope[] = ['org:write', 'org:admin'];

const CONFIGURABLE = new Set(['oidc', 'saml2']);

export interface AuthProviderServiceDeps {
  db: Db;
  config: Pick<Config, 'publicUrl' | 'secretKey'>;
  clock: Clock;
}

export const SCIM_IS_OFF = 'SCIM is not enabled for this organization: turn it on first ({"scim_enabled": true}).';

const alreadyConfigured = () => detailError(409, 'This organization already has an SSO provider; change it, or disable it first.', 'sso_exists');

export function createAuthProviderService({ db, config, clock }: AuthProviderServiceDeps) {
  const gate = { anyScope: AUTH_PROVIDER_SCOPES };
  const locked = { anyScope: AUTH_PROVIDER_SCOPES, forUpdate: true };

  async function present(tx: Executor, context: OrgContext, row: AuthProviderRow) {
    const fresh = await loadOrgContext(tx, context.requester, context.org.id);
    return presentAuthProvider(config, fresh.org, row, await countUnlinkedMembers(tx, context.org.id));
  }

  /** A default role the requester could not invite someone with is refused: SSO would hand it to strangers. */
  function checkDefaultRole(context: OrgContext, role: string | undefined) {
    if (role !== undefined && !allowedOrgRoles(context.access, context.scopeOptions, true).includes(role as never)) {
      throw fieldError('default_role', `You cannot make "${role}" the role of new members: it is above the roles you may give.`);
    }
  }

  /** Queues the SSO-link email to every joined member without a link; returns their addresses. */
  async function emailUnlinkedMembers(tx: Tx, context: OrgContext, provider: string): Promise<string[]> {
    const unlinked = await findUnlinkedMembers(tx, context.org.id);
    for (const member of unlinked) {
      await queueSsoLinkEmail(tx, {
        organizationId: context.org.id,
        organizationName: context.org.name,
        to: member.email,
        actorEmail: context.requester.email,
        provider: providerName(provider),
        link: ssoUrls(config, context.org.slug).linkUrl,
      });
    }
    return unlinked.map((member) => member.email);
  }

  return {
    /** The organization's provider (Sentry's shape). 403 without org:write; 404 when there is none. */
    async get(requester: Requester, idOrSlug: string) {
      const context = await loadOrgContext(db, requester, idOrSlug, gate);
      const row = await findAuthProvider(db, context.org.id);
      if (!row) throw notFound();
      return presentAuthProvider(config, context.org, row, await countUnlinkedMembers(db, context.org.id));
    },

    /**
     * Enables SSO: checks the configuration with the provider first (outside the transaction: it fetches
     * OIDC discovery), then in one transaction stores it, turns require2FA off (`org.edit`), sets the
     * default role, records `sso.enable` and emails every unlinked member the SSO-link email. 403
     * without org:write; 400 naming the field; 409 when the organization already has a provider.
     */
    async create(requester: Requester, idOrSlug: string, body: CreateAuthProviderBody) {
      const outside = await loadOrgContext(db, requester, idOrSlug, gate);
      if (outside.authProvider) throw alreadyConfigured();
      checkDefaultRole(outside, body.default_role);
      const stored = await checkProviderConfig({ config, orgId: outside.org.id }, body.provider, body.config);
      try {
        return await db.transaction().execute(async (tx) => {
          const context = await loadOrgContext(tx, requester, outside.org.id, locked);
          if (context.authProvider) throw alreadyConfigured();
          const requireLink = body.require_link ?? true;
          const row = await insertAuthProvider(tx, { orgId: context.org.id, provider: body.provider, allowUnlinked: !requireLink, config: stored, now: clock.now() });
          await turnOffTwoFactorForSso(tx, context.org, requester);
          if (body.default_role !== undefined) await setDefaultRole(tx, context.org.id, body.default_role);
          const emailed = await emailUnlinkedMembers(tx, context, body.provider);
          await recordAudit(tx, {
            organizationId: context.org.id,
            event: 'SSO_ENABLE',
            actor: requester,
            targetObject: row.id,
            data: { provider: body.provider, require_link: requireLink, default_role: body.default_role ?? context.org.default_role, members_emailed: emailed.length },
          });
          return present(tx, context, row);
        });
      } catch (error) {
        if (violatedUniqueConstraint(error) === 'auth_providers_pkey') throw alreadyConfigured();
        throw error;
      }
    },

    /**
     * Changes require_link, the organization's default role and the configuration (checked as on
     * create, merged over the stored one), with one `sso.edit` entry naming what changed. 403, 400
     * naming the field, 404 without a provider, 409 when the provider was replaced meanwhile.
     */
    async update(requester: Requester, idOrSlug: string, body: UpdateAuthProviderBody) {
      const outside = await loadOrgContext(db, requester, idOrSlug, gate);
      const before = await findAuthProvider(db, outside.org.id);
      if (!before) throw notFound();
      checkDefaultRole(outside, body.default_role);
      let stored: StoredConfig | undefined;
      if (body.config !== undefined) {
        if (!CONFIGURABLE.has(before.provider)) throw fieldError('config', `The ${before.provider} provider has no settings here.`);
        stored = await checkProviderConfig({ config, orgId: outside.org.id }, before.provider as 'oidc' | 'saml2', body.config, before.config as unknown as StoredConfig);
      }
      return db.transaction().execute(async (tx) => {
        const context = await loadOrgContext(tx, requester, outside.org.id, locked);
        const current = await findAuthProvider(tx, context.org.id);
        if (!current) throw notFound();
        if (current.id !== before.id) throw detailError(409, 'The SSO provider was replaced while this change was checked; try again.', 'sso_replaced');
        const changed: Omit<SsoEditPayload, 'provider'> = {};
        const allowUnlinked = body.require_link === undefined ? undefined : !body.require_link;
        if (allowUnlinked !== undefined && allowUnlinked !== current.allow_unlinked) changed.require_link = `to ${body.require_link}`;
        if (body.default_role !== undefined && body.default_role !== context.org.default_role) {
          changed.default_role = `from ${context.org.default_role} to ${body.default_role}`;
          await setDefaultRole(tx, context.org.id, body.default_role);
        }
        if (stored !== undefined) {
          const keys = Object.keys(body.config ?? {});
          if (keys.length > 0) changed.config = keys.sort().join(', ');
        }
        await updateAuthProvider(tx, context.org.id, { allowUnlinked, config: stored, now: clock.now() });
        // Turning SCIM on answers with its token, once; asking again while it is on issues nothing
        // (the token in use keeps working: Roster's choice 18).
        let scimToken: string | undefined;
        if (body.scim_enabled === true && !current.scim_enabled) {
          scimToken = await enableScim(tx, context.org.id, clock.now());
          changed.scim = 'enabled';
        } else if (body.scim_enabled === false && current.scim_enabled) {
          await disableScim(tx, context.org.id, clock.now());
          changed.scim = 'disabled';
        }
        if (Object.keys(changed).length > 0) {
          await recordAudit(tx, { organizationId: context.org.id, event: 'SSO_EDIT', actor: requester, targetObject: current.id, data: { provider: current.provider, ...changed } });
        }
        const presented = await present(tx, context, (await findAuthProvider(tx, context.org.id))!);
        return scimToken === undefined ? presented : { ...presented, scim_api_token: scimToken };
      });
    },

    /**
     * A new SCIM token, shown once; the one in use keeps working for 24 hours (Roster's choice 10).
     * 403 without org:write; 404 without a provider; 400 while SCIM is off.
     */
    async rotateScimToken(requester: Requester, idOrSlug: string): Promise<IssuedScimToken> {
      return db.transaction().execute(async (tx) => {
        const context = await loadOrgContext(tx, requester, idOrSlug, locked);
        const row = await findAuthProvider(tx, context.org.id);
        if (!row) throw notFound();
        if (!row.scim_enabled) throw detailError(400, SCIM_IS_OFF, 'scim_off');
        const token = await rotateScimToken(tx, context.org.id, clock.now());
        await recordAudit(tx, { organizationId: context.org.id, event: 'SSO_EDIT', actor: requester, targetObject: row.id, data: { provider: row.provider, scim: 'token rotated' } });
        return { scim_api_token: token, scim_url: scimUrl(config, context.org.slug) };
      });
    },

    /** Disables SSO (see sso-disable.ts). 403 without org:write; 404 without a provider. */
    async remove(requester: Requester, idOrSlug: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const context = await loadOrgContext(tx, requester, idOrSlug, locked);
        const row = await findAuthProvider(tx, context.org.id);
        if (!row) throw notFound();
        await disableSso(tx, context, row, clock.now());
      });
    },

    /** Re-sends the SSO-link email to every joined member without a link. 403 without org:write; 404 without a provider. */
    async sendReminders(requester: Requester, idOrSlug: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const context = await loadOrgContext(tx, requester, idOrSlug, gate);
        const row = await findAuthProvider(tx, context.org.id);
        if (!row) throw notFound();
        await emailUnlinkedMembers(tx, context, row.provider);
      });
    },
  };
}

export type AuthProviderService = ReturnType<typeof createAuthProviderService>;
