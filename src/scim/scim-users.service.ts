import type { Static } from '@sinclair/typebox';
import type { Tx } from '../platform/db/database.js';
import { notFound } from '../platform/http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { TOP_ORG_ROLE } from '../access/roles.js';
import { memberAuditData, memberAuditPayload } from '../members/member-audit.js';
import { provisionScimMember, deleteScimMember, syncScimRole } from '../members/member-scim.js';
import { updateInviteEmail, updateScimProfile } from '../members/member-scim.queries.js';
import { findApprovedMemberByEmail, lockMemberView, otherActiveMemberHasRole, type LockedMember } from '../members/members.queries.js';
import { deleteUserIdentity } from '../sso/sso-signin.queries.js';
import { scimUrl } from '../sso/scim-token.js';
import { loadScimContext, SCIM_SCOPES, type ScimContext, type ScimDeps, type ScimPrincipal } from './scim-context.js';
import { scimError } from './scim-errors.js';
import { parseScimFilter } from './scim-filter.js';
import { parsePatchBody } from './scim-patch.js';
import { applyUserPatch, type ScimUserState } from './scim-user-patch.js';
import { planRoleSync, profileOf, provisionableRole, readUserBody, resolveUserEmail, USER_EXISTS, type RoleSync } from './scim-user-input.js';
import { presentScimUser, USER_ALWAYS_RETURNED, type ScimUserResource } from './scim-users.presenter.js';
import { parseAttributeSelection, selectAttributes } from './scim-attributes.js';
import { listResponse, listWindow, type ScimListQuery } from './scim-list.js';
import { findScimUser, listScimUsers, type ScimUserRow } from './scim-users.queries.js';

export const LAST_OWNER = 'You cannot remove the only remaining owner of the organization.';
const USERNAME_IMMUTABLE = 'The userName of a member who has joined cannot change.';

/** `attributes` and `excludedAttributes` as the query sends them. */
type AttributeQuery = Pick<Static<typeof ScimListQuery>, 'attributes' | 'excludedAttributes'>;

/** A write's answer: the User, or null when it deprovisioned the member (204). */
export type ScimUserWrite = ScimUserResource | null;

function stateOf(row: ScimUserRow): ScimUserState {
  const profile = row.scim_profile ?? {};
  return {
    userName: row.user_name,
    active: true,
    name: profile.name ?? null,
    displayName: profile.displayName ?? null,
    externalId: row.scim_external_id,
    emails: profile.emails ?? [],
    sentryOrgRole: row.role,
  };
}

/**
 * SCIM Users = the organization's members (spec scim.md §1.4, Roster's choices 1–7, 11–17, 20). Every
 * write is one transaction that locks the organization row and then the member, in the member API's
 * order, so that a deprovision or a role sync can never take the last owner away and never deadlocks
 * with a member edit. Refusals are in the SCIM envelope with their scimType.
 */
