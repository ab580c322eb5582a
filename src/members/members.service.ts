import type { Db } from '../platform/db/database.js';
import type { Requester } from '../access/requester.js';
import type { Clock } from '../platform/lib/clock.js';
import { keysetBounds, pageOf, type Page, type PageRequest } from '../platform/http/pagination.js';
import { loadOrgContext } from '../access/org-context.js';
import type { Scope } from '../access/roles.js';
import { parseMemberQuery } from './member-query.js';
import { findAddressedMember, memberWithRoles } from './member-details.js';
import { listMemberJson, type MemberListRow } from './member-list.queries.js';
import { memberListJson } from './members.presenter.js';

export const MEMBER_READ_SCOPES: readonly Scope[] = ['member:read', 'member:write', 'member:admin'];


export function createMemberService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /**
     * Lists the organization's members in id order, filtered by Sentry's search language, a keyset
     * page at a time (`request` ordered `asc`), as the JSON text of an array of Members. Needs member:read.
     */
    async list(requester: Requester, orgIdOrSlug: string, query: string | undefined, request: PageRequest) {
      const context = await loadOrgContext(db, requester, orgIdOrSlug, { anyScope: MEMBER_READ_SCOPES });
      const rows = await listMemberJson(db, context.org.id, parseMemberQuery(query ?? ''), keysetBounds(request), clock.now());
      const page: Page<MemberListRow> = pageOf(rows, request, (member) => member.id);
      // The page as JSON text, ready to send: PostgreSQL wrote each member (member-list.queries.ts).
      return { json: `[${page.items.map(memberListJson).join(',')}]`, page };
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
