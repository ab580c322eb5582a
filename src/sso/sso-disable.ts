import type { Tx } from '../platform/db/database.js';
import type { OrgContext } from '../access/org-context.js';
import { recordAudit } from '../audit/record-audit.js';
import { clearMemberSsoFlags, findJoinedMembers } from '../members/member-sso.queries.js';
import { deleteAuthIdentities, deleteAuthProvider, deleteSessionSsoMarks, type AuthProviderRow } from './auth-provider.queries.js';
import { queueSsoDisabledEmail } from './sso-emails.js';
import { providerName } from './auth-provider.presenter.js';
import { disableScim } from './scim-token.js';

/**
 * Disabling SSO, in the caller's transaction (Sentry's `op=disable`): every joined member is told,
 * the identities are deleted, no member stays flagged linked or invalid, no session counts as having
 * come through the provider, SCIM is turned off with it (its tokens revoked, every member and team
 * the identity provider managed released), the provider is deleted (its pending sign-ins with it) and `sso.disable`
 * recorded.
 */
export async function disableSso(tx: Tx, context: OrgContext, row: AuthProviderRow, now: Date): Promise<void> {
  const orgId = context.org.id;
  const members = await findJoinedMembers(tx, orgId);
  for (const member of members) {
    await queueSsoDisabledEmail(tx, { organizationId: orgId, organizationName: context.org.name, to: member.email, provider: providerName(row.provider) });
  }
  const identities = await deleteAuthIdentities(tx, orgId);
  await clearMemberSsoFlags(tx, orgId);
  await deleteSessionSsoMarks(tx, orgId);
  await disableScim(tx, orgId, now);
  await deleteAuthProvider(tx, orgId);
  await recordAudit(tx, {
    organizationId: orgId,
    event: 'SSO_DISABLE',
    actor: context.requester,
    targetObject: row.id,
    data: { provider: row.provider, identities_deleted: identities, members_emailed: members.length },
  });
}