export function createScimUserService({ db, config, clock }: ScimDeps) {
  const baseUrl = (context: ScimContext) => scimUrl(config, context.org.slug);

  /** The member addressed by a write, locked; a member whose user is inactive is no User (404). */
  async function lockUser(tx: Tx, context: ScimContext, memberId: string): Promise<{ member: LockedMember; row: ScimUserRow }> {
    const member = await lockMemberView(tx, context.org.id, memberId);
    const row = member ? await findScimUser(tx, context.org.id, memberId) : undefined;
    if (!member || !row) throw notFound();
    return { member, row };
  }

  async function present(tx: Tx, context: ScimContext, memberId: string) {
    const row = await findScimUser(tx, context.org.id, memberId);
    if (!row) throw notFound();
    return presentScimUser(row, baseUrl(context));
  }

  /** Choice 7: the member, its teams and its SSO identity go, a tombstone stays; never the last owner (403). */
  async function deprovision(tx: Tx, context: ScimContext, member: LockedMember): Promise<null> {
    if (member.role === TOP_ORG_ROLE && !(await otherActiveMemberHasRole(tx, context.org.id, member.id, [TOP_ORG_ROLE]))) {
      throw scimError(403, LAST_OWNER);
    }
    const data = memberAuditData(member, member.teams);
    await deleteScimMember(tx, member, clock.now());
    if (member.user_id !== null) await deleteUserIdentity(tx, context.org.id, member.user_id);
    await recordAudit(tx, {
      organizationId: context.org.id,
      event: 'MEMBER_REMOVE',
      actor: context.actor,
      targetObject: member.id,
      targetUserId: member.user_id,
      data,
    });
    return null;
  }

  /**
   * Saves what a PUT or PATCH left of the User: the address of a pending invite (a joined member's
   * cannot change: 400 mutability; taken: 409 uniqueness), the role sync when asked for, the profile.
   */
  async function saveUser(tx: Tx, context: ScimContext, member: LockedMember, row: ScimUserRow, next: ScimUserState, roleSync: RoleSync | null) {
    const orgId = context.org.id;
    const email = resolveUserEmail(next);
    const profile = profileOf(next);
    let edited = false;
    if (email !== row.user_name) {
      if (member.user_id !== null) throw scimError(400, USERNAME_IMMUTABLE, 'mutability');
      if (await findApprovedMemberByEmail(tx, orgId, email)) throw scimError(409, USER_EXISTS, 'uniqueness');
      if (!(await updateInviteEmail(tx, orgId, member.id, email))) throw scimError(409, USER_EXISTS, 'uniqueness');
      edited = true;
    }
    // members/ writes the role as the member API's role change does (no team role the new role
    // implies; the model-based fuzzing found a synced manager still storing team admin) and emits member.updated.
    // The event names a pending invite by the address this write just gave it.
    if (roleSync && (await syncScimRole(tx, { ...member, email: member.user_id === null ? email : member.email }, roleSync))) edited = true;
    await updateScimProfile(tx, orgId, member.id, profile);
    if (edited) {
      const role = roleSync?.role ?? member.role;
      await recordAudit(tx, {
        organizationId: orgId,
        event: 'MEMBER_EDIT',
        actor: context.actor,
        targetObject: member.id,
        targetUserId: member.user_id,
        data: memberAuditPayload({ email, userId: member.user_id, role, inviteStatus: member.invite_status }, member.teams),
      });
    }
    return present(tx, context, member.id);
  }

  return {
    /** `GET Users`: a page of the filtered members by id; startIndex < 1 is 1, count 0–100 (choice 4). 400 invalidFilter. */
    async list(principal: ScimPrincipal, orgIdOrSlug: string, query: Static<typeof ScimListQuery>) {
      const context = await loadScimContext(db, principal, orgIdOrSlug, SCIM_SCOPES.readUsers);
      const filter = query.filter !== undefined && query.filter.trim() !== '' ? parseScimFilter(query.filter) : null;
      const selection = parseAttributeSelection(query);
      const window = listWindow(query);
      const { total, rows } = await listScimUsers(db, context.org.id, filter, { offset: window.offset, count: window.count });
      const resources = rows.map((row) => selectAttributes(presentScimUser(row, baseUrl(context)), selection, USER_ALWAYS_RETURNED));
      return listResponse(resources, total, window);
    },

    /** `GET Users/{id}`: 404 for an unknown id or another organization's member. */
    async get(principal: ScimPrincipal, orgIdOrSlug: string, memberId: string, query: AttributeQuery) {
      const context = await loadScimContext(db, principal, orgIdOrSlug, SCIM_SCOPES.readUsers);
      const row = await findScimUser(db, context.org.id, memberId);
      if (!row) throw notFound();
      return selectAttributes(presentScimUser(row, baseUrl(context)), parseAttributeSelection(query), USER_ALWAYS_RETURNED);
    },

    /**
     * `POST Users`: provision a pending member (§1.4, choices 11–13), audited `member.invite` as the
     * identity provider. 400 invalidValue (address, role), 409 uniqueness when the address is taken.
     */
    async create(principal: ScimPrincipal, orgIdOrSlug: string, body: unknown) {
      return db.transaction().execute(async (tx) => {
        const context = await loadScimContext(tx, principal, orgIdOrSlug, SCIM_SCOPES.writeUsers);
        const user = readUserBody(body);
        const email = resolveUserEmail(user);
        const role = user.sentryOrgRole !== null ? provisionableRole(user.sentryOrgRole) : context.org.default_role;
        const profile = profileOf(user);
        if (await findApprovedMemberByEmail(tx, context.org.id, email)) throw scimError(409, USER_EXISTS, 'uniqueness');
        const member = await provisionScimMember(tx, { orgId: context.org.id, email, role, roleRestricted: user.sentryOrgRole !== null, ...profile }, clock.now());
        if (!member) throw scimError(409, USER_EXISTS, 'uniqueness');
        await recordAudit(tx, {
          organizationId: context.org.id,
          event: 'MEMBER_INVITE',
          actor: context.actor,
          targetObject: member.id,
          targetUserId: null,
          data: memberAuditPayload({ email, userId: null, role, inviteStatus: 0 }, []),
        });
        return present(tx, context, member.id);
      });
    },

    /** `PUT Users/{id}`: `active: false` deprovisions (choice 6, null → 204); else role sync and profile replace. */
    async replace(principal: ScimPrincipal, orgIdOrSlug: string, memberId: string, body: unknown): Promise<ScimUserWrite> {
      return db.transaction().execute(async (tx) => {
        const context = await loadScimContext(tx, principal, orgIdOrSlug, SCIM_SCOPES.writeUsers, { forUpdate: true });
        const next = readUserBody(body);
        const { member, row } = await lockUser(tx, context, memberId);
        if (!next.active) return deprovision(tx, context, member);
        const roleSync = planRoleSync(row, next.sentryOrgRole, context.org.default_role);
        return saveUser(tx, context, member, row, next, roleSync);
      });
    },

    /**
     * `PATCH Users/{id}`: every operation in order, atomically (choice 5); `active: false` anywhere
     * deprovisions (null → 204); `sentryOrgRole` syncs the role as PUT does.
     */
    async patch(principal: ScimPrincipal, orgIdOrSlug: string, memberId: string, body: unknown): Promise<ScimUserWrite> {
      return db.transaction().execute(async (tx) => {
        const context = await loadScimContext(tx, principal, orgIdOrSlug, SCIM_SCOPES.writeUsers, { forUpdate: true });
        const operations = parsePatchBody(body);
        const { member, row } = await lockUser(tx, context, memberId);
        const before = stateOf(row);
        const next = applyUserPatch(before, operations);
        if (!next.active) return deprovision(tx, context, member);
        const roleSync = next.sentryOrgRole !== before.sentryOrgRole ? planRoleSync(row, next.sentryOrgRole, context.org.default_role) : null;
        return saveUser(tx, context, member, row, next, roleSync);
      });
    },

    /** `DELETE Users/{id}`: deprovision (choice 7). 403 for the last owner, 404 for an unknown id. */
    async remove(principal: ScimPrincipal, orgIdOrSlug: string, memberId: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const context = await loadScimContext(tx, principal, orgIdOrSlug, SCIM_SCOPES.deleteUsers, { forUpdate: true });
        const { member } = await lockUser(tx, context, memberId);
        await deprovision(tx, context, member);
      });
    },
  };
}

export type ScimUserService = ReturnType<typeof createScimUserService>;
