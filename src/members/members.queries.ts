import { sql } from 'kysely';
import type { Executor, Tx } from '../platform/db/database.js';
import { prepared, preparedWrite } from '../platform/db/prepared.js';
import type { MemberRow, NewMember } from '../platform/db/schema.js';
import type { TeamRoleId } from '../access/roles.js';

export function insertMember(tx: Tx, member: NewMember): Promise<MemberRow> {
  return tx.insertInto('members').values(member).returningAll().executeTakeFirstOrThrow();
}

/**
 * A member with what its responses need of its user and inviter, in one query. `has2fa` counts
 * confirmed authenticators only.
 */
export function selectMemberViews(db: Executor, orgId: string) {
  return db
    .selectFrom('members as m')
    .leftJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('users as inv', 'inv.id', 'm.inviter_id')
    .selectAll('m')
    .select([
      'u.email as user_email',
      'u.name as user_name',
      'u.is_active as user_active',
      'u.is_superuser as user_is_superuser',
      'u.email_verified as user_email_verified',
      'u.date_joined as user_date_joined',
      'u.last_login as user_last_login',
      'inv.name as inviter_name',
      'inv.email as inviter_email',
    ])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('user_authenticators as a')
            .select('a.id')
            .whereRef('a.user_id', '=', 'm.user_id')
            .where('a.confirmed', '=', true),
        )
        .as('has2fa'),
    )
    .where('m.organization_id', '=', orgId);
}

export type MemberView = Awaited<ReturnType<ReturnType<typeof selectMemberViews>['executeTakeFirstOrThrow']>>;

const memberViewById = prepared((db, { orgId, id }: { orgId: string; id: string }) =>
  selectMemberViews(db, orgId).where('m.invite_status', '=', 0).where('m.id', '=', id),
);
const memberViewByUser = prepared((db, { orgId, userId }: { orgId: string; userId: string }) =>
  selectMemberViews(db, orgId).where('m.invite_status', '=', 0).where('m.user_id', '=', userId).where('m.user_is_active', '=', true),
);

/** One approved member of the organization by id, or the requester's own (`userId`). */
export function findMemberView(db: Executor, orgId: string, by: { id: string } | { userId: string }): Promise<MemberView | undefined> {
  return 'id' in by ? memberViewById.first(db, { orgId, id: by.id }) : memberViewByUser.first(db, { orgId, userId: by.userId });
}

export interface MemberTeamView {
  member_id: string;
  team_id: string;
  slug: string;
  role: 'contributor' | 'admin' | null;
}

const teamsOfMembersQuery = prepared((db, { orgId, memberIds }: { orgId: string; memberIds: readonly string[] }) =>
  db
    .selectFrom('member_teams as mt')
    .innerJoin('teams as t', (join) => join.onRef('t.organization_id', '=', 'mt.organization_id').onRef('t.id', '=', 'mt.team_id'))
    .select(['mt.member_id', 'mt.team_id', 't.slug', 'mt.role'])
    .where('mt.organization_id', '=', orgId)
    .where('mt.member_id', '=', sql<string>`any(${memberIds}::bigint[])`)
    .where('t.status', '=', 0)
    .orderBy('t.slug'),
);

/** The team memberships of these members on active teams, by team slug. */
export function findTeamsOfMembers(db: Executor, orgId: string, memberIds: readonly string[]): Promise<MemberTeamView[]> {
  if (memberIds.length === 0) return Promise.resolve([]);
  return teamsOfMembersQuery.all(db, { orgId, memberIds });
}

/** Is this member the only active owner? (Pending owners do not count.) */
export async function isOnlyOwner(db: Executor, orgId: string, member: Pick<MemberRow, 'id' | 'role'>): Promise<boolean> {
  return member.role === 'owner' && !(await otherActiveMemberHasRole(db, orgId, member.id, ['owner']));
}

/** Does the user belong to any organization besides this one? */
export async function belongsToOtherOrganization(db: Executor, userId: string, orgId: string): Promise<boolean> {
  const row = await db.selectFrom('members').select('id').where('user_id', '=', userId).where('organization_id', '!=', orgId).executeTakeFirst();
  return row !== undefined;
}


/** Case-insensitive "contains" for free-text search, with LIKE's wildcards escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A member locked for an edit, with its teams on active teams (as `findTeamsOfMembers` reads them). */
export type LockedMember = MemberView & { teams: MemberTeamView[] };

const lockedMemberView = prepared((db, { orgId, id }: { orgId: string; id: string }) =>
  selectMemberViews(db, orgId)
    .select(
      sql<MemberTeamView[]>`(select coalesce(json_agg(json_build_object(
          'member_id', mt.member_id::text, 'team_id', mt.team_id::text, 'slug', t.slug, 'role', mt.role) order by t.slug), '[]')
        from member_teams as mt
        inner join teams as t on t.organization_id = mt.organization_id and t.id = mt.team_id
        where mt.organization_id = m.organization_id and mt.member_id = m.id and t.status = 0)`.as('teams'),
    )
    .where('m.invite_status', '=', 0)
    .where('m.id', '=', id)
    .forUpdate(['m']),
);

/**
 * One approved member of the organization by id, with its teams, its row locked until the transaction
 * ends (concurrent edits of one member run one after another). Locking and reading is one statement:
 * one that waited for the lock reads the member as the previous holder committed it.
 */
