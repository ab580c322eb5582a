import type { Db } from '../db/database.js';
import type { Requester } from '../auth/requester.js';
import type { Clock } from '../lib/clock.js';
import { DEFAULT_PER_PAGE, keysetPage, parseCursor } from '../http/pagination.js';
import { loadOrgContext } from '../organizations/org-context.js';
import type { Scope } from '../roles/roles.js';
import { parseMemberQuery } from './member-query.js';
import { findAddressedMember, memberWithRoles } from './member-details.js';
import { listMemberViews } from './members.queries.js';
import { presentMember } from './members.presenter.js';

export const MEMBER_READ_SCOPES: readonly Scope[] = ['member:read', 'member:write', 'member:admin'];

export interface ListMembersInput {
  query?: string;
  cursor?: string;
  perPage?: number;
  /** The URL of this page, to build the Link header from. */
  pageUrl: string;
}

export function createMemberService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /** Lists the organization's members, filtered by Sentry's search language, a keyset page at a time. Needs member:read. */
    async list(requester: Requester, orgIdOrSlug: string, input: ListMembersInput) {
      const context = await loadOrgContext(db, requester, orgIdOrSlug, { anyScope: MEMBER_READ_SCOPES });
      const cursor = parseCursor(input.cursor);
      const perPage = input.perPage ?? DEFAULT_PER_PAGE;
      const fetched = await listMemberViews(db, context.org.id, {
        search: parseMemberQuery(input.query ?? ''),
        afterId: cursor.isPrev ? null : cursor.key,
        beforeId: cursor.isPrev ? cursor.key : null,
        limit: perPage + 1,
      });
      const now = clock.now();
      const page = keysetPage(fetched, { cursor, perPage, url: input.pageUrl, idOf: (member) => member.id });
      return { members: page.rows.map((member) => presentMember(member, now)), link: page.link };
    },

    /** One approved member (or `me`) as MemberWithRoles; 404 for anyone else's. Needs member:read. */
    async get(requester: Requester, orgIdOrSlug: string, memberId: string) {
      const context = await loadOrgContext(db, requester, orgIdOrSlug, { anyScope: MEMBER_READ_SCOPES });
      const member = await findAddressedMember(db, context, memberId);
      return memberWithRoles(db, context, member, clock.now());
    },
  };
}

export type MemberService = ReturnType<typeof createMemberService>;
