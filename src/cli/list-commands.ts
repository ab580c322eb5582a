import { organizationStatusName } from '../access/org-summary.js';
import { findUserByEmail, listUsers } from '../identity/users.queries.js';
import { listOrganizations } from '../organizations/organizations.queries.js';
import { normalizeEmail } from '../platform/lib/email.js';
import type { Runtime } from '../runtime.js';
import { CliError } from './errors.js';

/**
 * The operator's listings and the token revocation. A list prints one JSON object a line (JSON Lines),
 * oldest first: `grep` and `wc -l` work on it, and `jq` reads it as it is. An empty list prints nothing.
 */
function jsonLines(items: readonly unknown[]): string {
  return items.map((item) => JSON.stringify(item)).join('\n');
}

export async function listUsersCommand({ database }: Runtime): Promise<string> {
  const users = await listUsers(database.db);
  return jsonLines(
    users.map((user) => ({
      id: user.id,
      email: user.email,
      name: user.name,
      isActive: user.is_active,
      isSuperuser: user.is_superuser,
      emailVerified: user.email_verified,
      has2fa: user.has2fa,
      dateJoined: user.date_joined,
      lastLogin: user.last_login,
    })),
  );
}

export async function listOrganizationsCommand({ database }: Runtime): Promise<string> {
  const organizations = await listOrganizations(database.db);
  return jsonLines(
    organizations.map((org) => ({
      id: org.id,
      slug: org.slug,
      name: org.name,
      status: organizationStatusName(org.status),
      members: Number(org.members ?? 0),
      pendingInvites: Number(org.invites ?? 0),
      dateCreated: org.date_added,
    })),
  );
}

/** The user's tokens as the API shows them to their owner; exit 2 for an unknown address. */
export async function listTokensCommand({ database, services }: Runtime, email: string): Promise<string> {
  const user = await findUserByEmail(database.db, normalizeEmail(email));
  if (!user) throw new CliError(`no user with email ${email}`, 2);
  return jsonLines(await services.tokens.listOfUser(user.id));
}

/** Deletes the token; exit 2 when no token has the id (already revoked, or a typo). */
export async function revokeTokenCommand({ services }: Runtime, tokenId: string): Promise<string> {
  const revoked = await services.tokens.revokeAny(tokenId);
  if (!revoked) throw new CliError(`no token with ID ${tokenId}`, 2);
  return `Revoked token ${revoked.id} (ending in ${revoked.token_last_characters}).`;
}