export function lockMemberView(db: Executor, orgId: string, memberId: string): Promise<LockedMember | undefined> {
  return lockedMemberView.first(db, { orgId, id: memberId });
}

/** The approved member with this email, pending (invite email) or full (its user's email). */
export function findApprovedMemberByEmail(db: Executor, orgId: string, email: string) {
  return db
    .selectFrom('members as m')
    .leftJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.id', 'm.user_id'])
    .where('m.organization_id', '=', orgId)
    .where('m.invite_status', '=', 0)
    .where((eb) => eb.or([eb('m.email', '=', email), eb.and([eb('u.email', '=', email), eb('u.is_active', '=', true)])]))
    .executeTakeFirst();
}

const otherActiveMemberWithRole = prepared((db, { orgId, exceptId, roles }: { orgId: string; exceptId: string; roles: readonly string[] }) =>
  db
    .selectFrom('members')
    .select('id')
    .where('organization_id', '=', orgId)
    .where('id', '!=', exceptId)
    .where('role', '=', sql<string>`any(${roles}::text[])`)
    .where('user_id', 'is not', null)
    .where('user_is_active', '=', true)
    .limit(1),
);

/** Does an active member other than `exceptId` hold one of these roles? (Pending members do not count.) */
export async function otherActiveMemberHasRole(db: Executor, orgId: string, exceptId: string, roles: readonly string[]): Promise<boolean> {
  return (await otherActiveMemberWithRole.first(db, { orgId, exceptId, roles })) !== undefined;
}

const anotherActiveOwnerHeld = prepared((db, { orgId, exceptId }: { orgId: string; exceptId: string }) =>
  db
    .selectFrom('members')
    .select('id')
    .where('organization_id', '=', orgId)
    .where('id', '!=', exceptId)
    .where('role', '=', 'owner')
    .where('user_id', 'is not', null)
    .where('user_is_active', '=', true)
    .limit(1)
    .forShare()
    .skipLocked(),
);

/**
 * Locks an active owner other than `exceptId` FOR SHARE until the transaction ends, so it stays an
 * active owner until then (changing its row waits for the lock); owners locked by other transactions are
 * skipped, never waited for. False when none was free.
 */
export async function holdAnotherActiveOwner(db: Executor, orgId: string, exceptId: string): Promise<boolean> {
  return (await anotherActiveOwnerHeld.first(db, { orgId, exceptId })) !== undefined;
}

const memberRoleUpdate = preparedWrite(
  (db, { orgId, memberId, role, impliedTeamRoles }: { orgId: string; memberId: string; role: string; impliedTeamRoles: readonly TeamRoleId[] }) =>
    db
      .with('cleared', (cte) =>
        cte
          .updateTable('member_teams')
          .set({ role: null })
          .where('organization_id', '=', orgId)
          .where('member_id', '=', memberId)
          .where('role', '=', sql<TeamRoleId>`any(${impliedTeamRoles}::text[])`),
      )
      .updateTable('members')
      .set({ role })
      .where('organization_id', '=', orgId)
      .where('id', '=', memberId),
);

/**
 * Gives the member a new org role and stores null instead of `impliedTeamRoles` on its teams (the team
 * roles the new org role implies), in one statement. A write-behind statement (db/prepared.ts): inside
 * a transaction it goes out with the next statement or the COMMIT.
 */
export function updateMemberRole(tx: Tx, orgId: string, memberId: string, role: string, impliedTeamRoles: readonly TeamRoleId[]): Promise<void> {
  return memberRoleUpdate.run(tx, { orgId, memberId, role, impliedTeamRoles });
}

/** Replaces a pending member's invite token (only its hash is stored) and expiry. */
export async function updateInviteToken(tx: Tx, orgId: string, memberId: string, token: { hash: string; expiresAt: Date }) {
  await tx
    .updateTable('members')
    .set({ token_hash: token.hash, token_expires_at: token.expiresAt })
    .where('organization_id', '=', orgId)
    .where('id', '=', memberId)
    .execute();
}

/** Deletes a member; its team memberships and access requests go with it (foreign keys cascade). */
export async function deleteMemberRow(tx: Tx, orgId: string, memberId: string): Promise<void> {
  await tx.deleteFrom('members').where('organization_id', '=', orgId).where('id', '=', memberId).execute();
}

/**
 * Deletes the still-pending rows (invites and invite requests) this user sent in the organization and
 * returns them with the active teams they were on (read in the statement's snapshot, before the
 * memberships' cascade), for their `member.removed` events.
 */
export function deletePendingInvitesSentBy(tx: Tx, orgId: string, inviterId: string) {
  return tx
    .deleteFrom('members')
    .where('organization_id', '=', orgId)
    .where('inviter_id', '=', inviterId)
    .where('user_id', 'is', null)
    .returning(['id', 'email', 'role', 'invite_status'])
    .returning(
      sql<Array<{ slug: string; role: string | null }>>`(select coalesce(json_agg(json_build_object('slug', t.slug, 'role', mt.role) order by t.slug), '[]')
        from member_teams as mt
        inner join teams as t on t.organization_id = mt.organization_id and t.id = mt.team_id
        where mt.organization_id = members.organization_id and mt.member_id = members.id and t.status = 0)`.as('teams'),
    )
    .execute();
}
