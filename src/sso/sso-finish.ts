import type { Tx } from '../platform/db/database.js';
import type { UserRow } from '../platform/db/schema.js';
import { normalizeEmail } from '../platform/lib/email.js';
import { recordAudit } from '../audit/record-audit.js';
import { emitWebhookEvent } from '../platform/webhooks/emit-webhook.js';
import { webhookMember } from '../members/member-webhooks.js';
import { findUserByEmail, findUserById, insertUserUnlessEmailTaken } from '../identity/users.queries.js';
import { memberAuditPayload } from '../members/member-audit.js';
import { findTeamsOfMembers } from '../members/members.queries.js';
import {
  findMembershipOfUser,
  insertSsoMember,
  lockPendingInviteByEmail,
  markMembershipSsoInvalid,
  markMemberSsoLinked,
} from '../members/member-sso.queries.js';
import { attachUserToInvite } from '../members/member-invites.queries.js';
import { isScimDeprovisioned } from '../members/member-scim.queries.js';
import type { SsoIdentity } from './protocols/errors.js';
import { SsoPageError } from './sso-errors.js';
import { deleteIdentity, findIdentityByIdent, findIdentityOfUser, insertIdentity, updateIdentity } from './sso-signin.queries.js';

/** What finishing a sign-in knows: the organization, the flow, who the provider says signed in. */
export interface FinishInput {
  orgId: string;
  provider: string;
  defaultRole: string;
  /** The signed-in user a link flow (`/auth/link/`) attaches the identity to; null for a login. */
  linkUserId: string | null;
  identity: SsoIdentity;
  ip: string;
  now: Date;
}

type KnownIdentity = Awaited<ReturnType<typeof findIdentityByIdent>>;

const accountExists = () =>
  new SsoPageError(
    409,
    'account-exists',
    'An account with this email address already exists, and it is not a member of this organization. Sign in to Roster by email first, then open the link in the SSO email (or /auth/link/ for this organization) to connect your identity.',
  );

/** The account that took the address a moment ago is not there: accounts are never deleted, so only in theory; a 409, not a 500. */
const accountChanged = () =>
  new SsoPageError(409, 'account-changed', 'The account with this email address changed while you were signing in. Please sign in again.');

const emailUnverified = () =>
  new SsoPageError(
    409,
    'email-unverified',
    'Your identity provider has not verified this email address, so it cannot be connected to your account. Sign in to Roster by email, then open the link in the SSO email to connect your identity.',
  );

/** Roster's choice 7: the identity provider took this person out; SSO does not bring them back. */
export const DEPROVISIONED_MESSAGE =
  "Your identity provider has removed you from this organization, so signing in cannot make you a member again. Ask your administrator to assign you to Roster in the identity provider.";

const deprovisioned = () => new SsoPageError(403, 'deprovisioned', DEPROVISIONED_MESSAGE);

/** Refuses (403 `deprovisioned`) a person the identity provider deprovisioned, by any of their addresses or their account. */
async function refuseDeprovisioned(tx: Tx, input: FinishInput, user: UserRow | null): Promise<void> {
  const emails = [input.identity.email ?? '', user?.email ?? ''];
  if (await isScimDeprovisioned(tx, input.orgId, { emails, userId: user?.id ?? null })) throw deprovisioned();
}

/**
 * Resolves who the identity is and makes it so, in the caller's transaction (sso.md §4.2, "Finishing
 * the login pipeline"): a known identity signs its user in (refreshed; a user who left gets a
 * membership again); a link flow attaches it to the signed-in member; an unknown identity whose
 * verified email belongs to a member is linked; one whose email belongs to a non-member is refused
 * (409 `account-exists`, never merged); otherwise a new account joins, accepting the pending invite
 * for its address or as a member with the default role. Nobody the identity provider deprovisioned
 * through SCIM joins this way (403 `deprovisioned`, Roster's choice 7). Returns the user to sign in.
 */
export async function resolveSsoIdentity(tx: Tx, input: FinishInput): Promise<UserRow> {
  const known = await findIdentityByIdent(tx, input.orgId, input.identity.id);
  if (input.linkUserId !== null) return linkSignedInUser(tx, input, known, input.linkUserId);

  if (known && known.is_active) {
    const user = (await findUserById(tx, known.user_id))!;
    await updateIdentity(tx, input.orgId, known.id, { userId: user.id, ident: input.identity.id, data: identityData(input.identity), now: input.now });
    const membership = await findMembershipOfUser(tx, input.orgId, user.id);
    if (!membership) await joinOrganization(tx, input, user);
    else if (membership.invite_status === 0) await markMemberSsoLinked(tx, input.orgId, membership.id);
    return user;
  }

  // Unknown (or held by a deactivated account): the address decides.
  if (!input.identity.email) {
    throw new SsoPageError(400, 'email-missing', 'Your identity provider did not send an email address, so Roster cannot tell who you are.');
  }
  const email = normalizeEmail(input.identity.email);
  const existing = await findUserByEmail(tx, email);
  if (!existing) await refuseDeprovisioned(tx, input, null);
  if (existing) return linkExistingAccount(tx, input, existing, known);
  // Another request (a sign-in through another organization's provider, an accepted invite) may
  // create this address's account between the look-up and here: then it is an existing account
  // like any other, under the same rules, never a unique violation.
  const user = await insertUserUnlessEmailTaken(tx, { email, name: input.identity.name ?? '', emailVerified: input.identity.emailVerified });
  if (!user) {
    const concurrent = await findUserByEmail(tx, email);
    if (!concurrent) throw accountChanged();
    return linkExistingAccount(tx, input, concurrent, known);
  }
  const memberId = await joinOrganization(tx, input, user);
  await link(tx, input, user, memberId, known);
  return user;
}

