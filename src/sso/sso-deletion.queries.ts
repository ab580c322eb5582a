import type { Tx } from '../platform/db/database.js';

// The organization-deletion job's batches (src/jobs.ts): up to `limit` of one organization's SSO rows
// each, returning how many went. The provider row goes last: its identities and pending sign-ins
// point at it.

export async function deleteOrganizationIdentities(tx: Tx, organizationId: string, limit: number): Promise<number> {
  const result = await tx
    .deleteFrom('auth_identities')
    .where('organization_id', '=', organizationId)
    .where('id', 'in', (eb) => eb.selectFrom('auth_identities').select('id').where('organization_id', '=', organizationId).limit(limit))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteOrganizationPendingSignins(tx: Tx, organizationId: string, limit: number): Promise<number> {
  const result = await tx
    .deleteFrom('sso_pending_signins')
    .where('state_hash', 'in', (eb) => eb.selectFrom('sso_pending_signins').select('state_hash').where('organization_id', '=', organizationId).limit(limit))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteOrganizationSamlIds(tx: Tx, organizationId: string, limit: number): Promise<number> {
  const result = await tx
    .deleteFrom('saml_seen_ids')
    .where('organization_id', '=', organizationId)
    .where('seen_id', 'in', (eb) => eb.selectFrom('saml_seen_ids').select('seen_id').where('organization_id', '=', organizationId).limit(limit))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The marks of browser sessions that came through the organization's provider. */
export async function deleteOrganizationSessionMarks(tx: Tx, organizationId: string, limit: number): Promise<number> {
  const result = await tx
    .deleteFrom('user_session_sso')
    .where('organization_id', '=', organizationId)
    .where('session_id', 'in', (eb) => eb.selectFrom('user_session_sso').select('session_id').where('organization_id', '=', organizationId).limit(limit))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The organization's SCIM tokens (they hang off the provider row). */
export async function deleteOrganizationScimTokens(tx: Tx, organizationId: string, limit: number): Promise<number> {
  const result = await tx
    .deleteFrom('scim_tokens')
    .where('id', 'in', (eb) => eb.selectFrom('scim_tokens').select('id').where('organization_id', '=', organizationId).limit(limit))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** SCIM tokens past their grace period after a rotation (the purge job's batch): they authenticate nothing. */
export async function deleteExpiredScimTokens(tx: Tx, now: Date, limit: number): Promise<number> {
  const result = await tx
    .deleteFrom('scim_tokens')
    .where('id', 'in', (eb) => eb.selectFrom('scim_tokens').select('id').where('expires_at', '<=', now).limit(limit).forUpdate().skipLocked())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The provider itself (one row at most; `limit` only keeps the step's shape). */
export async function deleteOrganizationProvider(tx: Tx, organizationId: string, _limit: number): Promise<number> {
  const result = await tx.deleteFrom('auth_providers').where('organization_id', '=', organizationId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