/** An unknown identity whose address has an account: linked when that account is a member and the address verified, else refused. */
async function linkExistingAccount(tx: Tx, input: FinishInput, existing: UserRow, known: KnownIdentity): Promise<UserRow> {
  const membership = existing.is_active ? await findMembershipOfUser(tx, input.orgId, existing.id) : undefined;
  if (!membership) await refuseDeprovisioned(tx, input, existing);
  if (!membership || membership.invite_status !== 0) throw accountExists();
  if (!input.identity.emailVerified) throw emailUnverified();
  await link(tx, input, existing, membership.id, known);
  return existing;
}

async function linkSignedInUser(tx: Tx, input: FinishInput, known: KnownIdentity, userId: string): Promise<UserRow> {
  const user = await findUserById(tx, userId);
  const membership = user?.is_active ? await findMembershipOfUser(tx, input.orgId, userId) : undefined;
  if (!user || !membership || membership.invite_status !== 0) {
    throw new SsoPageError(403, 'not-a-member', 'Only a member of this organization can link an identity to their account.');
  }
  await link(tx, input, user, membership.id, known);
  return user;
}

const identityData = (identity: SsoIdentity) => ({ email: identity.email, name: identity.name, email_verified: identity.emailVerified });

/**
 * Attaches the identity to `user` and flags the member linked. Looked up by provider id first: an
 * identity that belonged to another account moves, and that account's membership is flagged
 * `sso:invalid`; then by user: the user's previous identity is replaced. A new link is audited
 * `sso.identity-link`.
 */
async function link(tx: Tx, input: FinishInput, user: UserRow, memberId: string, known: KnownIdentity): Promise<void> {
  const { orgId, identity, now } = input;
  const change = { userId: user.id, ident: identity.id, data: identityData(identity), now };
  const own = await findIdentityOfUser(tx, orgId, user.id);
  const isNewLink = !known || known.user_id !== user.id;
  if (known && known.user_id === user.id) {
    await updateIdentity(tx, orgId, known.id, change);
  } else if (known) {
    if (own) await deleteIdentity(tx, orgId, own.id);
    await updateIdentity(tx, orgId, known.id, change);
    await markMembershipSsoInvalid(tx, orgId, known.user_id);
  } else if (own) {
    await updateIdentity(tx, orgId, own.id, change);
  } else {
    await insertIdentity(tx, { orgId, ...change });
  }
  await markMemberSsoLinked(tx, orgId, memberId);
  if (isNewLink) {
    await recordAudit(tx, {
      organizationId: orgId,
      event: 'SSO_IDENTITY_LINK',
      actor: { userId: user.id, email: user.email, name: user.name, ip: input.ip },
      targetObject: memberId,
      targetUserId: user.id,
      data: { provider: input.provider, email: user.email, moved_from_user: known && known.user_id !== user.id ? known.user_id : null },
    });
  }
}

/**
 * Makes `user` a member (JIT): the pending invite for their address is accepted (`member.accept-invite`),
 * else a member with the organization's default role is added (`member.add`). Returns the member id.
 */
async function joinOrganization(tx: Tx, input: FinishInput, user: UserRow): Promise<string> {
  await refuseDeprovisioned(tx, input, user);
  const actor = { userId: user.id, email: user.email, name: user.name, ip: input.ip };
  const invite = await lockPendingInviteByEmail(tx, input.orgId, user.email);
  if (invite && (await attachUserToInvite(tx, input.orgId, invite.id, user.id))) {
    await markMemberSsoLinked(tx, input.orgId, invite.id);
    const teams = await findTeamsOfMembers(tx, input.orgId, [invite.id]);
    await recordAudit(tx, {
      organizationId: input.orgId,
      event: 'MEMBER_ACCEPT',
      actor,
      targetObject: invite.id,
      targetUserId: user.id,
      data: memberAuditPayload({ email: user.email, userId: user.id, role: invite.role, inviteStatus: 0 }, teams),
    });
    await emitWebhookEvent(tx, input.orgId, 'member.joined', {
      member: webhookMember({ id: invite.id, email: user.email, userId: user.id, role: invite.role, pending: false }, teams),
    });
    return invite.id;
  }
  const member = await insertSsoMember(tx, { orgId: input.orgId, userId: user.id, role: input.defaultRole });
  await recordAudit(tx, {
    organizationId: input.orgId,
    event: 'MEMBER_ADD',
    actor,
    targetObject: member.id,
    targetUserId: user.id,
    data: memberAuditPayload({ email: user.email, userId: user.id, role: member.role, inviteStatus: 0 }, []),
  });
  await emitWebhookEvent(tx, input.orgId, 'member.joined', {
    member: webhookMember({ id: member.id, email: user.email, userId: user.id, role: member.role, pending: false }, []),
  });
  return member.id;
}
